import { afterEach, describe, expect, it } from 'vitest';
import { brokenInvariants, cashier, owner, tableCounts, testShop, type TestShop } from '../sales/testing';

let shop: TestShop;
afterEach(() => shop?.close());

const balance = (id: number) => (shop.db.prepare('SELECT balance_paise AS b FROM customers WHERE id = ?').get(id) as { b: number }).b;

describe('ledger', () => {
  it('payment: a payments row and a CREDIT entry with the mode; udhaar: a DEBIT; running balances newest first', () => {
    shop = testShop();
    const c = shop.addCustomer('Pinky');
    const u = shop.run('ledger-add-udhaar', { customerId: c, amountPaise: 50_000, description: 'Ration' }, cashier);
    expect(u).toMatchObject({ type: 'DEBIT', amountPaise: 50_000, deltaPaise: 50_000, description: 'Ration', balanceAfterPaise: 50_000 });
    const p = shop.run('ledger-record-payment', { customerId: c, amountPaise: 20_000, mode: 'upi' }, cashier);
    expect(p).toMatchObject({ type: 'CREDIT', amountPaise: 20_000, paymentMode: 'upi', description: 'Payment received (upi)', balanceAfterPaise: 30_000 });
    expect(shop.db.prepare('SELECT customer_id, mode, amount_paise FROM payments').all()).toEqual([{ customer_id: c, mode: 'upi', amount_paise: 20_000 }]);
    const adj = shop.run('ledger-credit-adjust', { customerId: c, amountPaise: 5000, description: 'Returned 1 oil' });
    expect(adj).toMatchObject({ type: 'CREDIT', paymentMode: null, balanceAfterPaise: 25_000 });
    expect(shop.db.prepare('SELECT reason FROM ledger_entries ORDER BY id').all()).toEqual([{ reason: 'UDHAAR' }, { reason: 'PAYMENT' }, { reason: 'RETURN' }]);
    expect(shop.run('ledger-list', { customerId: c }).map((e) => e.balanceAfterPaise)).toEqual([25_000, 30_000, 50_000]);
    expect(shop.run('ledger-list', { customerId: c, limit: 1 }).map((e) => e.balanceAfterPaise)).toEqual([25_000]);
    expect(balance(c)).toBe(25_000);
    expect(brokenInvariants(shop.db)).toEqual([]);
  });

  it('credit-adjust is owner-only; unknown customers are NOT_FOUND; bad amounts name the field', () => {
    shop = testShop();
    const c = shop.addCustomer('Pinky');
    expect(shop.dispatcher.dispatch('ledger-credit-adjust', { customerId: c, amountPaise: 100 }, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(shop.dispatcher.dispatch('ledger-record-payment', { customerId: 42, amountPaise: 100 }, cashier)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Customer not found: 42', field: 'customerId' },
    });
    expect(shop.dispatcher.dispatch('ledger-list', { customerId: 42 }, cashier)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(shop.dispatcher.dispatch('ledger-add-udhaar', { customerId: c, amountPaise: 0 }, cashier)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'amountPaise' } });
    expect(shop.dispatcher.dispatch('ledger-list', { customerId: c, limit: 1001 }, cashier)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'limit' } });
  });

  it('udhaar is checked against the credit limit like a sale; the owner may allow it', () => {
    shop = testShop();
    const c = shop.addCustomer('Rahul Gupta', { creditLimitPaise: 100_000 });
    shop.run('ledger-add-udhaar', { customerId: c, amountPaise: 90_000 }, cashier);
    const before = tableCounts(shop.db);
    expect(shop.dispatcher.dispatch('ledger-add-udhaar', { customerId: c, amountPaise: 20_000 }, cashier)).toEqual({
      ok: false,
      error: {
        code: 'CREDIT_LIMIT',
        message:
          'Credit limit crossed for Rahul Gupta: balance ₹900.00 + this udhaar ₹200.00 = ₹1,100.00, over the limit ₹1,000.00 by ₹100.00. Take a part payment, or the owner can allow this udhaar.',
      },
    });
    expect(shop.dispatcher.dispatch('ledger-add-udhaar', { customerId: c, amountPaise: 20_000, allowOverCreditLimit: true }, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(tableCounts(shop.db)).toEqual(before);
    expect(shop.dispatcher.dispatch('ledger-add-udhaar', { customerId: c, amountPaise: 20_000, allowOverCreditLimit: true }, owner).ok).toBe(true);
    expect(balance(c)).toBe(110_000);
  });

  it('undo appends an opposite REVERSAL entry (and a refund row for a payment), never deletes', () => {
    shop = testShop();
    const c = shop.addCustomer('Pinky');
    shop.run('ledger-add-udhaar', { customerId: c, amountPaise: 10_000 }, cashier);
    const pay = shop.run('ledger-record-payment', { customerId: c, amountPaise: 4000, mode: 'cash' }, cashier);
    expect(shop.run('undo-last', {}, cashier)).toEqual({ undone: 'ledger-record-payment', description: 'Payment received (cash) of ₹40.00 undone' });
    expect(balance(c)).toBe(10_000);
    const rev = shop.db.prepare(`SELECT type, amount_paise, reason, reverses_entry_id, payment_mode FROM ledger_entries ORDER BY id DESC LIMIT 1`).get();
    expect(rev).toEqual({ type: 'DEBIT', amount_paise: 4000, reason: 'REVERSAL', reverses_entry_id: pay.id, payment_mode: 'cash' });
    expect(shop.db.prepare('SELECT sum(amount_paise) AS s FROM payments').get()).toEqual({ s: 0 });
    shop.run('undo-last', {}, cashier);
    expect(balance(c)).toBe(0);
    shop.run('ledger-credit-adjust', { customerId: c, amountPaise: 500 });
    shop.run('undo-last', {});
    expect(balance(c)).toBe(0);
    expect(shop.db.prepare('SELECT count(*) AS n FROM ledger_entries').get()).toEqual({ n: 6 });
    expect(() => shop.db.prepare('DELETE FROM ledger_entries').run()).toThrow(/append-only/);
    expect(brokenInvariants(shop.db)).toEqual([]);
  });

  it('a payment by several modes is one command: an entry per mode, undone together; parts that do not add up change nothing', () => {
    shop = testShop();
    const c = shop.addCustomer('Pinky');
    shop.run('ledger-add-udhaar', { customerId: c, amountPaise: 10_000 }, cashier);
    const before = tableCounts(shop.db);
    const bad = shop.dispatcher.dispatch('ledger-record-payment', { customerId: c, amountPaise: 1000, parts: [{ mode: 'cash', amountPaise: 700 }, { mode: 'upi', amountPaise: 200 }] }, cashier);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'parts' } });
    expect(tableCounts(shop.db)).toEqual(before);
    const last = shop.run('ledger-record-payment', { customerId: c, amountPaise: 1000, parts: [{ mode: 'cash', amountPaise: 700 }, { mode: 'upi', amountPaise: 300 }] }, cashier);
    expect(last).toMatchObject({ paymentMode: 'upi', amountPaise: 300, balanceAfterPaise: 9000 });
    expect(shop.db.prepare('SELECT mode, amount_paise FROM payments ORDER BY id').all()).toEqual([{ mode: 'cash', amount_paise: 700 }, { mode: 'upi', amount_paise: 300 }]);
    expect(shop.db.prepare("SELECT count(*) AS n FROM audit_log WHERE command = 'ledger-record-payment'").get()).toEqual({ n: 1 });
    expect(shop.run('undo-last', {}, cashier).undone).toBe('ledger-record-payment');
    expect(balance(c)).toBe(10_000);
    expect(shop.db.prepare('SELECT sum(amount_paise) AS s FROM payments').get()).toEqual({ s: 0 });
    expect(brokenInvariants(shop.db)).toEqual([]);
  });
});
