import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../common/actor';
import type { CommandInput, CommandName } from '../../../common/commands';
import { gstinCheckChar } from '../../../common/gstin';
import { fixedClock } from '../../commands/context';
import { createServices, type Services } from '../../services';
import { postLedger } from '../ledger/post';
import { summariseDues } from './balances';

const cashier: Actor = { role: 'cashier', source: 'keyboard', who: 'test' };
let services: Services;
afterEach(() => services?.close());

function shop() {
  const clock = fixedClock('2026-03-10T05:30:00Z');
  services = createServices({ dataDir: null, clock });
  return { s: services, clock };
}

function run<N extends CommandName>(name: N, input: CommandInput<N>) {
  const r = services.dispatcher.dispatch(name, input, cashier);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const count = (table: string) => (services.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const ledgerSum = (id: number) =>
  (services.db.prepare('SELECT coalesce(sum(delta_paise), 0) AS s FROM ledger_entries WHERE customer_id = ?').get(id) as { s: number }).s;
const validGstin = (first14: string) => first14 + gstinCheckChar(first14);

describe('customer-create', () => {
  it('adds a customer with no credit limit unless one is set', () => {
    shop();
    const c = run('customer-create', { name: '  Rahul   Gupta ', phone: '+91 98765 43210', landmark: 'ATM ke paas' });
    expect(c).toMatchObject({ id: 1, name: 'Rahul Gupta', phone: '9876543210', landmark: 'ATM ke paas', nickname: null, creditLimitPaise: null, balancePaise: 0 });
    expect(c.createdAt).toBe('2026-03-10T05:30:00.000Z');
    expect(run('customer-create', { name: 'Pinky', creditLimitPaise: 500_000 }).creditLimitPaise).toBe(500_000);
    const keys = services.db.prepare('SELECT search_keys FROM customers WHERE id = 1').get() as { search_keys: string };
    expect(keys.search_keys).toBe('rahul gupta atm ke pas');
  });

  it('writes the opening balance as an OPENING_BALANCE entry: balance equals the sum of the ledger', () => {
    shop();
    const owes = run('customer-create', { name: 'Rahul Gupta', openingBalancePaise: 150_000 });
    expect(owes.balancePaise).toBe(150_000);
    expect(ledgerSum(owes.id)).toBe(150_000);
    const entry = services.db.prepare('SELECT type, amount_paise, reason FROM ledger_entries WHERE customer_id = ?').get(owes.id);
    expect(entry).toEqual({ type: 'OPENING_BALANCE', amount_paise: 150_000, reason: 'OPENING' });

    const advance = run('customer-create', { name: 'Sunita Sharma', openingBalancePaise: -20_000 });
    expect(advance.balancePaise).toBe(-20_000);
    expect(ledgerSum(advance.id)).toBe(-20_000);

    const none = run('customer-create', { name: 'Pinky', openingBalancePaise: 0 });
    expect(none.balancePaise).toBe(0);
    expect(count('ledger_entries')).toBe(2);
  });

  it('refuses a duplicate name, case- and space-insensitively, naming the existing customer; nothing written', () => {
    shop();
    run('customer-create', { name: 'Rahul Gupta' });
    const audits = count('audit_log');
    const r = services.dispatcher.dispatch('customer-create', { name: 'rahul  GUPTA', openingBalancePaise: 5000 }, cashier);
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Customer already exists: Rahul Gupta', field: 'name' } });
    expect(count('customers')).toBe(1);
    expect(count('ledger_entries')).toBe(0);
    expect(count('audit_log')).toBe(audits);
  });

  it('checks the GSTIN checksum and the phone, naming the field', () => {
    shop();
    const good = validGstin('09AAACH7409R1Z');
    expect(run('customer-create', { name: 'Hotel Ganga', gstin: good.toLowerCase() }).gstin).toBe(good);
    const badChecksum = good.slice(0, 14) + (good[14] === 'A' ? 'B' : 'A');
    const r = services.dispatcher.dispatch('customer-create', { name: 'Hotel Yamuna', gstin: badChecksum }, cashier);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'gstin' } });
    expect(!r.ok && r.error.message).toMatch(/GSTIN/);
    const p = services.dispatcher.dispatch('customer-create', { name: 'Hotel Yamuna', phone: '12345' }, cashier);
    expect(p).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'phone' } });
    const n = services.dispatcher.dispatch('customer-create', { name: '   ' }, cashier);
    expect(n).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'name' } });
    expect(count('customers')).toBe(1);
  });
});

describe('customer-update and its undo', () => {
  it('changes only the fields given; null or blank clears one', () => {
    const { clock } = shop();
    const c = run('customer-create', { name: 'Rahul Gupta', phone: '9876543210', nickname: 'Rahul bhai', creditLimitPaise: 100_000 });
    clock.advance(60_000);
    const u = run('customer-update', { customerId: c.id, phone: '91234 56789', nickname: null, landmark: '' });
    expect(u).toMatchObject({ name: 'Rahul Gupta', phone: '9123456789', nickname: null, landmark: null, creditLimitPaise: 100_000 });
    expect(u.updatedAt).toBe('2026-03-10T05:31:00.000Z');
  });

  it('undo-last writes the previous values back (the voice UPDATE_CUSTOMER_PHONE path)', () => {
    shop();
    const c = run('customer-create', { name: 'Rahul Gupta', phone: '9876543210', creditLimitPaise: 100_000 });
    run('customer-update', { customerId: c.id, name: 'Rahul Kumar Gupta', phone: '9123456789', creditLimitPaise: null });
    expect(run('customer-search', { q: '9123456789' })[0]?.id).toBe(c.id);
    const undo = run('undo-last', {});
    expect(undo).toEqual({ undone: 'customer-update', description: 'Changes to Rahul Gupta undone' });
    expect(run('customer-get', { customerId: c.id })).toMatchObject({ name: 'Rahul Gupta', phone: '9876543210', creditLimitPaise: 100_000 });
    // The search index follows the undo.
    expect(run('customer-search', { q: '9123456789' })).toEqual([]);
    expect(run('customer-search', { q: '9876543210' })[0]?.id).toBe(c.id);
    // The name is free again for its old owner only.
    expect(services.dispatcher.dispatch('customer-create', { name: 'rahul gupta' }, cashier)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(run('customer-create', { name: 'Rahul Kumar Gupta' }).id).toBe(2);
  });

  it('refuses a name another customer has, and an unknown customer', () => {
    shop();
    run('customer-create', { name: 'Rahul Gupta' });
    const b = run('customer-create', { name: 'Rahul Sharma' });
    const r = services.dispatcher.dispatch('customer-update', { customerId: b.id, name: 'RAHUL GUPTA' }, cashier);
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Customer already exists: Rahul Gupta', field: 'name' } });
    // Changing only the case of one's own name is fine.
    expect(run('customer-update', { customerId: b.id, name: 'rahul sharma' }).name).toBe('rahul sharma');
    expect(services.dispatcher.dispatch('customer-update', { customerId: 42, phone: '9876543210' }, cashier)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Customer not found: 42', field: 'customerId' },
    });
  });
});

describe('customer-get', () => {
  it('returns the customer with invoices (none yet) and scheduled reminders', () => {
    shop();
    const c = run('customer-create', { name: 'Rahul Gupta', phone: '9876543210', openingBalancePaise: 50_000 });
    run('reminder-create', { customerId: c.id, datetime: 'kal 7 baje' });
    const d = run('customer-get', { customerId: c.id });
    expect(d).toMatchObject({ id: c.id, name: 'Rahul Gupta', balancePaise: 50_000, invoices: [] });
    expect(d.reminders).toHaveLength(1);
    expect(d.reminders[0]).toMatchObject({ status: 'SCHEDULED', amountPaise: 50_000 });
  });

  it('lists the last 5 invoices newest first', () => {
    shop();
    const c = run('customer-create', { name: 'Rahul Gupta' });
    const add = services.db.prepare(
      `INSERT INTO invoices (number, fy, seq, customer_id, status, payment_mode, subtotal_paise, total_paise, created_at)
       VALUES (?, '2526', ?, ?, 'ISSUED', 'cash', 100, 100, '2026-03-10T05:30:00.000Z')`,
    );
    for (let i = 1; i <= 7; i++) add.run(`GA/2526/00000${i}`, i, c.id);
    const d = run('customer-get', { customerId: c.id });
    expect(d.invoices.map((i) => i.number)).toEqual(['GA/2526/000007', 'GA/2526/000006', 'GA/2526/000005', 'GA/2526/000004', 'GA/2526/000003']);
  });

  it('says which customer was not found', () => {
    shop();
    expect(services.dispatcher.dispatch('customer-get', { customerId: 42 }, cashier)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Customer not found: 42', field: 'customerId' },
    });
  });
});

describe('customer-balances', () => {
  const post = (customerId: number, type: 'DEBIT' | 'CREDIT', amountPaise: number, at: string, extra: { reversesEntryId?: number; paymentMode?: 'cash' } = {}) =>
    services.db.transaction(() =>
      postLedger(services.db, { customerId, type, amountPaise, reason: type === 'DEBIT' ? 'UDHAAR' : 'PAYMENT', description: 'test', at, ...extra }),
    )();

  it('lists who owes, oldest unpaid debit first, payments applied first-in-first-out', () => {
    shop();
    const a = run('customer-create', { name: 'Rahul Gupta' });
    const b = run('customer-create', { name: 'Sunita Sharma' });
    const c = run('customer-create', { name: 'Paid Up' });
    run('customer-create', { name: 'Advance Wala', openingBalancePaise: -10_000 });
    post(a.id, 'DEBIT', 50_000, '2026-03-01T05:00:00.000Z');
    post(a.id, 'DEBIT', 30_000, '2026-03-05T05:00:00.000Z');
    post(a.id, 'CREDIT', 60_000, '2026-03-06T05:00:00.000Z', { paymentMode: 'cash' });
    post(b.id, 'DEBIT', 10_000, '2026-03-03T05:00:00.000Z');
    post(c.id, 'DEBIT', 10_000, '2026-02-01T05:00:00.000Z');
    post(c.id, 'CREDIT', 10_000, '2026-02-02T05:00:00.000Z', { paymentMode: 'cash' });
    const list = run('customer-balances', {});
    expect(list).toEqual([
      { id: b.id, name: 'Sunita Sharma', phone: null, balancePaise: 10_000, creditLimitPaise: null, oldestDueAt: '2026-03-03T05:00:00.000Z', lastPaymentAt: null },
      { id: a.id, name: 'Rahul Gupta', phone: null, balancePaise: 20_000, creditLimitPaise: null, oldestDueAt: '2026-03-05T05:00:00.000Z', lastPaymentAt: '2026-03-06T05:00:00.000Z' },
    ]);
    const all = run('customer-balances', { onlyOwing: false });
    expect(all.map((x) => x.name)).toEqual(['Sunita Sharma', 'Rahul Gupta', 'Advance Wala']);
    expect(run('customer-balances', { limit: 1 })).toHaveLength(1);
  });

  it('a reversed payment pays nothing', () => {
    expect(
      summariseDues([
        { id: 1, delta_paise: 500, reverses_entry_id: null, payment_mode: null, reason: 'UDHAAR', created_at: '2026-03-01' },
        { id: 2, delta_paise: -500, reverses_entry_id: null, payment_mode: 'cash', reason: 'PAYMENT', created_at: '2026-03-02' },
        { id: 3, delta_paise: 500, reverses_entry_id: 2, payment_mode: null, reason: 'REVERSAL', created_at: '2026-03-03' },
      ]),
    ).toEqual({ oldestDueAt: '2026-03-01', lastPaymentAt: null });
  });
});
