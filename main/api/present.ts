// Domain values to the Execora reference's JSON: ids as strings, amounts as decimal strings
// ("1500.00"), dates ISO 8601 UTC. Quantities stay numbers.
import { paiseToDecimalString as money } from '../../common/money';
import type { Customer, CustomerBalance, CustomerDetail, CustomerMatch, DailySummary, Invoice, LedgerEntry, Product, Reminder, StockMovement } from '../../common/types';

const moneyOrNull = (p: number | null) => (p === null ? null : money(p));
const id = (n: number | null) => (n === null ? null : String(n));

export const presentCustomer = (c: Customer) => ({
  id: String(c.id),
  name: c.name,
  phone: c.phone,
  nickname: c.nickname,
  landmark: c.landmark,
  notes: c.notes,
  gstin: c.gstin,
  state: c.state,
  creditLimit: moneyOrNull(c.creditLimitPaise),
  balance: money(c.balancePaise),
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export const presentCustomerMatch = (c: CustomerMatch) => ({ ...presentCustomer(c), matchScore: Math.round(c.matchScore * 100) / 100 });

export const presentCustomerBalance = (c: CustomerBalance) => ({
  id: String(c.id),
  name: c.name,
  phone: c.phone,
  balance: money(c.balancePaise),
  creditLimit: moneyOrNull(c.creditLimitPaise),
  oldestDueAt: c.oldestDueAt,
  lastPaymentAt: c.lastPaymentAt,
});

export const presentProduct = (p: Product) => ({
  id: String(p.id),
  name: p.name,
  aliases: p.aliases,
  barcode: p.barcode,
  unit: p.unit,
  price: money(p.pricePaise),
  stock: p.stock,
  hsn: p.hsn,
  gstRate: p.gstRateBp / 100,
  lowStockThreshold: p.lowStockThreshold,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

export const presentStockMovement = (m: StockMovement) => ({
  id: String(m.id),
  productId: String(m.productId),
  kind: m.kind,
  quantity: m.quantity,
  invoiceId: id(m.invoiceId),
  note: m.note,
  createdAt: m.createdAt,
});

export const presentInvoice = (i: Invoice) => ({
  id: String(i.id),
  invoiceNumber: i.number,
  customerId: id(i.customerId),
  customerName: i.customerName,
  status: i.status,
  paymentMode: i.paymentMode,
  payments: i.payments.map((p) => ({ mode: p.mode, amount: money(p.amountPaise) })),
  balanceDue: money(i.balanceDuePaise),
  subtotal: money(i.subtotalPaise),
  discount: money(i.discountPaise),
  cgst: money(i.cgstPaise),
  sgst: money(i.sgstPaise),
  igst: money(i.igstPaise),
  tax: money(i.taxPaise),
  total: money(i.totalPaise),
  interState: i.interState,
  gstApplied: i.gstApplied,
  creditOverride: i.creditOverride,
  notes: i.notes,
  createdAt: i.createdAt,
  cancelledAt: i.cancelledAt,
  items: i.lines.map((l) => ({
    lineNo: l.lineNo,
    productId: String(l.productId),
    productName: l.productName,
    hsn: l.hsn,
    unit: l.unit,
    quantity: l.quantity,
    unitPrice: money(l.unitPricePaise),
    discount: money(l.discountPaise),
    taxable: money(l.taxablePaise),
    gstRate: l.gstRateBp / 100,
    cgst: money(l.cgstPaise),
    sgst: money(l.sgstPaise),
    igst: money(l.igstPaise),
    total: money(l.totalPaise),
  })),
});

export const presentLedgerEntry = (e: LedgerEntry) => ({
  id: String(e.id),
  customerId: String(e.customerId),
  type: e.type,
  amount: money(e.amountPaise),
  description: e.description,
  paymentMode: e.paymentMode,
  invoiceId: id(e.invoiceId),
  balanceAfter: money(e.balanceAfterPaise),
  createdAt: e.createdAt,
});

export const presentReminder = (r: Reminder) => ({
  id: String(r.id),
  customerId: String(r.customerId),
  customerName: r.customerName,
  phone: r.phone,
  amount: money(r.amountPaise),
  message: r.message,
  scheduledTime: r.sendAt,
  status: r.status,
  lastError: r.lastError,
  createdAt: r.createdAt,
});

export const presentCustomerDetail = (c: CustomerDetail) => ({
  ...presentCustomer(c),
  invoices: c.invoices.map(presentInvoice),
  reminders: c.reminders.map(presentReminder),
});

export const presentSummary = (s: DailySummary) => ({
  date: s.date,
  invoiceCount: s.invoiceCount,
  totalSales: money(s.totalSalesPaise),
  totalPayments: money(s.totalPaymentsPaise),
  cashPayments: money(s.cashPaymentsPaise),
  upiPayments: money(s.upiPaymentsPaise),
  cardPayments: money(s.cardPaymentsPaise),
  otherPayments: money(s.otherPaymentsPaise),
  pendingAmount: money(s.pendingAmountPaise),
  salesByHour: s.salesByHourPaise.map(money),
  cashExpected: money(s.cashExpectedPaise),
});
