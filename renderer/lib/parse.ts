// What the cashier types, checked before it reaches the bill: a bad entry is refused where it was
// typed and the bill stays as it was. Each returns the value or the dictionary key of the problem.
import { rupeesToPaise } from '../../common/money';
import { isQuantity } from '../../common/quantity';
import type { DictKey } from '../i18n/dict';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: DictKey };

export function parseQuantity(text: string): Parsed<number> {
  const t = text.trim().replace(',', '.');
  if (!/^\d*\.?\d+$|^\d+\.$/.test(t)) return { ok: false, error: 'error.quantity' };
  const q = Number(t);
  if (!(q > 0) || q > 1_000_000) return { ok: false, error: 'error.quantity' };
  if (!isQuantity(q)) return { ok: false, error: 'error.quantityDecimals' };
  return { ok: true, value: q };
}

/** Rupees as typed ("45", "45.5", "₹1,250.00") to paise; empty is refused. */
export function parseRupees(text: string, error: DictKey = 'error.price', opts: { allowZero?: boolean } = {}): Parsed<number> {
  const t = text.trim().replace(/^₹\s*/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return { ok: false, error };
  const p = rupeesToPaise(t) as number;
  if (p === 0 && !opts.allowZero) return { ok: false, error };
  if (p > 2 ** 40) return { ok: false, error };
  return { ok: true, value: p };
}

/** "2*maggi", "2 x maggi", "0.5×atta": a quantity typed before the product. */
export function splitQuantityPrefix(query: string): { quantity: number | null; q: string } {
  const m = /^\s*(\d+(?:\.\d{1,3})?)\s*[*x×]\s*(\S.*)$/i.exec(query);
  if (!m) return { quantity: null, q: query.trim() };
  const quantity = Number(m[1]);
  return quantity > 0 ? { quantity, q: m[2]!.trim() } : { quantity: null, q: query.trim() };
}

/** Paise as rupees for an input box: 4550 -> "45.50", 4500 -> "45". */
export function paiseToInput(p: number): string {
  return p % 100 === 0 ? String(p / 100) : (p / 100).toFixed(2);
}
