// A draft's totals, worked out by the same arithmetic invoice-create uses (computeBill), with the
// catalog's current GST rates and the customer's state, so the screen shows what the bill will be.
import type { DraftData, DraftTotals } from '../../../common/commands/drafts';
import { formatRupees } from '../../../common/money';
import { lineAmount, qtyToMilli } from '../../../common/quantity';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';
import { readProductRows } from '../catalog/read';
import { computeBill } from '../sales/compute';
import { isInterState } from '../system/settings';

function shopState(db: Db): string {
  const row = prepared<[], { value: string }>(db, `SELECT value FROM settings WHERE key = 'state'`).get();
  return row ? (JSON.parse(row.value) as string) : '';
}

function customerState(db: Db, customerId: number | null): string | null {
  if (customerId === null) return null;
  return prepared<[number], { state: string | null }>(db, 'SELECT state FROM customers WHERE id = ?').get(customerId)?.state ?? null;
}

export function draftTotals(db: Db, data: DraftData): DraftTotals {
  const rates = new Map(readProductRows(db, [...new Set(data.lines.map((l) => l.productId))]).map((p) => [p.id, p.gst_rate_bp]));
  const interState = isInterState(shopState(db), customerState(db, data.customerId));
  const bill = computeBill(
    data.lines.map((l) => ({ qtyMilli: qtyToMilli(l.quantity), unitPricePaise: l.unitPricePaise, discountPaise: l.discountPaise, gstRateBp: rates.get(l.productId) ?? 0 })),
    data.discountPaise,
    { applyGst: true, interState },
  );
  if ('kind' in bill) {
    const gross = data.lines.map((l) => lineAmount(qtyToMilli(l.quantity), l.unitPricePaise));
    const subtotal = gross.reduce((s, g, i) => s + Math.max(0, g - data.lines[i]!.discountPaise), 0);
    const problem =
      bill.kind === 'lineDiscount'
        ? { message: `The discount on ${data.lines[bill.index]!.name} is more than the line (${formatRupees(bill.netBeforePaise)}): lower it`, field: `lines.${bill.index}.discountPaise` }
        : { message: `The bill discount is more than the bill (${formatRupees(bill.subtotalPaise)}): lower it`, field: 'discountPaise' };
    return { lines: data.lines.map(() => ({ taxablePaise: 0, taxPaise: 0, totalPaise: 0 })), subtotalPaise: subtotal, discountPaise: data.discountPaise, taxPaise: 0, totalPaise: 0, problem };
  }
  return {
    lines: bill.lines.map((l) => ({ taxablePaise: l.taxablePaise, taxPaise: l.cgstPaise + l.sgstPaise + l.igstPaise, totalPaise: l.totalPaise })),
    subtotalPaise: bill.subtotalPaise,
    discountPaise: bill.discountPaise,
    taxPaise: bill.cgstPaise + bill.sgstPaise + bill.igstPaise,
    totalPaise: bill.totalPaise,
    problem: null,
  };
}
