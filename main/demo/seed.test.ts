import { describe, expect, it } from 'vitest';
import { createServices } from '../services';
import { fixedClock } from '../commands/context';
import { seedDemoShop } from './seed';
import { DEMO_CUSTOMERS, DEMO_PRODUCTS } from './catalog';

describe('demo shop', () => {
  it('fills an empty shop once, with balances equal to the ledger and no advance from the demo payments', () => {
    const s = createServices({ dataDir: null, clock: fixedClock('2026-03-10T12:00:00Z') });
    expect(seedDemoShop(s)).toEqual({ seeded: true });
    expect(seedDemoShop(s)).toEqual({ seeded: false });
    const n = (sql: string) => (s.db.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT count(*) AS n FROM products')).toBe(DEMO_PRODUCTS.length);
    expect(n('SELECT count(*) AS n FROM customers')).toBe(DEMO_CUSTOMERS.length);
    expect(n('SELECT count(*) AS n FROM invoices')).toBeGreaterThan(20);
    expect(n("SELECT count(*) AS n FROM customers WHERE balance_paise > 0")).toBeGreaterThanOrEqual(8);
    expect(n('SELECT count(*) AS n FROM customers c WHERE balance_paise <> (SELECT coalesce(sum(delta_paise), 0) FROM ledger_entries l WHERE l.customer_id = c.id)')).toBe(0);
    expect(n("SELECT count(*) AS n FROM invoices WHERE created_at > '2026-03-10T12:00:00.000Z'")).toBe(0);
    s.close();
  });
});
