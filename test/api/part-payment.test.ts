// A khata bill paid in part over HTTP: "500 ka saaman, 200 diye, baaki udhaar" as one POST.
import { afterEach, describe, expect, it } from 'vitest';
import { brokenInvariants, tableCounts } from '../../main/domains/sales/testing';
import { startTestServer, type TestServer } from '../support/http';

let s: TestServer;
afterEach(async () => s?.close());

async function shop() {
  s = await startTestServer();
  const rahul = await s.post('/api/v1/customers', { name: 'Rahul Gupta', creditLimit: '1000' }, { owner: true });
  expect(rahul.status).toBe(201);
  const rice = await s.post('/api/v1/products', { name: 'Basmati Rice', price: 100, stock: 50, gstRate: 0, unit: 'kg' }, { owner: true });
  expect(rice.status).toBe(201);
  return { rahul: rahul.body.customer.id as string };
}

describe('POST /api/v1/invoices with paymentMode credit and payments', () => {
  it('bills 500, takes 200 by cash and UPI, puts 300 on the khata; the bill reads back so; cancel undoes it all', async () => {
    const { rahul } = await shop();
    const r = await s.post('/api/v1/invoices', {
      customerId: rahul,
      items: [{ productName: 'Basmati Rice', quantity: 5 }],
      paymentMode: 'credit',
      payments: [
        { mode: 'cash', amount: 150 },
        { mode: 'upi', amount: '50' },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body.invoice).toMatchObject({
      paymentMode: 'credit',
      total: '500.00',
      payments: [
        { mode: 'cash', amount: '150.00' },
        { mode: 'upi', amount: '50.00' },
      ],
      balanceDue: '300.00',
    });
    expect((await s.get(`/api/v1/customers/${rahul}`)).body.customer.balance).toBe('300.00');
    expect((await s.get(`/api/v1/invoices/${r.body.invoice.id}`)).body.invoice).toEqual(r.body.invoice);

    const cancelled = await s.post(`/api/v1/invoices/${r.body.invoice.id}/cancel`, { reason: 'galat' }, { owner: true });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.invoice).toMatchObject({ status: 'CANCELLED', balanceDue: '0.00' });
    expect((await s.get(`/api/v1/customers/${rahul}`)).body.customer.balance).toBe('0.00');
    const net = s.services.db.prepare('SELECT coalesce(sum(amount_paise), 0) AS s FROM payments').get() as { s: number };
    expect(net.s).toBe(0);
    expect(brokenInvariants(s.services.db)).toEqual([]);
  });

  it('limits only the unpaid part; refuses parts reaching the total and a walk-in, naming the field; nothing written', async () => {
    const { rahul } = await shop();
    const before = tableCounts(s.services.db);
    const cases: [unknown, number, Record<string, unknown>][] = [
      [{ customerId: rahul, items: [{ productName: 'Basmati Rice', quantity: 5 }], paymentMode: 'credit', payments: [{ mode: 'cash', amount: 500 }] }, 400, { code: 'VALIDATION', field: 'payments' }],
      [{ customerId: rahul, items: [{ productName: 'Basmati Rice', quantity: 5 }], paymentMode: 'credit', payments: [{ mode: 'cash', amount: 400 }, { mode: 'upi', amount: 200 }] }, 400, { code: 'VALIDATION', field: 'payments' }],
      [{ items: [{ productName: 'Basmati Rice', quantity: 5 }], paymentMode: 'credit', payments: [{ mode: 'cash', amount: 200 }] }, 400, { code: 'VALIDATION', field: 'paymentMode' }],
      // 1200 of rice on a 1000 limit with 100 paid is still 1100 on the khata.
      [{ customerId: rahul, items: [{ productName: 'Basmati Rice', quantity: 12 }], paymentMode: 'credit', payments: [{ mode: 'cash', amount: 100 }] }, 400, { code: 'CREDIT_LIMIT' }],
    ];
    for (const [body, status, want] of cases) {
      const res = await s.post('/api/v1/invoices', body);
      expect({ body, status: res.status, ...res.body }).toMatchObject({ body, status, statusCode: status, ...want });
      expect(typeof res.body.error).toBe('string');
    }
    expect(tableCounts(s.services.db)).toEqual(before);
    const ok = await s.post('/api/v1/invoices', { customerId: rahul, items: [{ productName: 'Basmati Rice', quantity: 12 }], paymentMode: 'credit', payments: [{ mode: 'upi', amount: 300 }] });
    expect(ok).toMatchObject({ status: 201, body: { invoice: { creditOverride: false, balanceDue: '900.00' } } });
    expect(brokenInvariants(s.services.db)).toEqual([]);
  });
});
