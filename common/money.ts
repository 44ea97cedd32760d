// Money is integer paise inside Galla (STYLE note 7). Rupee strings exist only at the edges.
declare const paiseBrand: unique symbol;
export type Paise = number & { readonly [paiseBrand]: true };

const MAX_SAFE_PAISE = 2 ** 51;

/** Guards an integer paise value: refuses fractions, NaN and anything past 2^51. */
export function paise(value: number): Paise {
  if (!Number.isInteger(value) || Math.abs(value) > MAX_SAFE_PAISE) {
    throw new RangeError(`Not a whole number of paise: ${value}`);
  }
  return value as Paise;
}

/**
 * Rupees (number like 45.5 or string like "45.50") to paise. Refuses more than 2 decimals
 * rather than silently rounding a price the shopkeeper typed.
 */
export function rupeesToPaise(rupees: number | string): Paise {
  const text = typeof rupees === 'number' ? rupeesNumberToText(rupees) : rupees.trim();
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new RangeError(`Not an amount in rupees with at most 2 decimals: ${String(rupees)}`);
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  return paise((m[1] ? -1 : 1) * (whole * 100 + frac));
}

function rupeesNumberToText(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  // 45.1 is 45.100000000000001 in binary; toFixed(6) then trim keeps what was meant.
  return n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

/** True when a rupee number has at most two decimals and fits. */
export function isRupeeAmount(n: number): boolean {
  try {
    rupeesToPaise(n);
    return true;
  } catch {
    return false;
  }
}

/** "1500.00" — the API's decimal string. */
export function paiseToDecimalString(p: number): string {
  const sign = p < 0 ? '-' : '';
  const abs = Math.abs(p);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const paiseToRupees = (p: number): number => p / 100;

/** "₹1,25,000.00" — Indian digit grouping for the screen and receipts. */
export function formatRupees(p: number, opts: { symbol?: boolean; decimals?: boolean } = {}): string {
  const { symbol = true, decimals = true } = opts;
  const sign = p < 0 ? '-' : '';
  const abs = Math.abs(p);
  const whole = String(Math.floor(abs / 100));
  const last3 = whole.slice(-3);
  const rest = whole.slice(0, -3);
  const grouped = rest ? `${rest.replace(/\B(?=(\d{2})+(?!\d))/g, ',')},${last3}` : last3;
  const frac = decimals ? `.${String(abs % 100).padStart(2, '0')}` : '';
  return `${sign}${symbol ? '₹' : ''}${grouped}${frac}`;
}

/**
 * The one rounding rule: half away from zero to a whole paisa. Used for GST and discounts.
 * Inputs are integers so the division is exact up to 2^53.
 */
export function roundDiv(numerator: number, denominator: number): number {
  const q = numerator / denominator;
  return q >= 0 ? Math.floor(q + 0.5) : -Math.floor(-q + 0.5);
}

/** Tax on a taxable amount in paise at a rate in basis points (5% = 500). */
export const taxOn = (taxablePaise: number, rateBp: number): Paise => paise(roundDiv(taxablePaise * rateBp, 10_000));
