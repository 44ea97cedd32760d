// Weighing-scale labels: an EAN-13 the scale prints, with the item code and the weight (or the
// price) inside, e.g. prefix "2", 5-digit item code, 5-digit grams, check digit. The layout differs
// by scale brand, so it is set per counter in Settings.
export interface ScaleLayout {
  enabled: boolean;
  /** The leading digits that mark a scale label ("2", "21"...). */
  prefix: string;
  itemDigits: number;
  valueDigits: number;
  /** The value is grams (quantity in kg) or paise (price of the piece). */
  valueKind: 'weight' | 'price';
}

export const DEFAULT_SCALE: ScaleLayout = { enabled: true, prefix: '2', itemDigits: 5, valueDigits: 5, valueKind: 'weight' };

export type ScaleRead =
  | { kind: 'weight'; itemCode: string; quantity: number }
  | { kind: 'price'; itemCode: string; pricePaise: number }
  | { kind: 'badCheck' }
  | null;

/** The EAN/UPC check digit of the digits before it. */
export function eanCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Reads a scale label; null when the code is not one (an ordinary barcode). */
export function readScaleLabel(code: string, layout: ScaleLayout): ScaleRead {
  if (!layout.enabled) return null;
  const length = layout.prefix.length + layout.itemDigits + layout.valueDigits + 1;
  if (code.length !== length || !/^\d+$/.test(code) || !code.startsWith(layout.prefix)) return null;
  const body = code.slice(0, -1);
  if (eanCheckDigit(body) !== Number(code.at(-1))) return { kind: 'badCheck' };
  const itemCode = code.slice(layout.prefix.length, layout.prefix.length + layout.itemDigits);
  const value = Number(code.slice(layout.prefix.length + layout.itemDigits, -1));
  return layout.valueKind === 'weight' ? { kind: 'weight', itemCode, quantity: value / 1000 } : { kind: 'price', itemCode, pricePaise: value };
}

/** The quantity whose amount comes nearest a label's price at the product's rate (3 decimals). */
export function quantityForPrice(pricePaise: number, unitPricePaise: number): number {
  if (unitPricePaise <= 0) return 1;
  return Math.max(0.001, Math.round((pricePaise / unitPricePaise) * 1000) / 1000);
}

const KEY = 'galla.scaleLayout';

export function loadScaleLayout(): ScaleLayout {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? { ...DEFAULT_SCALE, ...(JSON.parse(raw) as Partial<ScaleLayout>) } : DEFAULT_SCALE;
  } catch {
    return DEFAULT_SCALE;
  }
}

export function saveScaleLayout(layout: ScaleLayout): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(layout));
  } catch {
    // Storage off: the layout lasts until the page closes.
  }
}
