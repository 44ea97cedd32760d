// invoice-create: one transaction (the dispatcher's), all or nothing. Resolve products, check stock,
// compute GST, take the next gapless number, write the bill and its lines, move stock out, then put
// it on the khata or record how it was paid.
import type { CommandArgs } from '../../../common/commands';
import type { BillModeName, PaymentModeName } from '../../../common/commands/fields';
import { AppError } from '../../../common/errors';
import { formatRupees } from '../../../common/money';
import { milliToQty, qtyToMilli } from '../../../common/quantity';
import type { Invoice, InvoiceLine, InvoicePayment } from '../../../common/types';
import type { CommandContext } from '../../commands/context';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';
import { type DbProduct, readProductRow, resolveProductByName } from '../catalog/read';
import { moveStock } from '../catalog/write';
import { checkCreditLimit, type KhataCustomer, requireKhataCustomer } from '../ledger/credit';
import { postLedger } from '../ledger/post';
import { DEFAULT_SETTINGS, isInterState } from '../system/settings';
import { financialYear } from '../system/time';
import { computeBill } from './compute';

type Input = CommandArgs<'invoice-create'>;

export interface InvoiceCreateUndo {
  invoiceId: number;
}

/** The two settings a bill needs, read with a cached statement (readSettings prepares each time). */
function billSettings(db: Db): { state: string; billPrefix: string } {
  const rows = prepared<[], { key: string; value: string }>(db, `SELECT key, value FROM settings WHERE key IN ('state', 'billPrefix')`).all();
  const out = { state: DEFAULT_SETTINGS.state, billPrefix: DEFAULT_SETTINGS.billPrefix };
  for (const r of rows) out[r.key as 'state' | 'billPrefix'] = JSON.parse(r.value) as string;
  return out;
}

/** The next number of the financial year's series; rolled back with the bill if anything fails, so no gaps. */
export function nextInvoiceNumber(db: Db, prefix: string, fy: string): { number: string; seq: number } {
  const { last_seq: seq } = prepared<[string], { last_seq: number }>(
    db,
    'INSERT INTO invoice_series (fy, last_seq) VALUES (?, 1) ON CONFLICT(fy) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq',
  ).get(fy)!;
  const number = `${prefix}/${fy}/${String(seq).padStart(6, '0')}`;
  if (number.length > 16) throw new AppError('CONFLICT', `Bill number ${number} is longer than 16 characters: choose a shorter bill prefix in Settings`);
  return { number, seq };
}

function resolveItem(db: Db, item: Input['items'][number], index: number): DbProduct {
  if (item.productId !== undefined) {
    const row = readProductRow(db, item.productId);
    if (!row) throw new AppError('PRODUCT_NOT_FOUND', `Product not found: ${item.productName ?? item.productId}`, `items.${index}.productId`);
    return row;
  }
  const typed = item.productName ?? '';
  const row = resolveProductByName(db, typed);
  if (!row) throw new AppError('PRODUCT_NOT_FOUND', `Product not found: ${typed}`, `items.${index}.productName`);
  return row;
}

interface Settlement {
  mode: BillModeName;
  payments: InvoicePayment[];
}

/** How the bill is settled, checked against the total. */
function settle(input: Input, customer: KhataCustomer | null, totalPaise: number): Settlement {
  const given = input.payments ?? [];
  const modes = new Set(given.map((p) => p.mode));
  const mode: BillModeName = input.paymentMode ?? (given.length > 0 ? (modes.size === 1 ? given[0]!.mode : 'split') : customer ? 'credit' : 'cash');
  if (mode === 'credit') {
    if (!customer) {
      throw new AppError('VALIDATION', 'paymentMode credit (udhaar) needs a customer: pick the customer, or take cash, upi, card or split for a walk-in bill', 'paymentMode');
    }
    // A khata bill paid in part ("500 ka saaman, 200 diye, baaki udhaar"): the parts are money taken now.
    const paid = given.reduce((s, p) => s + p.amountPaise, 0);
    if (given.length > 0 && paid >= totalPaise) {
      throw new AppError(
        'VALIDATION',
        `payments add up to ${formatRupees(paid)} and the bill is ${formatRupees(totalPaise)}: paid in full: use the mode, or split, not paymentMode credit`,
        'payments',
      );
    }
    return { mode, payments: given.map((p) => ({ mode: p.mode as PaymentModeName, amountPaise: p.amountPaise })) };
  }
  if (given.length === 0) {
    if (mode === 'split') throw new AppError('VALIDATION', 'payments is required for a split bill: say how much was paid by each mode', 'payments');
    return { mode, payments: totalPaise > 0 ? [{ mode, amountPaise: totalPaise }] : [] };
  }
  if (mode !== 'split' && [...modes].some((m) => m !== mode)) {
    throw new AppError('VALIDATION', `payments are by more than ${mode}: use paymentMode split`, 'payments');
  }
  const paid = given.reduce((s, p) => s + p.amountPaise, 0);
  if (paid !== totalPaise) {
    throw new AppError(
      'VALIDATION',
      `payments add up to ${formatRupees(paid)} but the bill is ${formatRupees(totalPaise)}: change the amounts so they add up to the bill`,
      'payments',
    );
  }
  return { mode, payments: given.map((p) => ({ mode: p.mode as PaymentModeName, amountPaise: p.amountPaise })) };
}

export function createInvoice(ctx: CommandContext, input: Input): Invoice {
  const { db, at } = ctx;
  const customer = input.customerId == null ? null : requireKhataCustomer(db, input.customerId);
  // Fail fast on a walk-in credit bill before any product lookups.
  if (!customer && input.paymentMode === 'credit') settle(input, null, 0);

  const products = input.items.map((item, i) => resolveItem(db, item, i));
  const qtys = input.items.map((item) => qtyToMilli(item.quantity));
  // The same product on two lines counts once against its stock.
  const wanted = new Map<number, number>();
  products.forEach((p, i) => wanted.set(p.id, (wanted.get(p.id) ?? 0) + qtys[i]!));
  products.forEach((p, i) => {
    const need = wanted.get(p.id)!;
    if (need > p.stock_milli) {
      throw new AppError('INSUFFICIENT_STOCK', `Insufficient stock for ${p.name}. Available: ${milliToQty(p.stock_milli)}, Requested: ${milliToQty(need)}`, `items.${i}.quantity`);
    }
  });

  const settings = billSettings(db);
  const interState = customer ? isInterState(settings.state, customer.state) : false;
  const bill = computeBill(
    input.items.map((item, i) => ({ qtyMilli: qtys[i]!, unitPricePaise: item.unitPricePaise ?? products[i]!.price_paise, discountPaise: item.discountPaise, gstRateBp: products[i]!.gst_rate_bp })),
    input.discountPaise,
    { applyGst: input.applyGst, interState },
  );
  if ('kind' in bill) {
    if (bill.kind === 'lineDiscount') {
      throw new AppError('VALIDATION', `items.${bill.index}.discount is more than the line amount ${formatRupees(bill.netBeforePaise)}: lower the discount`, `items.${bill.index}.discountPaise`);
    }
    throw new AppError('VALIDATION', `discount is more than the bill ${formatRupees(bill.subtotalPaise)}: lower the discount`, 'discountPaise');
  }

  const settlement = settle(input, customer, bill.totalPaise);
  const paidNowPaise = settlement.payments.reduce((sum, p) => sum + p.amountPaise, 0);
  // Only the unpaid part of a khata bill adds to what the customer owes.
  const override = settlement.mode === 'credit' && customer ? checkCreditLimit(ctx, customer, bill.totalPaise - paidNowPaise, input.allowOverCreditLimit, 'bill') : false;

  const fy = financialYear(new Date(at));
  const { number, seq } = nextInvoiceNumber(db, settings.billPrefix, fy);
  const invoiceId = Number(
    prepared(
      db,
      `INSERT INTO invoices (number, fy, seq, customer_id, status, payment_mode, subtotal_paise, discount_paise, cgst_paise, sgst_paise, igst_paise,
         total_paise, inter_state, gst_applied, credit_override, notes, created_at)
       VALUES (?, ?, ?, ?, 'ISSUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      number,
      fy,
      seq,
      customer?.id ?? null,
      settlement.mode,
      bill.subtotalPaise,
      bill.discountPaise,
      bill.cgstPaise,
      bill.sgstPaise,
      bill.igstPaise,
      bill.totalPaise,
      interState ? 1 : 0,
      input.applyGst ? 1 : 0,
      override ? 1 : 0,
      input.notes ?? null,
      at,
    ).lastInsertRowid,
  );

  const insertLine = prepared(
    db,
    `INSERT INTO invoice_lines (invoice_id, line_no, product_id, product_name, hsn, unit, qty_milli, unit_price_paise, discount_paise, taxable_paise,
       gst_rate_bp, cgst_paise, sgst_paise, igst_paise, total_paise)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lines: InvoiceLine[] = bill.lines.map((l, i) => {
    const p = products[i]!;
    const line: InvoiceLine = {
      lineNo: i + 1,
      productId: p.id,
      productName: p.name,
      hsn: p.hsn,
      unit: p.unit,
      quantity: milliToQty(l.qtyMilli),
      unitPricePaise: l.unitPricePaise,
      // What came off this line in all: its own discount and its share of the bill's.
      discountPaise: l.discountPaise + l.billDiscountPaise,
      taxablePaise: l.taxablePaise,
      gstRateBp: l.gstRateBp,
      cgstPaise: l.cgstPaise,
      sgstPaise: l.sgstPaise,
      igstPaise: l.igstPaise,
      totalPaise: l.totalPaise,
    };
    insertLine.run(
      invoiceId,
      line.lineNo,
      p.id,
      p.name,
      p.hsn,
      p.unit,
      l.qtyMilli,
      l.unitPricePaise,
      line.discountPaise,
      l.taxablePaise,
      l.gstRateBp,
      l.cgstPaise,
      l.sgstPaise,
      l.igstPaise,
      l.totalPaise,
    );
    moveStock(db, { productId: p.id, kind: 'SALE', qtyMilli: -l.qtyMilli, invoiceId, note: null, at });
    return line;
  });

  const insertPayment = prepared(db, 'INSERT INTO payments (customer_id, invoice_id, mode, amount_paise, notes, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  if (settlement.mode === 'credit') {
    if (bill.totalPaise > 0) {
      postLedger(db, { customerId: customer!.id, type: 'DEBIT', amountPaise: bill.totalPaise, reason: 'SALE', description: `Bill ${number}`, invoiceId, at });
    }
    // Each part paid now: the money taken, and a khata CREDIT for it, so the balance rises by the unpaid part only.
    for (const p of settlement.payments) {
      const paymentId = Number(insertPayment.run(customer!.id, invoiceId, p.mode, p.amountPaise, `Bill ${number} (part paid)`, at).lastInsertRowid);
      postLedger(db, {
        customerId: customer!.id,
        type: 'CREDIT',
        amountPaise: p.amountPaise,
        reason: 'PAYMENT',
        description: `Paid on bill ${number} (${p.mode})`,
        paymentMode: p.mode,
        invoiceId,
        paymentId,
        at,
      });
    }
  } else {
    for (const p of settlement.payments) insertPayment.run(customer?.id ?? null, invoiceId, p.mode, p.amountPaise, `Bill ${number}`, at);
  }
  ctx.setUndo({ invoiceId } satisfies InvoiceCreateUndo);

  return {
    id: invoiceId,
    number,
    customerId: customer?.id ?? null,
    customerName: customer?.name ?? null,
    status: 'ISSUED',
    paymentMode: settlement.mode,
    payments: settlement.payments,
    balanceDuePaise: settlement.mode === 'credit' ? bill.totalPaise - paidNowPaise : 0,
    subtotalPaise: bill.subtotalPaise,
    discountPaise: bill.discountPaise,
    cgstPaise: bill.cgstPaise,
    sgstPaise: bill.sgstPaise,
    igstPaise: bill.igstPaise,
    taxPaise: bill.cgstPaise + bill.sgstPaise + bill.igstPaise,
    totalPaise: bill.totalPaise,
    interState,
    gstApplied: input.applyGst,
    creditOverride: override,
    notes: input.notes ?? null,
    createdAt: at,
    cancelledAt: null,
    lines,
  };
}
