// A bill's arithmetic, pure: line amounts, line and bill discounts, GST per line in paise. One rounding
// rule (roundDiv, half away from zero) everywhere.
import { roundDiv } from '../../../common/money';
import { lineAmount } from '../../../common/quantity';

export interface LineIn {
  qtyMilli: number;
  unitPricePaise: number;
  discountPaise: number;
  gstRateBp: number;
}

export interface LineOut extends LineIn {
  /** After the line discount, before the bill discount. */
  netPaise: number;
  /** This line's share of the bill discount. */
  billDiscountPaise: number;
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  totalPaise: number;
}

export interface BillTotals {
  lines: LineOut[];
  subtotalPaise: number;
  discountPaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  totalPaise: number;
}

export type BillMathError = { kind: 'lineDiscount'; index: number; netBeforePaise: number } | { kind: 'billDiscount'; subtotalPaise: number };

/**
 * Spreads a bill discount over line amounts in proportion, the remainder to the last line. When
 * rounding would leave the last line a share outside 0..its amount (tiny last lines), the shares are
 * rounded cumulatively instead, which always fits and still adds up.
 */
export function spreadDiscount(amounts: readonly number[], discount: number): number[] {
  const total = amounts.reduce((s, a) => s + a, 0);
  if (discount === 0 || total === 0) return amounts.map(() => 0);
  const shares = amounts.map((a) => roundDiv(discount * a, total));
  const lastIndex = amounts.length - 1;
  const rest = discount - shares.slice(0, lastIndex).reduce((s, x) => s + x, 0);
  if (rest >= 0 && rest <= amounts[lastIndex]!) {
    shares[lastIndex] = rest;
    return shares;
  }
  let cum = 0;
  let given = 0;
  return amounts.map((a) => {
    cum += a;
    const upTo = roundDiv(discount * cum, total);
    const share = upTo - given;
    given = upTo;
    return share;
  });
}

/**
 * Computes a bill. GST is per line on its taxable value: IGST at the full rate between states,
 * otherwise CGST and SGST each at half the rate, each rounded (so the halves are always equal).
 */
export function computeBill(items: readonly LineIn[], billDiscountPaise: number, opts: { applyGst: boolean; interState: boolean }): BillTotals | BillMathError {
  const nets: number[] = [];
  for (const [index, it] of items.entries()) {
    const gross = lineAmount(it.qtyMilli, it.unitPricePaise);
    if (it.discountPaise > gross) return { kind: 'lineDiscount', index, netBeforePaise: gross };
    nets.push(gross - it.discountPaise);
  }
  const subtotal = nets.reduce((s, n) => s + n, 0);
  if (billDiscountPaise > subtotal) return { kind: 'billDiscount', subtotalPaise: subtotal };
  const shares = spreadDiscount(nets, billDiscountPaise);
  let cgst = 0;
  let sgst = 0;
  let igst = 0;
  let total = 0;
  const lines = items.map((it, i): LineOut => {
    const taxable = nets[i]! - shares[i]!;
    const rate = opts.applyGst ? it.gstRateBp : 0;
    const l = {
      ...it,
      gstRateBp: rate,
      netPaise: nets[i]!,
      billDiscountPaise: shares[i]!,
      taxablePaise: taxable,
      cgstPaise: opts.interState ? 0 : roundDiv(taxable * rate, 20_000),
      sgstPaise: opts.interState ? 0 : roundDiv(taxable * rate, 20_000),
      igstPaise: opts.interState ? roundDiv(taxable * rate, 10_000) : 0,
      totalPaise: 0,
    };
    l.totalPaise = taxable + l.cgstPaise + l.sgstPaise + l.igstPaise;
    cgst += l.cgstPaise;
    sgst += l.sgstPaise;
    igst += l.igstPaise;
    total += l.totalPaise;
    return l;
  });
  return { lines, subtotalPaise: subtotal, discountPaise: billDiscountPaise, cgstPaise: cgst, sgstPaise: sgst, igstPaise: igst, totalPaise: total };
}
