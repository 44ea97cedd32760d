import type { DailySummary } from '../../../common/types';
import type { Db } from '../../db';
import { istDayStart, istHour } from './time';

export function dailySummary(db: Db, now: Date): DailySummary {
  const from = istDayStart(now).toISOString();
  const to = now.toISOString();
  const inv = db
    .prepare(`SELECT created_at, total_paise FROM invoices WHERE status = 'ISSUED' AND created_at >= ? AND created_at <= ?`)
    .all(from, to) as { created_at: string; total_paise: number }[];
  const byHour = new Array<number>(24).fill(0);
  let totalSales = 0;
  for (const r of inv) {
    totalSales += r.total_paise;
    byHour[istHour(new Date(r.created_at))]! += r.total_paise;
  }
  const pays = db
    .prepare(`SELECT mode, SUM(amount_paise) AS total FROM payments WHERE created_at >= ? AND created_at <= ? GROUP BY mode`)
    .all(from, to) as { mode: string; total: number }[];
  const by = (m: string) => pays.find((p) => p.mode === m)?.total ?? 0;
  const totalPayments = pays.reduce((s, p) => s + p.total, 0);
  return {
    date: from,
    invoiceCount: inv.length,
    totalSalesPaise: totalSales,
    totalPaymentsPaise: totalPayments,
    cashPaymentsPaise: by('cash'),
    upiPaymentsPaise: by('upi'),
    cardPaymentsPaise: by('card'),
    otherPaymentsPaise: by('other'),
    pendingAmountPaise: totalSales - totalPayments,
    salesByHourPaise: byHour,
    cashExpectedPaise: by('cash'),
  };
}
