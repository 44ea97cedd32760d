// Units as the counter says them, and what a spoken quantity is in the product's own unit:
// "500 gram" of a kg product is 0.5, "ek litre tel" of a 1L bottle is one bottle, "do kilo namak" of
// a 1kg packet is two packets, "ek darjan ande" is twelve pieces.
import { phoneticKey } from '../text';
import { keyOf } from './tokens';

export const UNITS = ['kg', 'g', 'l', 'ml', 'piece', 'packet', 'bag', 'bottle', 'dozen', 'tin', 'box', 'cup', 'loaf', 'crate', 'jar', 'pouch', 'bundle', 'tray', 'can', 'strip', 'roll'] as const;
export type UnitName = (typeof UNITS)[number];

const SPELLINGS: Record<UnitName, string[]> = {
  kg: ['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogramme', 'kelo'],
  g: ['g', 'gm', 'gms', 'gram', 'grams', 'gramme', 'graam', 'gr'],
  l: ['l', 'ltr', 'ltrs', 'litre', 'litres', 'liter', 'liters', 'lit', 'litar', 'leetar'],
  ml: ['ml', 'mls', 'millilitre', 'milliliter'],
  piece: ['piece', 'pieces', 'pc', 'pcs', 'peace', 'nag', 'piec', 'pis'],
  packet: ['packet', 'packets', 'pkt', 'pkts', 'pack', 'packs', 'paket', 'pakit', 'pudiya', 'sachet'],
  bag: ['bag', 'bags', 'bora', 'bori', 'thaila', 'thaili', 'sack'],
  bottle: ['bottle', 'bottles', 'botal', 'botl', 'bottal'],
  dozen: ['dozen', 'dozens', 'darjan', 'darzan', 'dazan', 'dajan'],
  tin: ['tin', 'tins'],
  box: ['box', 'boxes', 'dabba', 'dabbe', 'dibba', 'carton', 'cartons'],
  cup: ['cup', 'cups', 'katori'],
  loaf: ['loaf', 'loaves'],
  crate: ['crate', 'crates', 'peti', 'petiyan', 'case', 'cases'],
  jar: ['jar', 'jars', 'barni'],
  pouch: ['pouch', 'pouches'],
  bundle: ['bundle', 'bundles', 'gaddi', 'gatthi'],
  tray: ['tray', 'trays'],
  can: ['can', 'cans'],
  strip: ['strip', 'strips', 'patta'],
  roll: ['roll', 'rolls'],
};

const BY_WORD = new Map<string, UnitName>();
const BY_KEY = new Map<string, UnitName>();
for (const unit of UNITS) {
  for (const s of SPELLINGS[unit]) {
    BY_WORD.set(s, unit);
    if (s.length > 3) BY_KEY.set(phoneticKey(s), unit);
  }
}

/** Every spelling of every unit, for the spelling repair. */
export const UNIT_WORDS: readonly string[] = UNITS.flatMap((u) => SPELLINGS[u]);

/** The unit a word names ("kilo", "gm", "botal", "peti"), or null. */
export function unitOf(word: string): UnitName | null {
  const w = word.toLowerCase().trim();
  return BY_WORD.get(w) ?? (w.length > 3 ? BY_KEY.get(keyOf(w)) : undefined) ?? null;
}

type Dimension = 'mass' | 'volume';
/** Grams or millilitres in one of the unit. */
const MEASURE: Partial<Record<UnitName, { dim: Dimension; base: number }>> = {
  kg: { dim: 'mass', base: 1000 },
  g: { dim: 'mass', base: 1 },
  l: { dim: 'volume', base: 1000 },
  ml: { dim: 'volume', base: 1 },
};

export interface PackSize {
  dim: Dimension;
  /** Grams or millilitres in one pack. */
  base: number;
}

/** The pack size written in a product's name: "Tata Salt 1kg" is 1000 g, "Amul Taaza Milk 500ml" is 500 ml. */
export function packSizeOf(productName: string): PackSize | null {
  const m = /(\d+(?:\.\d+)?)\s*(kg|kgs|g|gm|gms|gram|grams|l|ltr|litre|liter|ml)\b/i.exec(productName);
  if (!m) return null;
  const unit = unitOf(m[2]!);
  const measure = unit ? MEASURE[unit] : undefined;
  return measure ? { dim: measure.dim, base: Number(m[1]) * measure.base } : null;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * A spoken quantity in the product's own unit. Weights and volumes convert when the product is
 * sold by weight or volume, or comes in a pack whose size the name gives (and the answer is whole
 * or a half: "2 litre coke" of a 750ml bottle is a different product, not 2.667 bottles). Counting
 * words (packet, bottle, bag, piece) count the product's own packs. A dozen is twelve.
 */
export function toProductUnit(quantity: number, spoken: UnitName | null, product: { unit: string; name: string }): number {
  if (spoken === null) return quantity;
  const own = unitOf(product.unit);
  if (spoken === 'dozen') return own === 'dozen' ? quantity : round3(quantity * 12);
  const said = MEASURE[spoken];
  if (!said) return quantity;
  const ownMeasure = own ? MEASURE[own] : undefined;
  if (ownMeasure) return ownMeasure.dim === said.dim ? round3((quantity * said.base) / ownMeasure.base) : quantity;
  const pack = packSizeOf(product.name);
  if (pack && pack.dim === said.dim) {
    const packs = (quantity * said.base) / pack.base;
    if (Math.abs(packs * 2 - Math.round(packs * 2)) < 1e-9 && packs > 0) return round3(packs);
  }
  return quantity;
}
