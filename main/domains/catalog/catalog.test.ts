import { afterEach, describe, expect, it } from 'vitest';
import { brokenInvariants, cashier, owner, tableCounts, testShop, type TestShop } from '../sales/testing';

let shop: TestShop;
afterEach(() => shop?.close());

const plan = (sql: string, ...params: unknown[]) =>
  (shop.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('products', () => {
  it('creates with defaults, lower-cased aliases, opening stock as a movement; owner only', () => {
    shop = testShop();
    const p = shop.run('product-create', { name: 'Amul Taaza Milk', pricePaise: 3000, aliases: ['Doodh', ' doodh ', 'Dudh'], barcode: '8901262010016' });
    expect(p).toMatchObject({ name: 'Amul Taaza Milk', aliases: ['doodh', 'dudh'], unit: 'piece', stock: 0, gstRateBp: 0, lowStockThreshold: 10, barcode: '8901262010016' });
    const q = shop.run('product-create', { name: 'Chana Dal', pricePaise: 9000, stock: 12.5, unit: 'kg' });
    expect(q.stock).toBe(12.5);
    expect(shop.run('stock-movements', { productId: q.id, limit: 10 })).toMatchObject([{ kind: 'OPENING', quantity: 12.5 }]);
    expect(shop.dispatcher.dispatch('product-create', { name: 'Salt', pricePaise: 2000 }, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(shop.dispatcher.dispatch('product-create', { name: 'amul  taaza milk', pricePaise: 1 }, owner)).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } });
    expect(shop.dispatcher.dispatch('product-create', { name: 'Other', pricePaise: 1, barcode: '8901262010016' }, owner)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'barcode', message: 'Barcode 8901262010016 is already on Amul Taaza Milk: check the barcode' },
    });
    expect(shop.dispatcher.dispatch('product-create', { name: 'Bad', pricePaise: 1, gstRateBp: 700 }, owner)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'gstRateBp' } });
  });

  it('searches by exact barcode first, then name and alias prefixes, then words', () => {
    shop = testShop();
    const atta = shop.addProduct('Aashirvaad Atta 5kg', 25_000, 10, { aliases: ['gehun ka atta'] });
    const milk = shop.addProduct('Amul Milk', 3000, 10, { aliases: ['doodh'], barcode: '8901262010016' });
    const amla = shop.addProduct('Amla Juice', 9000, 10);
    const search = (q: string) => shop.run('product-search', { q, limit: 10 }).map((p) => [p.id, p.matchScore]);
    expect(search('8901262010016')).toEqual([[milk, 1]]);
    expect(search('am')).toEqual([
      [milk, 0.8],
      [amla, 0.8],
    ]);
    expect(search('DOO')).toEqual([[milk, 0.75]]);
    expect(search('doodh')).toEqual([[milk, 0.9]]);
    expect(search('atta')).toEqual([[atta, 0.6]]);
    expect(search('atta aash')).toEqual([[atta, 0.6]]);
    expect(search('gehun')).toEqual([[atta, 0.75]]);
    expect(search('zzz')).toEqual([]);
    expect(shop.dispatcher.dispatch('product-search', { q: '  ' }, cashier)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'q' } });
  });

  it('keeps the keystroke search and the low-stock list on indexes', () => {
    shop = testShop();
    expect(plan('SELECT id, name_key FROM products WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT ?', 'a', 'b', 10)).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_products/);
    expect(plan('SELECT product_id, alias_key FROM product_aliases WHERE alias_key >= ? AND alias_key < ? ORDER BY alias_key LIMIT ?', 'a', 'b', 10)).toMatch(/SEARCH product_aliases USING PRIMARY KEY/);
    expect(plan('SELECT DISTINCT product_id FROM product_words WHERE word >= ? AND word < ? LIMIT ?', 'a', 'b', 10)).toMatch(/SEARCH product_words USING PRIMARY KEY/);
    expect(
      plan(
        'SELECT DISTINCT a.product_id FROM product_words a WHERE a.word >= ? AND a.word < ? AND EXISTS (SELECT 1 FROM product_words b WHERE b.product_id = a.product_id AND b.word >= ? AND b.word < ?) LIMIT ?',
        'a', 'b', 'c', 'd', 10,
      ),
    ).toMatch(/SEARCH b EXISTS USING COVERING INDEX product_words_product \(product_id=\? AND word>\? AND word<\?\)/);
    expect(plan('SELECT id FROM products WHERE barcode = ?', 'x')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_products_2/);
    expect(plan('SELECT * FROM products WHERE stock_milli <= low_stock_milli ORDER BY name_key')).toMatch(/SCAN products USING INDEX products_low_stock/);
    expect(plan('SELECT invoice_id FROM payments WHERE invoice_id = ?', 1)).toMatch(/payments_invoice/);
  });

  it('lists by name and lists low stock (stock at or below the threshold)', () => {
    shop = testShop();
    shop.addProduct('Zeera', 100, 10);
    shop.addProduct('Elaichi', 100, 11);
    shop.addProduct('Ajwain', 100, 2);
    expect(shop.run('product-list', {}).map((p) => p.name)).toEqual(['Ajwain', 'Elaichi', 'Zeera']);
    expect(shop.run('product-low-stock', {}).map((p) => p.name)).toEqual(['Ajwain', 'Zeera']);
  });

  it('stock-in adds an IN movement; undo takes it back unless it was sold', () => {
    shop = testShop();
    const p = shop.addProduct('Sugar', 4500, 5, { unit: 'kg' });
    const r = shop.run('stock-in', { productId: p, quantity: 2.5, note: 'from Metro' }, cashier);
    expect(r.product.stock).toBe(7.5);
    expect(r.movement).toMatchObject({ kind: 'IN', quantity: 2.5, note: 'from Metro', productId: p });
    expect(shop.run('undo-last', {}, cashier)).toEqual({ undone: 'stock-in', description: 'Stock-in of 2.5 kg Sugar undone' });
    expect(shop.run('product-get', { productId: p }).stock).toBe(5);
    shop.run('stock-in', { productId: p, quantity: 2 });
    shop.run('invoice-create', { items: [{ productId: p, quantity: 6 }] });
    shop.run('invoice-cancel', { invoiceId: 1 });
    expect(brokenInvariants(shop.db)).toEqual([]);
    expect(shop.dispatcher.dispatch('stock-in', { productId: 99, quantity: 1 }, cashier)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(shop.dispatcher.dispatch('stock-in', { productId: p, quantity: 0 }, cashier)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'quantity' } });
    expect(shop.dispatcher.dispatch('stock-in', { productId: p, quantity: 1.0001 }, cashier)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'quantity' } });
  });

  it('refuses to undo a stock-in already sold, and changes nothing', () => {
    shop = testShop();
    const p = shop.addProduct('Rice', 5000, 0);
    shop.run('stock-in', { productId: p, quantity: 3 });
    const a = shop.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    shop.db.prepare('UPDATE products SET stock_milli = 1000 WHERE id = ?').run(p); // as if 2 were sold outside this test's books
    const before = tableCounts(shop.db);
    expect(shop.dispatcher.dispatch('undo-last', {}, owner)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(tableCounts(shop.db)).toEqual(before);
    expect(shop.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(a);
  });

  it('product-update is owner-only and undo writes the old values back', () => {
    shop = testShop();
    const p = shop.addProduct('Parle G', 1000, 10, { aliases: ['biscuit'] });
    expect(shop.dispatcher.dispatch('product-update', { productId: p, pricePaise: 1200 }, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const u = shop.run('product-update', { productId: p, pricePaise: 1200, aliases: ['glucose'], gstRateBp: 1800, name: 'Parle-G 100g' });
    expect(u).toMatchObject({ name: 'Parle-G 100g', pricePaise: 1200, aliases: ['glucose'], gstRateBp: 1800, stock: 10 });
    expect(shop.run('product-search', { q: 'glucose' }).map((m) => m.id)).toEqual([p]);
    expect(shop.run('undo-last', {})).toMatchObject({ undone: 'product-update' });
    expect(shop.run('product-get', { productId: p })).toMatchObject({ name: 'Parle G', pricePaise: 1000, aliases: ['biscuit'], gstRateBp: 0 });
    expect(shop.run('product-search', { q: 'glucose' })).toEqual([]);
    expect(shop.run('product-search', { q: 'biscuit' }).map((m) => m.id)).toEqual([p]);
    expect(shop.dispatcher.dispatch('product-update', { productId: 99, pricePaise: 1 }, owner)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Product not found: 99' } });
  });
});
