// The entities of a frame, as ../shared/eval/README.md names them: customer full name (or null
// with candidates), items in the product's unit, amounts in rupees, ISO datetimes in IST. Beyond
// those: `date` ("2026-03-09") when a day was said of a payment, udhaar, sale or bill; `payments`
// ([{mode, amount} | {mode, share} | {mode, rest: true}]) for a payment split across modes, or a
// part paid with the rest on the khata ("200 cash baaki udhaar": a last {mode: 'credit', rest: true}); on
// CANCEL_REMINDER `datetime` + `timeSaid` (which reminder) and `all` ("saare").
import { toIstDate, toIstIso } from '../../../common/hinglish/datetime';
import { paymentModeOf } from '../../../common/hinglish/payment';
import type { Entities, IntentName } from '../types';
import { amountOf, has, isAt, unknownName, type Analysis } from './analyse';

const NEEDS_CUSTOMER = new Set<IntentName>([
  'CREATE_INVOICE', 'CANCEL_INVOICE', 'SEND_INVOICE', 'RECORD_PAYMENT', 'ADD_CREDIT', 'CHECK_BALANCE', 'GET_CUSTOMER_INFO',
  'UPDATE_CUSTOMER_PHONE', 'CREATE_REMINDER', 'CANCEL_REMINDER', 'LIST_REMINDERS', 'CONFIRM_INVOICE',
]);

/** "vikas mehra" as said -> "Vikas Mehra". */
const titleCase = (s: string) => s.replace(/\p{L}[\p{L}\p{M}]*/gu, (w) => (/[A-Z]/.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)));

function customerEntities(a: Analysis, out: Entities): void {
  const c = a.customer;
  if (!c) {
    out.customer = null;
    const unknown = unknownName(a);
    if (unknown) out.mention = titleCase(a.tokens.slice(unknown.start, unknown.end).map((t) => t.surface).join(' '));
    return;
  }
  out.customer = c.name;
  if (c.name === null) out.candidates = c.candidates.map((m) => m.name);
}

/** A new customer's name: the words nobody explained, as they were written. */
function newName(a: Analysis): string | null {
  const run = [...a.nameWords].sort((x, y) => y.names.length - x.names.length)[0];
  if (!run) return null;
  const words = a.tokens.slice(run.start, run.end).filter((_, k) => run.names.includes(run.start + k));
  return titleCase(words.map((w) => w.surface).join(' '));
}

const rupees = (n: number) => Math.round(n * 100) / 100;

/** "GST lagao" on; "GST hata do", "bina GST", "without GST", "GST band" off. */
const gstOn = (a: Analysis) => !(has(a, 'no') || has(a, 'remove') || has(a, 'cancel') || a.tokens.some((t) => t.norm === 'bina' || t.norm === 'without' || t.norm === 'off'));

/** Commands about something done on a day ("kal 500 diye the", "kal ki bikri"): the day, "2026-03-09". */
const DATED = new Set<IntentName>(['RECORD_PAYMENT', 'ADD_CREDIT', 'DAILY_SUMMARY', 'CANCEL_INVOICE', 'CREATE_INVOICE', 'UPDATE_STOCK']);

export function entitiesFor(intent: IntentName, a: Analysis): Entities {
  const out: Entities = {};
  if (NEEDS_CUSTOMER.has(intent)) customerEntities(a, out);
  if (a.when && DATED.has(intent)) out.date = toIstDate(a.when.at);
  const amount = amountOf(a);
  const mode = paymentModeOf(a.tokens);
  switch (intent) {
    case 'CREATE_INVOICE':
    case 'MODIFY_INVOICE_ITEM': {
      const remove = intent === 'MODIFY_INVOICE_ITEM' && (has(a, 'remove') || has(a, 'no') || has(a, 'cancel'));
      out.items = a.items.map((i) => ({ product: i.product.name, quantity: remove ? 0 : i.quantity }));
      if (intent === 'CREATE_INVOICE' && a.payments) out.payments = a.payments;
      else if (intent === 'CREATE_INVOICE' && mode) out.mode = mode;
      // "do doodh, GST ke bina": the sale says how to bill it.
      if (intent === 'CREATE_INVOICE' && has(a, 'gst')) out.gst = gstOn(a);
      if (intent === 'MODIFY_INVOICE_ITEM') delete out.customer;
      break;
    }
    case 'CONFIRM_INVOICE':
      if (a.customer === null) delete out.customer;
      if (a.payments) out.payments = a.payments;
      else if (mode) out.mode = mode;
      break;
    case 'RECORD_PAYMENT': {
      out.mode = mode === 'credit' || mode === null ? 'cash' : mode;
      const split = a.payments?.filter((p) => 'amount' in p && p.mode !== 'credit');
      if (split && split.length > 0) {
        out.payments = split;
        out.mode = split[0]!.mode;
      }
      if (amount) out.amount = rupees(amount.value);
      else if (split && split.length > 0) out.amount = rupees(split.reduce((sum, p) => sum + ('amount' in p ? p.amount : 0), 0));
      else if (a.customer?.name && a.customer.candidates[0]) out.amount = rupees(Math.max(0, a.customer.candidates[0].balancePaise) / 100);
      break;
    }
    case 'ADD_CREDIT':
      if (amount) out.amount = rupees(amount.value);
      break;
    case 'CREATE_CUSTOMER': {
      const name = newName(a);
      if (name) out.name = name;
      if (a.phone) out.phone = a.phone.digits;
      break;
    }
    case 'UPDATE_CUSTOMER_PHONE':
      if (a.phone) out.phone = a.phone.digits;
      break;
    case 'CHECK_STOCK':
    case 'UPDATE_STOCK': {
      const item = a.items.at(-1);
      if (item) {
        out.product = item.product.name;
        if (intent === 'UPDATE_STOCK') out.quantity = item.quantity;
      }
      break;
    }
    case 'ADD_DISCOUNT': {
      const n = a.freeNumbers.find((x) => isAt(a, x.end, 'percent'));
      if (n) out.discountPercent = n.value;
      else if (amount) out.discountAmount = rupees(amount.value);
      const item = a.items[0];
      if (item) out.product = item.product.name;
      break;
    }
    case 'CREATE_REMINDER':
      if (a.when) out.datetime = toIstIso(a.when.at);
      if (amount) out.amount = rupees(amount.value);
      break;
    case 'CANCEL_REMINDER':
      // Which reminder: "kal wala" (any time that day), "kal 7 baje wala", "500 wala".
      if (a.when) {
        out.datetime = toIstIso(a.when.at);
        out.timeSaid = a.when.hourSaid;
      }
      if (amount) out.amount = rupees(amount.value);
      // "saare reminder hata do": every one that fits, without asking which.
      if (has(a, 'all')) out.all = true;
      break;
    case 'TOGGLE_GST':
      out.gst = gstOn(a);
      break;
    default:
      break;
  }
  return out;
}
