// Reading bills back: the invoice row, its customer's name, its lines and the payments taken for it.
import type { BillModeName, PaymentModeName } from '../../../common/commands/fields';
import { milliToQty } from '../../../common/quantity';
import type { Invoice, InvoiceLine, InvoicePayment, InvoiceStatus } from '../../../common/types';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';

export interface DbInvoice {
  id: number;
  number: string;
  fy: string;
  seq: number;
  customer_id: number | null;
  customer_name: string | null;
  status: InvoiceStatus;
  payment_mode: BillModeName;
  subtotal_paise: number;
  discount_paise: number;
  cgst_paise: number;
  sgst_paise: number;
  igst_paise: number;
  total_paise: number;
  inter_state: number;
  gst_applied: number;
  credit_override: number;
  notes: string | null;
  created_at: string;
  cancelled_at: string | null;
}

export interface DbInvoiceLine {
  invoice_id: number;
  line_no: number;
  product_id: number;
  product_name: string;
  hsn: string | null;
  unit: string;
  qty_milli: number;
  unit_price_paise: number;
  discount_paise: number;
  taxable_paise: number;
  gst_rate_bp: number;
  cgst_paise: number;
  sgst_paise: number;
  igst_paise: number;
  total_paise: number;
}

interface DbInvoicePayment {
  invoice_id: number;
  mode: PaymentModeName;
  amount_paise: number;
}

const SELECT_INVOICE = `SELECT i.id, i.number, i.fy, i.seq, i.customer_id, c.name AS customer_name, i.status, i.payment_mode, i.subtotal_paise,
  i.discount_paise, i.cgst_paise, i.sgst_paise, i.igst_paise, i.total_paise, i.inter_state, i.gst_applied, i.credit_override,
  i.notes, i.created_at, i.cancelled_at
  FROM invoices i LEFT JOIN customers c ON c.id = i.customer_id`;

const SELECT_LINES = `SELECT invoice_id, line_no, product_id, product_name, hsn, unit, qty_milli, unit_price_paise, discount_paise, taxable_paise,
  gst_rate_bp, cgst_paise, sgst_paise, igst_paise, total_paise FROM invoice_lines`;

// Refunds (negative rows written by a cancel) are not what the bill was paid with; the status says it was cancelled.
// A credit bill's rows are the parts paid with it (the rest went on the khata).
const SELECT_PAYMENTS = `SELECT invoice_id, mode, amount_paise FROM payments`;

export const toInvoiceLine = (l: DbInvoiceLine): InvoiceLine => ({
  lineNo: l.line_no,
  productId: l.product_id,
  productName: l.product_name,
  hsn: l.hsn,
  unit: l.unit,
  quantity: milliToQty(l.qty_milli),
  unitPricePaise: l.unit_price_paise,
  discountPaise: l.discount_paise,
  taxablePaise: l.taxable_paise,
  gstRateBp: l.gst_rate_bp,
  cgstPaise: l.cgst_paise,
  sgstPaise: l.sgst_paise,
  igstPaise: l.igst_paise,
  totalPaise: l.total_paise,
});

export function toInvoice(r: DbInvoice, lines: InvoiceLine[], payments: InvoicePayment[]): Invoice {
  return {
    id: r.id,
    number: r.number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    status: r.status,
    paymentMode: r.payment_mode,
    payments,
    // What the bill left on the khata: for a credit bill the total less the parts paid with it.
    balanceDuePaise: r.payment_mode === 'credit' && r.status === 'ISSUED' ? r.total_paise - payments.reduce((sum, p) => sum + p.amountPaise, 0) : 0,
    subtotalPaise: r.subtotal_paise,
    discountPaise: r.discount_paise,
    cgstPaise: r.cgst_paise,
    sgstPaise: r.sgst_paise,
    igstPaise: r.igst_paise,
    taxPaise: r.cgst_paise + r.sgst_paise + r.igst_paise,
    totalPaise: r.total_paise,
    interState: r.inter_state === 1,
    gstApplied: r.gst_applied === 1,
    creditOverride: r.credit_override === 1,
    notes: r.notes,
    createdAt: r.created_at,
    cancelledAt: r.cancelled_at,
    lines,
  };
}

export function readInvoiceRow(db: Db, id: number): DbInvoice | null {
  return prepared<[number], DbInvoice>(db, `${SELECT_INVOICE} WHERE i.id = ?`).get(id) ?? null;
}

/** One bill with its lines and payments; null when there is no such bill. */
export function readInvoice(db: Db, id: number): Invoice | null {
  const row = readInvoiceRow(db, id);
  if (!row) return null;
  const lines = prepared<[number], DbInvoiceLine>(db, `${SELECT_LINES} WHERE invoice_id = ? ORDER BY line_no`).all(id);
  const payments = prepared<[number], DbInvoicePayment>(db, `${SELECT_PAYMENTS} WHERE invoice_id = ? AND amount_paise > 0 ORDER BY id`).all(id);
  return toInvoice(
    row,
    lines.map(toInvoiceLine),
    payments.map((p) => ({ mode: p.mode, amountPaise: p.amount_paise })),
  );
}

export interface ListInvoicesOptions {
  limit: number;
  customerId?: number | undefined;
}

/** Bills newest first (by id: numbers are given in id order), with lines and payments. */
export function listInvoices(db: Db, opts: ListInvoicesOptions): Invoice[] {
  const limit = Math.max(1, Math.min(Math.trunc(opts.limit), 100_000));
  const rows =
    opts.customerId === undefined
      ? prepared<[number], DbInvoice>(db, `${SELECT_INVOICE} ORDER BY i.id DESC LIMIT ?`).all(limit)
      : prepared<[number, number], DbInvoice>(db, `${SELECT_INVOICE} WHERE i.customer_id = ? ORDER BY i.id DESC LIMIT ?`).all(opts.customerId, limit);
  if (rows.length === 0) return [];
  // One query each for the page's lines and payments, by the list of ids (indexed lookups).
  const ids = JSON.stringify(rows.map((r) => r.id));
  const linesBy = new Map<number, InvoiceLine[]>();
  for (const l of prepared<[string], DbInvoiceLine>(db, `${SELECT_LINES} WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY invoice_id, line_no`).all(ids)) {
    let list = linesBy.get(l.invoice_id);
    if (!list) linesBy.set(l.invoice_id, (list = []));
    list.push(toInvoiceLine(l));
  }
  const paysBy = new Map<number, InvoicePayment[]>();
  for (const p of prepared<[string], DbInvoicePayment>(db, `${SELECT_PAYMENTS} WHERE invoice_id IN (SELECT value FROM json_each(?)) AND amount_paise > 0 ORDER BY id`).all(ids)) {
    let list = paysBy.get(p.invoice_id);
    if (!list) paysBy.set(p.invoice_id, (list = []));
    list.push({ mode: p.mode, amountPaise: p.amount_paise });
  }
  return rows.map((r) => toInvoice(r, linesBy.get(r.id) ?? [], paysBy.get(r.id) ?? []));
}
