// What Galla says back: one short Hinglish line per task, built from the command's result, with
// amounts spoken the Indian way ("Rahul Gupta ka balance pandrah sau rupaye hai", "Bill ban gaya,
// ek sau ek rupaye, udhaar mein likha"). Pure functions over results; the screen shows the same text.
import { quantityInWords, rupeesInWords } from '../../../common/hinglish/spoken';
import type { BillModeName } from '../../../common/commands/fields';
import type { Gstr1Report, SalesReport } from '../../../common/reports';
import type { CustomerBalance, CustomerDetail, DailySummary, Invoice, LedgerEntry, Product, Reminder } from '../../../common/types';
import { whenInWords } from './when';

const MODE_WORDS: Record<BillModeName, string> = {
  credit: 'udhaar mein likha',
  cash: 'cash mein',
  upi: 'UPI se',
  card: 'card se',
  other: 'doosre tareeke se',
  split: 'alag alag tareekon se',
};

/** "do Amul Taaza Milk", "aadha kilo Sugar": a line as said. */
export function lineWords(name: string, quantity: number, unit: string): string {
  const q = quantityInWords(quantity);
  const byWeight = /^(kg|kilo|g|gram|l|litre|liter|ml)$/i.test(unit);
  return byWeight ? `${q} ${unit === 'kg' ? 'kilo' : unit} ${name}` : `${q} ${name}`;
}

export const say = {
  billSoFar(lines: { name: string; quantity: number; unit: string }[], totalPaise: number, customerName: string | null): string {
    if (lines.length === 0) return customerName ? `${customerName} ka bill. Kya dena hai?` : 'Bill khali hai.';
    const who = customerName ? `${customerName}: ` : '';
    return `${who}${lines.map((l) => lineWords(l.name, l.quantity, l.unit)).join(', ')}. Total ${rupeesInWords(totalPaise)}.`;
  },
  total: (paise: number) => `Total ${rupeesInWords(paise)}.`,
  lineRemoved: (name: string) => `${name} hata diya.`,
  lineChanged: (name: string, quantity: number, unit: string) => `${name} ab ${lineWords('', quantity, unit).trim()}.`,
  invoiceDone(inv: Invoice): string {
    return `Bill ban gaya, ${rupeesInWords(inv.totalPaise)}, ${MODE_WORDS[inv.paymentMode]}.`;
  },
  invoiceCancelled: (inv: Invoice) => `Bill ${inv.number} cancel ho gaya, ${rupeesInWords(inv.totalPaise)} wapas.`,
  draftCleared: () => 'Theek hai, bill hata diya.',
  emptyBill: () => 'Bill mein abhi kuch nahi hai.',
  discount(percent: number | null, paise: number, productName: string | null): string {
    const what = productName ? `${productName} pe` : 'Bill pe';
    return percent !== null ? `${what} ${quantityInWords(percent)} percent chhoot, ${rupeesInWords(paise)} kam.` : `${what} ${rupeesInWords(paise)} kam kiye.`;
  },
  gst: (on: boolean) => (on ? 'Is bill pe GST lagega.' : 'Is bill pe GST nahi lagega.'),
  /** `amountPaise`: all that came in, when it came by more than one mode (the entry is the last). */
  payment(name: string, entry: LedgerEntry, amountPaise = entry.amountPaise): string {
    return `${name} se ${rupeesInWords(amountPaise)} mile. ${balanceTail(entry.balanceAfterPaise)}`;
  },
  udhaar(name: string, entry: LedgerEntry): string {
    return `${name} ke khate mein ${rupeesInWords(entry.amountPaise)} likhe. ${balanceTail(entry.balanceAfterPaise)}`;
  },
  balance(name: string, balancePaise: number): string {
    if (balancePaise > 0) return `${name} ka balance ${rupeesInWords(balancePaise)} hai.`;
    if (balancePaise < 0) return `${name} ka ${rupeesInWords(-balancePaise)} advance jama hai.`;
    return `${name} ka koi udhaar baaki nahi hai.`;
  },
  customerInfo(c: CustomerDetail): string {
    const phone = c.phone ? `phone ${c.phone.split('').join(' ')}` : 'phone number nahi hai';
    const where = c.landmark ? `, ${c.landmark}` : '';
    return `${c.name}${where}, ${phone}. ${say.balance(c.name, c.balancePaise)}`;
  },
  totalPending(list: CustomerBalance[]): string {
    const owing = list.filter((c) => c.balancePaise > 0);
    const total = owing.reduce((s, c) => s + c.balancePaise, 0);
    if (owing.length === 0) return 'Kisi pe udhaar baaki nahi hai.';
    return `Kul udhaar ${rupeesInWords(total)} hai, ${quantityInWords(owing.length)} logon pe.`;
  },
  balances(list: CustomerBalance[]): string {
    const owing = list.filter((c) => c.balancePaise > 0);
    if (owing.length === 0) return 'Kisi pe udhaar baaki nahi hai.';
    const top = owing.slice(0, 5).map((c) => `${c.name} ${rupeesInWords(c.balancePaise)}`);
    const more = owing.length > 5 ? `, aur ${quantityInWords(owing.length - 5)} log` : '';
    return `${top.join(', ')}${more}.`;
  },
  customerCreated: (name: string) => `${name} ka khata khul gaya.`,
  phoneUpdated: (name: string, phone: string) => `${name} ka number ${phone.split('').join(' ')} save ho gaya.`,
  stock: (p: Product) => (p.stock > 0 ? `${p.name} ${stockWords(p.stock, p.unit)} bacha hai.` : `${p.name} khatam hai.`),
  stockIn: (p: Product, quantity: number) => `${p.name} ${stockWords(quantity, p.unit)} jod diya, ab ${stockWords(p.stock, p.unit)}.`,
  lowStock(list: Product[]): string {
    if (list.length === 0) return 'Sab maal theek hai, kuch kam nahi.';
    const top = list.slice(0, 6).map((p) => `${p.name} ${stockWords(p.stock, p.unit)}`);
    return `Kam maal: ${top.join(', ')}${list.length > 6 ? `, aur ${quantityInWords(list.length - 6)}` : ''}.`;
  },
  reminderSet: (r: Reminder, now: Date) => `${r.customerName} ko ${whenInWords(new Date(r.sendAt), now)} ${rupeesInWords(r.amountPaise)} ka reminder jayega.`,
  reminders(list: Reminder[], now: Date): string {
    if (list.length === 0) return 'Koi reminder nahi laga hai.';
    const top = list.slice(0, 4).map((r) => `${r.customerName} ${whenInWords(new Date(r.sendAt), now)}`);
    return `${quantityInWords(list.length)} reminder: ${top.join(', ')}.`;
  },
  remindersCancelled: (name: string, n: number) =>
    n === 0 ? `${name} ka koi reminder laga nahi hai.` : n === 1 ? `${name} ka reminder hata diya.` : `${name} ke ${quantityInWords(n)} reminder hata diye.`,
  summary(s: DailySummary): string {
    if (s.invoiceCount === 0 && s.totalPaymentsPaise === 0) return 'Aaj abhi tak koi bikri nahi hui.';
    return `Aaj ${quantityInWords(s.invoiceCount)} bill, bikri ${rupeesInWords(s.totalSalesPaise)}, ${rupeesInWords(s.totalPaymentsPaise)} aaye.`;
  },
  /** "March ka GSTR-1 tayyar hai: ..." and where the file went, if it was saved. */
  gstr1(r: Gstr1Report, savedAs: string | null): string {
    const tax = r.cgstPaise + r.sgstPaise + r.igstPaise;
    const where = savedAs ? ` File ${savedAs} mein save hai.` : ' File screen se download kijiye.';
    const fix = r.warnings.length ? ` ${quantityInWords(r.warnings.length)} baat theek karni hai, screen pe dekhiye.` : '';
    const b2b = r.b2bInvoiceCount ? `${quantityInWords(r.b2bInvoiceCount)} B2B bill` : 'koi B2B bill nahi';
    return `${monthName(r.month)} ka GSTR-1 tayyar hai: ${b2b}, ${quantityInWords(r.b2cInvoiceCount)} B2C, kul GST ${rupeesInWords(tax)}.${where}${fix}`;
  },
  gstinMissing: () => 'Dukaan ka GSTIN set nahi hai. Settings mein GSTIN daaliye, phir GSTR-1 banega.',
  /** Sales and GST, never profit: Galla has no purchase prices. */
  salesReport(r: SalesReport): string {
    const tax = r.cgstPaise + r.sgstPaise + r.igstPaise;
    const received = r.paymentsByModePaise.cash + r.paymentsByModePaise.upi + r.paymentsByModePaise.card + r.paymentsByModePaise.other;
    const cancelled = r.cancelledCount ? `, ${quantityInWords(r.cancelledCount)} bill cancel` : '';
    return (
      `Bikri aur GST ka hisaab, ${dayName(r.from)} se ${dayName(r.to)}: ${quantityInWords(r.invoiceCount)} bill, bikri ${rupeesInWords(r.netSalesPaise)} bina GST, GST ${rupeesInWords(tax)}${cancelled}, ` +
      `${rupeesInWords(received)} aaye. Munafa nahi bata sakte: Galla mein kharid ka daam nahi likha jaata.`
    );
  },
  undone: (description: string) => `Wapas kar diya: ${description}.`,
  notAvailable: (what: string) => `${what} abhi voice se nahi hota, screen se kijiye.`,
  ownerNeeded: (what: string) => `${what} ke liye owner ki manzoori chahiye. Owner PIN daalein.`,
  notUnderstood: () => 'Samajh nahi aaya, phir se boliye.',
  whichCustomer: (names: string[]) => `${names.slice(0, -1).join(', ')} ya ${names.at(-1)}?`,
  whoIsCustomer: () => 'Kiske liye? Customer ka naam boliye.',
  noSuchCustomer: (name: string) => `${name} naam ka koi customer nahi mila.`,
  amountNeeded: () => 'Kitne rupaye? Rakam boliye.',
  productNeeded: () => 'Kaunsa saaman? Naam boliye.',
  confirmPayment: (name: string, paise: number, mode: string) => `${name} se ${rupeesInWords(paise)}, ${mode}. Sahi hai?`,
  confirmCancel: (inv: Invoice) => `${inv.customerName ? `${inv.customerName} ka ` : ''}bill ${inv.number}, ${rupeesInWords(inv.totalPaise)}, cancel karoon?`,
  confirmUndo: () => 'Aakhri entry wapas karoon?',
  dropped: () => 'Theek hai, rehne diya.',
  failed: (message: string) => `Nahi ho paya: ${message}`,
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2026-03" -> "March". */
const monthName = (month: string): string => MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
/** "2026-03-01" -> "1 March". */
const dayName = (date: string): string => `${Number(date.slice(8, 10))} ${monthName(date)}`;

function balanceTail(balancePaise: number): string {
  if (balancePaise > 0) return `Ab baaki ${rupeesInWords(balancePaise)}.`;
  if (balancePaise < 0) return `Ab ${rupeesInWords(-balancePaise)} advance.`;
  return 'Ab kuch baaki nahi.';
}

function stockWords(q: number, unit: string): string {
  const n = Number.isInteger(q) ? String(q) : quantityInWords(q);
  return `${n} ${unit === 'kg' ? 'kilo' : unit}`;
}
