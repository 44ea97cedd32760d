import { describe, expect, it } from 'vitest';
import { cashier, insertCustomer, testShop } from '../sales/testing';

const line = (productId: number, name: string, quantity: number, unitPricePaise: number, discountPaise = 0) => ({ productId, name, unit: 'piece', quantity, unitPricePaise, discountPaise });

describe('draft bills', () => {
  it('keeps the open bill per counter with totals worked out as invoice-create will', () => {
    const shop = testShop();
    const soap = shop.addProduct('Lux soap', 4000, 50, { gstRateBp: 1800 });
    const rice = shop.addProduct('Rice', 6000, 50);
    expect(shop.run('draft-get-open', { counter: 'main' }, cashier)).toBeNull();
    const saved = shop.run('draft-save-open', { counter: 'main', data: { lines: [line(soap, 'Lux soap', 2, 4000), line(rice, 'Rice', 1.5, 6000, 1000)] } }, cashier)!;
    expect(saved.status).toBe('OPEN');
    // 8000 + 18% = 9440; 9000 - 1000 = 8000 at 0%
    expect(saved.totals).toMatchObject({ subtotalPaise: 16_000, taxPaise: 1440, totalPaise: 17_440, problem: null });
    const again = shop.run('draft-get-open', { counter: 'main' }, cashier)!;
    expect(again.id).toBe(saved.id);
    expect(again.data.lines).toHaveLength(2);
    expect(shop.run('draft-get-open', { counter: 'counter-2' }, cashier)).toBeNull();

    const invoice = shop.run('invoice-create', { items: again.data.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPricePaise: l.unitPricePaise, discountPaise: l.discountPaise })), paymentMode: 'cash' }, cashier);
    expect(invoice.totalPaise).toBe(again.totals.totalPaise);

    // An empty bill removes the row; saves leave no audit rows.
    expect(shop.run('draft-save-open', { counter: 'main', data: { lines: [] } }, cashier)).toBeNull();
    expect(shop.run('draft-get-open', { counter: 'main' }, cashier)).toBeNull();
    const audits = shop.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE command LIKE 'draft-%'`).get() as { n: number };
    expect(audits.n).toBe(0);
  });

  it('holds several bills and recalls one, holding the bill on the counter in its place', () => {
    const shop = testShop();
    const soap = shop.addProduct('Lux soap', 4000, 50);
    const ramesh = insertCustomer(shop.db, 'Ramesh');
    shop.run('draft-save-open', { counter: 'main', data: { lines: [line(soap, 'Lux soap', 1, 4000)], customerId: ramesh, customerName: 'Ramesh' } }, cashier);
    const first = shop.run('draft-hold', { counter: 'main', data: { lines: [line(soap, 'Lux soap', 1, 4000)], customerId: ramesh, customerName: 'Ramesh' } }, cashier);
    expect(first).toMatchObject({ status: 'HELD', label: 'Ramesh' });
    expect(shop.run('draft-get-open', { counter: 'main' }, cashier)).toBeNull();
    const second = shop.run('draft-hold', { counter: 'main', data: { lines: [line(soap, 'Lux soap', 3, 4000)] }, label: 'Blue shirt' }, cashier);
    expect(shop.run('draft-list-held', {}, cashier).map((d) => d.label)).toEqual(['Ramesh', 'Blue shirt']);

    shop.run('draft-save-open', { counter: 'main', data: { lines: [line(soap, 'Lux soap', 5, 4000)] } }, cashier);
    const recalled = shop.run('draft-recall', { draftId: first.id, counter: 'main' }, cashier);
    expect(recalled).toMatchObject({ status: 'OPEN', data: { customerId: ramesh } });
    expect(shop.run('draft-get-open', { counter: 'main' }, cashier)!.id).toBe(first.id);
    const held = shop.run('draft-list-held', {}, cashier);
    expect(held.map((d) => d.data.lines[0]!.quantity).sort()).toEqual([3, 5]);

    const gone = shop.dispatcher.dispatch('draft-recall', { draftId: first.id, counter: 'main' }, cashier);
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(shop.run('draft-discard', { draftId: second.id }, cashier)).toEqual({ discarded: second.id });
    expect(shop.run('draft-list-held', {}, cashier)).toHaveLength(1);
    const note = shop.db.prepare(`SELECT note FROM audit_log WHERE command = 'draft-discard'`).get() as { note: string };
    expect(note.note).toBe('cleared: HELD bill with 1 item(s)');
  });

  it('refuses bad lines and empty holds, and reports a discount larger than the bill', () => {
    const shop = testShop();
    const soap = shop.addProduct('Lux soap', 4000, 50);
    const zero = shop.dispatcher.dispatch('draft-save-open', { counter: 'main', data: { lines: [line(soap, 'Lux soap', 0, 4000)] } }, cashier);
    expect(zero).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'data.lines.0.quantity' } });
    const empty = shop.dispatcher.dispatch('draft-hold', { counter: 'main', data: { lines: [] } }, cashier);
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const over = shop.run('draft-save-open', { counter: 'main', data: { lines: [line(soap, 'Lux soap', 1, 4000)], discountPaise: 5000 } }, cashier)!;
    expect(over.totals.problem).toMatchObject({ field: 'discountPaise' });
  });

  it('a sale that names its draft removes it in the same transaction; a refused sale leaves it', () => {
    const shop = testShop();
    const soap = shop.addProduct('Lux soap', 4000, 2);
    const open = shop.run('draft-save-open', { counter: 'main', data: { lines: [line(soap, 'Lux soap', 5, 4000)] } }, cashier)!;
    const refused = shop.dispatcher.dispatch('invoice-create', { items: [{ productId: soap, quantity: 5 }], paymentMode: 'cash', draftId: open.id }, cashier);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK' } });
    expect(shop.run('draft-get-open', { counter: 'main' }, cashier)!.id).toBe(open.id);
    shop.run('invoice-create', { items: [{ productId: soap, quantity: 2 }], paymentMode: 'cash', draftId: open.id }, cashier);
    expect(shop.run('draft-get-open', { counter: 'main' }, cashier)).toBeNull();
  });
});

