// Writing products and stock. Stock is the sum of stock_movements (append-only); products.stock_milli
// is a cache moved by the same statement sequence, in the caller's transaction, and never negative.
import type { CommandArgs } from '../../../common/commands';
import { AppError } from '../../../common/errors';
import { milliToQty, qtyToMilli } from '../../../common/quantity';
import type { StockMovementKind } from '../../../common/types';
import { type Db, isConstraintError } from '../../db';
import { prepared } from '../../db/prepared';
import { type DbProduct, requireProductRow } from './read';
import { aliasKeys, nameKey, wordsOf } from './text';

/** What product-update may change; also the undo data (the values before the change). */
export interface ProductFields {
  name: string;
  aliases: string[];
  barcode: string | null;
  unit: string;
  pricePaise: number;
  hsn: string | null;
  gstRateBp: number;
  lowStockThreshold: number;
}

export const fieldsOf = (r: DbProduct): ProductFields => ({
  name: r.name,
  aliases: JSON.parse(r.aliases_json) as string[],
  barcode: r.barcode,
  unit: r.unit,
  pricePaise: r.price_paise,
  hsn: r.hsn,
  gstRateBp: r.gst_rate_bp,
  lowStockThreshold: milliToQty(r.low_stock_milli),
});

/** Turns a unique-constraint failure into words: which name or barcode is taken. */
function explainConflict(db: Db, e: unknown, f: { name: string; barcode: string | null }, selfId: number | null): never {
  if (isConstraintError(e) && /UNIQUE/.test(e.message)) {
    if (/products\.name_key/.test(e.message)) {
      throw new AppError('CONFLICT', `A product named "${f.name}" already exists: use another name, or edit that product`, 'name');
    }
    if (/products\.barcode/.test(e.message)) {
      const other = prepared<[string], { name: string; id: number }>(db, 'SELECT id, name FROM products WHERE barcode = ?').get(f.barcode ?? '');
      if (other && other.id !== selfId) throw new AppError('CONFLICT', `Barcode ${f.barcode} is already on ${other.name}: check the barcode`, 'barcode');
    }
  }
  throw e;
}

/** Rewrites a product's alias rows and search words from its name and aliases. */
function indexProduct(db: Db, productId: number, name: string, aliases: string[]): void {
  prepared<[number]>(db, 'DELETE FROM product_aliases WHERE product_id = ?').run(productId);
  prepared<[number]>(db, 'DELETE FROM product_words WHERE product_id = ?').run(productId);
  const addAlias = prepared<[string, number]>(db, 'INSERT OR IGNORE INTO product_aliases (alias_key, product_id) VALUES (?, ?)');
  const addWord = prepared<[string, number]>(db, 'INSERT OR IGNORE INTO product_words (word, product_id) VALUES (?, ?)');
  for (const a of aliases) addAlias.run(a, productId);
  for (const w of new Set([nameKey(name), ...aliases].flatMap(wordsOf))) addWord.run(w, productId);
}

export function createProduct(db: Db, input: CommandArgs<'product-create'>, at: string): number {
  const aliases = aliasKeys(input.aliases);
  const barcode = input.barcode ?? null;
  let id: number;
  try {
    id = Number(
      prepared(
        db,
        `INSERT INTO products (name, name_key, aliases_json, barcode, unit, price_paise, hsn, gst_rate_bp, low_stock_milli, stock_milli, description, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
      ).run(
        input.name,
        nameKey(input.name),
        JSON.stringify(aliases),
        barcode,
        input.unit,
        input.pricePaise,
        input.hsn ?? null,
        input.gstRateBp,
        qtyToMilli(input.lowStockThreshold),
        input.description ?? null,
        at,
        at,
      ).lastInsertRowid,
    );
  } catch (e) {
    explainConflict(db, e, { name: input.name, barcode }, null);
  }
  indexProduct(db, id, input.name, aliases);
  const opening = qtyToMilli(input.stock);
  if (opening > 0) moveStock(db, { productId: id, kind: 'OPENING', qtyMilli: opening, invoiceId: null, note: 'Opening stock', at });
  return id;
}

/** Writes every field (the caller merges the patch onto the current values). */
export function writeProductFields(db: Db, productId: number, f: ProductFields, at: string): void {
  const aliases = aliasKeys(f.aliases);
  try {
    prepared(
      db,
      `UPDATE products SET name = ?, name_key = ?, aliases_json = ?, barcode = ?, unit = ?, price_paise = ?, hsn = ?, gst_rate_bp = ?,
       low_stock_milli = ?, updated_at = ? WHERE id = ?`,
    ).run(f.name, nameKey(f.name), JSON.stringify(aliases), f.barcode, f.unit, f.pricePaise, f.hsn, f.gstRateBp, qtyToMilli(f.lowStockThreshold), at, productId);
  } catch (e) {
    explainConflict(db, e, f, productId);
  }
  indexProduct(db, productId, f.name, aliases);
}

export interface StockMove {
  productId: number;
  kind: StockMovementKind;
  /** Signed: + arrives, - leaves. */
  qtyMilli: number;
  invoiceId: number | null;
  note: string | null;
  at: string;
}

/**
 * Appends a movement and moves the cached stock by it. Refuses to take stock below zero with the
 * shopkeeper's words (callers that check first, like a bill, never reach that).
 */
export function moveStock(db: Db, m: StockMove): { movementId: number; stockMilli: number } {
  const updated = prepared<[number, number, number], { stock_milli: number }>(
    db,
    'UPDATE products SET stock_milli = stock_milli + ? WHERE id = ? AND stock_milli + ? >= 0 RETURNING stock_milli',
  ).get(m.qtyMilli, m.productId, m.qtyMilli);
  if (!updated) {
    const row = requireProductRow(db, m.productId);
    throw new AppError('INSUFFICIENT_STOCK', `Insufficient stock for ${row.name}. Available: ${milliToQty(row.stock_milli)}, Requested: ${milliToQty(-m.qtyMilli)}`, 'quantity');
  }
  const info = prepared(db, 'INSERT INTO stock_movements (product_id, kind, qty_milli, invoice_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    m.productId,
    m.kind,
    m.qtyMilli,
    m.invoiceId,
    m.note,
    m.at,
  );
  return { movementId: Number(info.lastInsertRowid), stockMilli: updated.stock_milli };
}
