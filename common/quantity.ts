// Quantities are decimals for loose goods (0.25 kg) kept as integer thousandths ("milli") so that
// sums are exact. Three decimals cover grams of a kg and millilitres of a litre.
export const QTY_SCALE = 1000;

export function qtyToMilli(q: number): number {
  const milli = Math.round(q * QTY_SCALE);
  if (!Number.isSafeInteger(milli) || Math.abs(q * QTY_SCALE - milli) > 1e-6) {
    throw new RangeError(`Quantity has more than 3 decimals: ${q}`);
  }
  return milli;
}

export const milliToQty = (milli: number): number => milli / QTY_SCALE;

/** Whether q fits the fixed precision (3 decimals). */
export function isQuantity(q: number): boolean {
  if (!Number.isFinite(q)) return false;
  return Math.abs(q * QTY_SCALE - Math.round(q * QTY_SCALE)) <= 1e-6;
}

/** Line amount in paise for a quantity in milli-units at a unit price in paise, rounded half up. */
export function lineAmount(qtyMilli: number, unitPricePaise: number): number {
  const n = qtyMilli * unitPricePaise;
  return Math.floor(n / QTY_SCALE + 0.5);
}
