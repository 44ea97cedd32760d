// The intent of one analysed utterance, by rules in a fixed order: the most distinctive words
// first (GSTR, profit, reminder), then what money and goods were said with them. Each rule also
// says how sure it is, so the engine knows when to ask the fallback model.
import type { IntentName } from '../types';
import { afterCustomer, amountOf, has, isAt, unknownName, type Analysis } from './analyse';

export interface Classified {
  intent: IntentName;
  confidence: number;
  /** Why, for debugging and tests. */
  rule: string;
}

const SURE = 0.95;
const LIKELY = 0.8;
const GUESS = 0.55;

const is = (intent: IntentName, confidence: number, rule: string): Classified => ({ intent, confidence, rule });

/** Words of payment that say money came in, as opposed to "diye" (gave) whose direction depends on ne/ko. */
const PAID = new Set(['jama', 'mile', 'mila', 'mili', 'milee', 'paid', 'payment', 'paiment', 'pement', 'bheje', 'bheja', 'bheji', 'chuka', 'chukaya', 'chukaye', 'chukta', 'lautaye', 'lautaya', 'lauta', 'received', 'deposit', 'deposited', 'aaya', 'aaye', 'aayi', 'bhara', 'bhare', 'wapas', 'vapas', 'clear', 'settle']);

/** "cancel" itself, not "band" or "stop", which say many other things. */
const CANCEL_WORDS = new Set(['cancel', 'kainsal', 'cancil', 'radd', 'rad', 'void']);
const YES_WORDS = new Set(['haan', 'han', 'ha', 'haa', 'yes', 'yeah', 'yep', 'hanji', 'haanji', 'bilkul', 'ji']);

export function classify(a: Analysis): Classified {
  const t = a.tokens;
  if (t.length === 0) return is('UNKNOWN', SURE, 'empty');
  const norms = new Set(t.map((x) => x.norm));
  const customer = a.customer !== null;
  // A customer spoken of whom the shop has no record: still a balance or money command, answered "not found".
  const named = customer || unknownName(a) !== null;
  const items = a.items.length > 0;
  const amount = amountOf(a);
  const hasNumber = a.freeNumbers.length > 0;
  // "de gaye", "le liye", "mil gaya": given, taken, received.
  const inName = (i: number) => a.customer !== null && i >= a.customer.start && i < a.customer.end;
  const paidWord = t.some(
    (x, i) => (PAID.has(x.norm) && !inName(i)) || (x.norm === 'de' && /^ga(ye|ya|yi|i)$/.test(t[i + 1]?.norm ?? '')) || (x.norm === 'le' && /^li(ye|ya|e|)$/.test(t[i + 1]?.norm ?? '')) || (x.norm === 'mil' && /^ga(ye|ya|yi|i)$/.test(t[i + 1]?.norm ?? '')),
  );
  const gave = has(a, 'received');

  // Reports: distinctive words.
  if ([...norms].some((w) => /^gstr/.test(w)) || (has(a, 'gst') && has(a, 'gstr'))) return is('EXPORT_GSTR1', SURE, 'gstr');
  if (has(a, 'pnl')) return is('EXPORT_PNL', SURE, 'profit/loss');

  // Reminders before money: "kal 7 baje 1500 ka reminder" has an amount and a customer too.
  if (has(a, 'reminder')) {
    if (has(a, 'cancel') || has(a, 'remove') || (has(a, 'no') && !a.when)) return is('CANCEL_REMINDER', SURE, 'reminder + cancel');
    const listing = has(a, 'which') || ((has(a, 'show') || has(a, 'all') || has(a, 'howMuch')) && !a.when);
    if (listing && !has(a, 'send')) return is('LIST_REMINDERS', SURE, 'reminder + list');
    return is('CREATE_REMINDER', customer || a.when ? SURE : LIKELY, 'reminder');
  }

  // New customer, phone change, customer details.
  const newAccount = (has(a, 'new') && (has(a, 'customer') || has(a, 'khata'))) || (has(a, 'customer') && has(a, 'open') && !customer);
  if (newAccount && !a.items.some((i) => i.explicit && i.mention.how !== 'fuzzy')) return is('CREATE_CUSTOMER', SURE, 'new customer');
  if (a.phone && (customer || has(a, 'phone')) && (has(a, 'change') || has(a, 'phone'))) return is('UPDATE_CUSTOMER_PHONE', customer ? SURE : LIKELY, 'phone + change');
  if (customer && (has(a, 'details') || (has(a, 'phone') && !a.phone && (has(a, 'question') || has(a, 'show'))))) return is('GET_CUSTOMER_INFO', SURE, 'details');

  // The bill: GST, sending, cancelling, discount.
  if (has(a, 'gst') && !items) return is('TOGGLE_GST', SURE, 'gst');
  if ((has(a, 'bill') || has(a, 'copy')) && has(a, 'send') && !items) return is('SEND_INVOICE', SURE, 'bill + send');
  // "bill nikalo" prints the bill; "bill hatao" throws it away.
  const removeBill = t.some((x, i) => isAt(a, i, 'remove') && !x.norm.startsWith('nikal'));
  if (has(a, 'bill') && (has(a, 'cancel') || (has(a, 'no') && has(a, 'make')) || removeBill) && !items) return is('CANCEL_INVOICE', SURE, 'bill + cancel');
  const discountWord = t.some((x, i) => isAt(a, i, 'discount') && x.norm !== 'kam' && x.norm !== 'less');
  const lessBy = (norms.has('kam') || norms.has('less')) && amount !== null && (has(a, 'rupee') || has(a, 'percent') || has(a, 'bill'));
  if ((discountWord && (hasNumber || has(a, 'percent'))) || lessBy) return is('ADD_DISCOUNT', SURE, 'discount');

  // Undo: "undo", "galti ho gayi", "pichhla wala hata do", "last entry galat thi".
  const undoWord = has(a, 'undo') && !customer && amount === null;
  const mistake = has(a, 'mistake') && !items && !customer;
  const lastEntry = has(a, 'last') && (has(a, 'entry') || has(a, 'remove') || has(a, 'cancel') || has(a, 'mistake')) && !has(a, 'bill') && !items;
  if (undoWord || mistake || lastEntry) return is('UNDO', SURE, 'undo');
  if (has(a, 'cancel') && (has(a, 'last') || has(a, 'bill')) && !items) return is('CANCEL_INVOICE', LIKELY, 'cancel last');

  // Money with a customer: payment or udhaar.
  const full = has(a, 'full') && (has(a, 'balance') || paidWord || gave || has(a, 'payment'));
  // "700 cash aur 300 online diye": the parts' amounts are the money.
  const splitPaid = a.payments?.some((p) => 'amount' in p) ?? false;
  if (named && (amount !== null || full || splitPaid) && !items) {
    const after = afterCustomer(a);
    // "200 diye baaki udhaar": the udhaar is the rest, the amount said was paid.
    const restOnKhata = a.payments?.some((p) => p.mode === 'credit' && 'rest' in p) ?? false;
    const udhaar = has(a, 'udhaar') && !paidWord && !restOnKhata;
    const written = has(a, 'write') && !paidWord;
    // "pura hisaab clear hai kya?": a question about the account records nothing.
    const asking = (norms.has('kya') || t.at(-1)?.question === true) && !has(a, 'write');
    if (asking && amount === null && customer) return is('CHECK_BALANCE', LIKELY, 'question about the account');
    if (udhaar || written) return is('ADD_CREDIT', SURE, 'udhaar/likh');
    if (paidWord || full) return is('RECORD_PAYMENT', SURE, 'paid');
    if (gave && (after === 'ne' || after === 'se')) return is('RECORD_PAYMENT', SURE, 'ne + diye');
    if (gave && after === 'ko') return is('ADD_CREDIT', LIKELY, 'ko + diye');
    if (has(a, 'balance') || has(a, 'khata')) return is('ADD_CREDIT', GUESS, 'amount + khata');
    if (a.modes.length > 0 && a.modes[0]!.mode !== 'credit') return is('RECORD_PAYMENT', LIKELY, 'amount + mode');
    if (a.modes.some((m) => m.mode === 'credit')) return is('ADD_CREDIT', LIKELY, 'amount + udhaar mode');
  }

  // Balance of one customer.
  const balanceWord = has(a, 'balance') || has(a, 'khata') || (has(a, 'howMuch') && (has(a, 'udhaar') || has(a, 'payment'))) || norms.has('owe') || norms.has('owes');
  if (named && balanceWord && !items) return is('CHECK_BALANCE', customer ? SURE : LIKELY, 'customer + balance');

  // Everyone's dues.
  const dues = has(a, 'udhaar') || has(a, 'balance') || norms.has('owe') || norms.has('pending') || (has(a, 'payment') && has(a, 'market'));
  // "kal ka hisaab": a day gone by, asked about, is that day's business.
  const pastDay = a.when?.past === true;
  if (!customer && !items && (has(a, 'today') || has(a, 'sale') || pastDay) && (has(a, 'sale') || has(a, 'summary') || (has(a, 'howMuch') && !dues))) {
    return is('DAILY_SUMMARY', SURE, 'today + sales');
  }
  if (!customer && !items && (dues || has(a, 'market'))) {
    if (has(a, 'total') || has(a, 'market')) return is('TOTAL_PENDING_AMOUNT', SURE, 'total dues');
    if (has(a, 'which') || has(a, 'all') || (has(a, 'show') && norms.has('list'))) return is('LIST_CUSTOMER_BALANCES', SURE, 'who owes');
    if (has(a, 'howMuch')) return is('TOTAL_PENDING_AMOUNT', LIKELY, 'how much dues');
    if (has(a, 'show')) return is('LIST_CUSTOMER_BALANCES', LIKELY, 'show dues');
  }

  // Stock.
  const lowWord = has(a, 'low') || has(a, 'order');
  if (!items && lowWord && (has(a, 'goods') || has(a, 'stock') || has(a, 'which') || has(a, 'what') || has(a, 'show') || norms.has('order'))) {
    return is('LOW_STOCK', SURE, 'low stock');
  }
  if (items && !customer) {
    const arrived = has(a, 'arrived') || (has(a, 'stockIn') && has(a, 'stock')) || (has(a, 'goods') && has(a, 'arrived'));
    if (arrived && a.items.some((i) => i.explicit)) return is('UPDATE_STOCK', SURE, 'stock arrived');
    const question = has(a, 'howMuch') || has(a, 'stock') || has(a, 'left') || (norms.has('kya') && (norms.has('hai') || norms.has('hain')));
    if ((question || t.at(-1)?.question) && !a.items.some((i) => i.explicit)) return is('CHECK_STOCK', SURE, 'product + how much');
    if (question && has(a, 'stock')) return is('CHECK_STOCK', LIKELY, 'product + stock');
  }
  if (!items && (has(a, 'stock') && (has(a, 'show') || has(a, 'which')))) return is('LOW_STOCK', LIKELY, 'stock list');

  // Changing the open bill's lines.
  if (items && !customer) {
    const removal = has(a, 'remove') || (has(a, 'no') && !has(a, 'bill')) || (has(a, 'cancel') && !has(a, 'bill'));
    if (removal) return is('MODIFY_INVOICE_ITEM', SURE, 'remove line');
    const setVerb = has(a, 'set') && !has(a, 'bill') && !has(a, 'give');
    // "chawal ek kilo hi rakho", "aloo sirf ek kilo": the product first, then only this much.
    const only = norms.has('sirf') || norms.has('only') || norms.has('just') || (norms.has('hi') && (norms.has('rakho') || norms.has('rakh') || norms.has('karo')));
    const emphatic = only && a.items.some((i) => i.explicit && i.after);
    if ((setVerb || emphatic) && a.items.some((i) => i.explicit)) return is('MODIFY_INVOICE_ITEM', SURE, 'set quantity');
  }

  // "Iqbal bhai ka bill banao": a bill for this customer (the items come next, or are on the open bill).
  if (!items && customer && has(a, 'bill') && has(a, 'make')) return is('CREATE_INVOICE', LIKELY, 'bill for customer');

  // Finishing the bill.
  const yes = has(a, 'yes');
  const finish = has(a, 'confirm') || (has(a, 'make') && (has(a, 'bill') || yes)) || (norms.has('ho') && norms.has('gaya')) || (has(a, 'bill') && has(a, 'set'));
  // A lone "haan" finishes the bill; a lone "ok" or "theek hai" only acknowledges.
  const saidYes = t.some((x) => YES_WORDS.has(x.norm));
  if (!items && (finish || (saidYes && t.length <= 3 && !customer))) return is('CONFIRM_INVOICE', finish ? SURE : LIKELY, 'confirm');
  // "aadha cash aadha UPI": how the bill is paid, said on its own, finishes it.
  if (!items && !named && a.payments) return is('CONFIRM_INVOICE', LIKELY, 'split payment');

  const unexplained = a.runs.reduce((n, r) => n + r.names.length, 0);
  if (items) {
    if (customer || a.items.some((i) => i.explicit) || a.modes.length > 0) return is('CREATE_INVOICE', SURE, 'items');
    // "chai pilao": a goods word among words nothing explains, with no number or customer, is not a sale.
    if (unexplained > 0) return is('UNKNOWN', GUESS, 'goods word without a sale');
    return is('CREATE_INVOICE', LIKELY, 'items');
  }
  if (t.some((x) => CANCEL_WORDS.has(x.norm)) || norms.has('rehne')) return is('CANCEL_INVOICE', GUESS, 'cancel');
  if (customer && has(a, 'howMuch') && amount === null && !has(a, 'bill')) return is('CHECK_BALANCE', LIKELY, 'customer + how much');
  if (customer && (has(a, 'show') || has(a, 'question'))) return is('GET_CUSTOMER_INFO', GUESS, 'customer + show');
  return is('UNKNOWN', unexplained > 0 || t.length <= 2 ? LIKELY : GUESS, 'no rule');
}
