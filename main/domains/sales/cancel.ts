// invoice-cancel: one transaction. The bill stays, marked CANCELLED with its number (no gaps); its
// effects are reversed by new rows: a CREDIT on the khata, refunds (and for a khata bill paid in part,
// a DEBIT reversing each part's CREDIT), and stock coming back.
import { AppError } from '../../../common/errors';
import type { PaymentModeName } from '../../../common/commands/fields';
import type { Invoice } from '../../../common/types';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';
import { moveStock } from '../catalog/write';
import { postLedger } from '../ledger/post';
import { readInvoice, readInvoiceRow } from './read';

export function cancelInvoice(db: Db, invoiceId: number, reason: string | null, at: string): Invoice {
  const inv = readInvoiceRow(db, invoiceId);
  if (!inv) throw new AppError('NOT_FOUND', `Invoice not found: ${invoiceId}`, 'invoiceId');
  if (inv.status === 'CANCELLED') throw new AppError('CONFLICT', `Invoice ${inv.number} is already cancelled`, 'invoiceId');
  const why = reason ? `: ${reason}` : '';

  const paid = prepared<[number], { id: number; customer_id: number | null; mode: PaymentModeName; amount_paise: number }>(
    db,
    'SELECT id, customer_id, mode, amount_paise FROM payments WHERE invoice_id = ? AND amount_paise > 0 ORDER BY id',
  ).all(invoiceId);
  const refund = prepared(db, 'INSERT INTO payments (customer_id, invoice_id, mode, amount_paise, notes, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  if (inv.payment_mode === 'credit') {
    // Through the customer's entries (indexed), newest first: the bill's entry is near the top.
    const sale = prepared<[number, number], { id: number; customer_id: number; amount_paise: number }>(
      db,
      `SELECT id, customer_id, amount_paise FROM ledger_entries WHERE customer_id = ? AND invoice_id = ? AND reason = 'SALE' ORDER BY id DESC LIMIT 1`,
    ).get(inv.customer_id!, invoiceId);
    if (sale) {
      postLedger(db, {
        customerId: sale.customer_id,
        type: 'CREDIT',
        amountPaise: sale.amount_paise,
        reason: 'CANCELLATION',
        description: `Bill ${inv.number} cancelled${why}`,
        invoiceId,
        reversesEntryId: sale.id,
        at,
      });
    }
    // A khata bill paid in part: each part is refunded and its khata CREDIT reversed, so the
    // balance, the ledger and the payments end as if the bill had never been made.
    for (const p of paid) {
      const refundId = Number(refund.run(p.customer_id, invoiceId, p.mode, -p.amount_paise, `Refund: bill ${inv.number} cancelled${why}`, at).lastInsertRowid);
      const credit = prepared<[number, number], { id: number; amount_paise: number }>(
        db,
        `SELECT id, amount_paise FROM ledger_entries WHERE customer_id = ? AND payment_id = ? AND reason = 'PAYMENT' ORDER BY id DESC LIMIT 1`,
      ).get(inv.customer_id!, p.id);
      if (!credit) continue;
      postLedger(db, {
        customerId: inv.customer_id!,
        type: 'DEBIT',
        amountPaise: credit.amount_paise,
        // REVERSAL of a PAYMENT is how the sales report takes back money collected.
        reason: 'REVERSAL',
        description: `Bill ${inv.number} cancelled: part paid (${p.mode}) refunded${why}`,
        paymentMode: p.mode,
        invoiceId,
        paymentId: refundId,
        reversesEntryId: credit.id,
        at,
      });
    }
  } else {
    for (const p of paid) refund.run(p.customer_id, invoiceId, p.mode, -p.amount_paise, `Refund: bill ${inv.number} cancelled${why}`, at);
  }

  const lines = prepared<[number], { product_id: number; qty_milli: number }>(db, 'SELECT product_id, qty_milli FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no').all(invoiceId);
  for (const l of lines) moveStock(db, { productId: l.product_id, kind: 'CANCEL', qtyMilli: l.qty_milli, invoiceId, note: `Bill ${inv.number} cancelled`, at });

  prepared(db, `UPDATE invoices SET status = 'CANCELLED', cancelled_at = ?, cancel_reason = ? WHERE id = ?`).run(at, reason, invoiceId);
  return readInvoice(db, invoiceId)!;
}
