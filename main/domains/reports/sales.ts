// What the books know about a period: sales, discounts, GST, cancelled bills, money received and
// the khata. Not profit: Galla records no purchase price, so the cost of what was sold is unknown,
// and a figure called profit would be invented.
import type { SalesReport } from '../../../common/reports';
import type { Db } from '../../db';
import { istDaysRange } from './period';

export const NO_COST_NOTE = 'Profit needs the purchase price of what was sold, which Galla does not record yet: these are sales and GST, not profit.';

export function salesReport(db: Db, from: string, to: string): SalesReport {
  const { fromIso, toIso } = istDaysRange(from, to);
  const sales = db
    .prepare(
      `SELECT count(DISTINCT i.id) AS n, coalesce(sum(l.taxable_paise), 0) AS taxable, coalesce(sum(l.discount_paise), 0) AS discount,
         coalesce(sum(l.cgst_paise), 0) AS cgst, coalesce(sum(l.sgst_paise), 0) AS sgst, coalesce(sum(l.igst_paise), 0) AS igst,
         coalesce(sum(l.total_paise), 0) AS total
       FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
       WHERE i.status = 'ISSUED' AND i.created_at >= ? AND i.created_at < ?`,
    )
    .get(fromIso, toIso) as { n: number; taxable: number; discount: number; cgst: number; sgst: number; igst: number; total: number };
  const cancelled = db
    .prepare(`SELECT count(*) AS n, coalesce(sum(total_paise), 0) AS total FROM invoices WHERE status = 'CANCELLED' AND created_at >= ? AND created_at < ?`)
    .get(fromIso, toIso) as { n: number; total: number };
  const payments = db
    .prepare(`SELECT mode, sum(amount_paise) AS total FROM payments WHERE created_at >= ? AND created_at < ? GROUP BY mode`)
    .all(fromIso, toIso) as { mode: 'cash' | 'upi' | 'card' | 'other'; total: number }[];
  const byMode = { cash: 0, upi: 0, card: 0, other: 0 };
  for (const p of payments) byMode[p.mode] = p.total;
  // Each entry counts once, with its sign: a cancellation or an undo takes back what it reverses.
  const khata = db
    .prepare(
      `SELECT
         coalesce(sum(CASE WHEN e.type = 'DEBIT' AND e.reason IN ('SALE', 'UDHAAR') THEN e.amount_paise
                           WHEN e.type = 'CREDIT' AND (e.reason = 'CANCELLATION' OR (e.reason = 'REVERSAL' AND r.reason IN ('SALE', 'UDHAAR'))) THEN -e.amount_paise
                           ELSE 0 END), 0) AS written,
         coalesce(sum(CASE WHEN e.type = 'CREDIT' AND e.reason = 'PAYMENT' THEN e.amount_paise
                           WHEN e.type = 'DEBIT' AND e.reason = 'REVERSAL' AND r.reason = 'PAYMENT' THEN -e.amount_paise
                           ELSE 0 END), 0) AS collected
       FROM ledger_entries e LEFT JOIN ledger_entries r ON r.id = e.reverses_entry_id
       WHERE e.created_at >= ? AND e.created_at < ?`,
    )
    .get(fromIso, toIso) as { written: number; collected: number };
  return {
    from,
    to,
    invoiceCount: sales.n,
    grossSalesPaise: sales.taxable + sales.discount,
    discountPaise: sales.discount,
    netSalesPaise: sales.taxable,
    cgstPaise: sales.cgst,
    sgstPaise: sales.sgst,
    igstPaise: sales.igst,
    billedPaise: sales.total,
    cancelledCount: cancelled.n,
    cancelledPaise: cancelled.total,
    paymentsByModePaise: byMode,
    udhaarWrittenPaise: khata.written,
    udhaarCollectedPaise: khata.collected,
    costKnown: false,
    note: NO_COST_NOTE,
  };
}
