// Reading products: by id, by name as spoken or typed, the counter's keystroke search, low stock.
// Every query here runs on an index (asserted in catalog.test.ts) so 20,000 products stay instant.
import { AppError } from '../../../common/errors';
import { milliToQty } from '../../../common/quantity';
import type { Product, ProductMatch, StockMovement, StockMovementKind } from '../../../common/types';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';
import { nameKey, wordsOf } from './text';

export interface DbProduct {
  id: number;
  name: string;
  name_key: string;
  aliases_json: string;
  barcode: string | null;
  unit: string;
  price_paise: number;
  hsn: string | null;
  gst_rate_bp: number;
  low_stock_milli: number;
  stock_milli: number;
  description: string | null;
  created_at: string;
  updated_at: string;
}

interface DbStockMovement {
  id: number;
  product_id: number;
  kind: StockMovementKind;
  qty_milli: number;
  invoice_id: number | null;
  note: string | null;
  created_at: string;
}

export const PRODUCT_COLUMNS = `id, name, name_key, aliases_json, barcode, unit, price_paise, hsn, gst_rate_bp, low_stock_milli, stock_milli, description, created_at, updated_at`;

export const toProduct = (r: DbProduct): Product => ({
  id: r.id,
  name: r.name,
  aliases: JSON.parse(r.aliases_json) as string[],
  barcode: r.barcode,
  unit: r.unit,
  pricePaise: r.price_paise,
  stock: milliToQty(r.stock_milli),
  hsn: r.hsn,
  gstRateBp: r.gst_rate_bp,
  lowStockThreshold: milliToQty(r.low_stock_milli),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toStockMovement = (r: DbStockMovement): StockMovement => ({
  id: r.id,
  productId: r.product_id,
  kind: r.kind,
  quantity: milliToQty(r.qty_milli),
  invoiceId: r.invoice_id,
  note: r.note,
  createdAt: r.created_at,
});

export function readProductRow(db: Db, id: number): DbProduct | null {
  return prepared<[number], DbProduct>(db, `SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = ?`).get(id) ?? null;
}

export function requireProductRow(db: Db, id: number, field = 'productId'): DbProduct {
  const row = readProductRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', `Product not found: ${id}`, field);
  return row;
}

export function readMovement(db: Db, id: number): StockMovement | null {
  const row = prepared<[number], DbStockMovement>(db, 'SELECT id, product_id, kind, qty_milli, invoice_id, note, created_at FROM stock_movements WHERE id = ?').get(id);
  return row ? toStockMovement(row) : null;
}

export function listMovements(db: Db, productId: number, limit: number): StockMovement[] {
  return prepared<[number, number], DbStockMovement>(
    db,
    'SELECT id, product_id, kind, qty_milli, invoice_id, note, created_at FROM stock_movements WHERE product_id = ? ORDER BY id DESC LIMIT ?',
  )
    .all(productId, limit)
    .map(toStockMovement);
}

export function listProducts(db: Db, limit: number, offset: number): Product[] {
  return prepared<[number, number], DbProduct>(db, `SELECT ${PRODUCT_COLUMNS} FROM products ORDER BY name_key LIMIT ? OFFSET ?`).all(limit, offset).map(toProduct);
}

/** Stock at or below the threshold, by name (a partial index holds exactly these rows). */
export function lowStockProducts(db: Db): Product[] {
  return prepared<[], DbProduct>(db, `SELECT ${PRODUCT_COLUMNS} FROM products WHERE stock_milli <= low_stock_milli ORDER BY name_key`).all().map(toProduct);
}

/** The smallest string above every string that starts with `prefix`: prefix matches are a range on the index. */
const prefixEnd = (prefix: string) => prefix + '\u{10FFFF}';

/**
 * A product for a name said or typed at the counter, case-insensitive: the exact name, then an
 * alias, then a name starting with it, then a name with a word starting with it (all words of a
 * longer phrase), then a name containing it. Ties go to the shortest name.
 */
export function resolveProductByName(db: Db, typed: string): DbProduct | null {
  const key = nameKey(typed);
  if (!key) return null;
  const exact = prepared<[string], DbProduct>(db, `SELECT ${PRODUCT_COLUMNS} FROM products WHERE name_key = ?`).get(key);
  if (exact) return exact;
  const byAlias = prepared<[string], DbProduct>(
    db,
    `SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = (SELECT product_id FROM product_aliases WHERE alias_key = ? ORDER BY product_id LIMIT 1)`,
  ).get(key);
  if (byAlias) return byAlias;
  // The shortest of the first 200 names in order: bounded work however common the prefix.
  const prefix = prepared<[string, string], DbProduct>(
    db,
    `SELECT * FROM (SELECT ${PRODUCT_COLUMNS} FROM products WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT 200) ORDER BY length(name_key), name_key LIMIT 1`,
  ).get(key, prefixEnd(key));
  if (prefix) return prefix;
  const ids = wordMatchIds(db, wordsOf(key), 50);
  if (ids.length > 0) {
    const rows = readProductRows(db, ids);
    rows.sort((a, b) => a.name_key.length - b.name_key.length || a.name_key.localeCompare(b.name_key));
    return rows[0] ?? null;
  }
  // Last resort, a scan: only reached for a name that matches nothing by index.
  return (
    prepared<[string], DbProduct>(db, `SELECT ${PRODUCT_COLUMNS} FROM products WHERE instr(name_key, ?) > 0 ORDER BY length(name_key), name_key LIMIT 1`).get(key) ?? null
  );
}

export function readProductRows(db: Db, ids: number[]): DbProduct[] {
  if (ids.length === 0) return [];
  return prepared<[string], DbProduct>(db, `SELECT ${PRODUCT_COLUMNS} FROM products WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
}

/**
 * Products having, for every query word, a name or alias word starting with it. The longest word
 * (the most selective) walks the index; the others are checked per candidate inside SQLite, which
 * stops at `cap` matches.
 */
function wordMatchIds(db: Db, words: string[], cap: number): number[] {
  if (words.length === 0) return [];
  const ordered = [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 6);
  const others = ordered.slice(1);
  const sql =
    'SELECT DISTINCT a.product_id FROM product_words a WHERE a.word >= ? AND a.word < ?' +
    others.map(() => ' AND EXISTS (SELECT 1 FROM product_words b WHERE b.product_id = a.product_id AND b.word >= ? AND b.word < ?)').join('') +
    ' LIMIT ?';
  const params: (string | number)[] = ordered.flatMap((w) => [w, prefixEnd(w)]);
  return prepared<(string | number)[], { product_id: number }>(db, sql)
    .all(...params, cap)
    .map((r) => r.product_id);
}

/**
 * The counter's search, run on every keystroke: an exact barcode first, then the exact name, an
 * exact alias, names and aliases starting with the text, then names or aliases with words starting
 * with each word typed. matchScore says which: 1 barcode, 0.95 name, 0.9 alias, 0.8/0.75 prefix, 0.6 words.
 */
export function searchProducts(db: Db, q: string, limit: number): ProductMatch[] {
  const key = nameKey(q);
  const scores = new Map<number, number>();
  const add = (id: number, score: number) => {
    if ((scores.get(id) ?? 0) < score) scores.set(id, score);
  };
  const barcode = q.trim();
  if (/^[0-9A-Za-z-]{4,32}$/.test(barcode)) {
    const hit = prepared<[string], { id: number }>(db, 'SELECT id FROM products WHERE barcode = ?').get(barcode);
    if (hit) add(hit.id, 1);
  }
  if (key) {
    for (const r of prepared<[string, string, number], { id: number; name_key: string }>(
      db,
      'SELECT id, name_key FROM products WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT ?',
    ).all(key, prefixEnd(key), limit)) {
      add(r.id, r.name_key === key ? 0.95 : 0.8);
    }
    for (const r of prepared<[string, string, number], { product_id: number; alias_key: string }>(
      db,
      'SELECT product_id, alias_key FROM product_aliases WHERE alias_key >= ? AND alias_key < ? ORDER BY alias_key LIMIT ?',
    ).all(key, prefixEnd(key), limit)) {
      add(r.product_id, r.alias_key === key ? 0.9 : 0.75);
    }
    if (scores.size < limit) for (const id of wordMatchIds(db, wordsOf(key), limit)) add(id, 0.6);
  }
  if (scores.size === 0) return [];
  const rows = readProductRows(db, [...scores.keys()]);
  return rows
    .map((r) => ({ ...toProduct(r), matchScore: scores.get(r.id) ?? 0 }))
    .sort((a, b) => b.matchScore - a.matchScore || a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, limit);
}
