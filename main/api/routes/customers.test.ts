// Black-box: a real server on a free port, spoken to with fetch.
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../commands/context';
import { createServices, type Services } from '../../services';
import { buildApi, type Api } from '../server';

let services: Services;
let api: Api;
let base: string;

afterEach(async () => {
  await api?.app.close();
  services?.close();
});

async function start() {
  services = createServices({ dataDir: null, clock: fixedClock('2026-03-10T05:30:00Z') });
  api = await buildApi({ services });
  base = await api.app.listen({ port: 0, host: '127.0.0.1' });
}

 
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(base + path, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: r.status, body: await r.json() };
}

const count = (table: string) => (services.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function seed() {
  const a = await call('POST', '/api/v1/customers', { name: 'Rahul Gupta', phone: '98765 43210', landmark: 'ATM ke paas', openingBalance: 1500, creditLimit: '5000.50' });
  const b = await call('POST', '/api/v1/customers', { name: 'Rahul Sharma', phone: '9811122233', landmark: 'mandir wali gali' });
  return { a: a.body.customer, b: b.body.customer };
}

describe('POST /api/v1/customers', () => {
  it('creates a customer: 201 with amounts in rupees and the id as a string', async () => {
    await start();
    const r = await call('POST', '/api/v1/customers', { name: 'Rahul Gupta', phone: '+91 98765 43210', landmark: 'ATM ke paas', openingBalance: 1500, creditLimit: '5000.50' });
    expect(r.status).toBe(201);
    expect(r.body.customer).toMatchObject({
      id: '1',
      name: 'Rahul Gupta',
      phone: '9876543210',
      landmark: 'ATM ke paas',
      balance: '1500.00',
      creditLimit: '5000.50',
      createdAt: '2026-03-10T05:30:00.000Z',
    });
    const noLimit = await call('POST', '/api/v1/customers', { name: 'Pinky' });
    expect(noLimit.body.customer).toMatchObject({ creditLimit: null, balance: '0.00', nickname: null });
  });

  it('409 on a duplicate name, naming the existing customer; nothing written', async () => {
    await start();
    await seed();
    const before = [count('customers'), count('ledger_entries'), count('audit_log')];
    const r = await call('POST', '/api/v1/customers', { name: 'RAHUL gupta', openingBalance: 99 });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: 'Customer already exists: Rahul Gupta', code: 'CONFLICT', statusCode: 409 });
    expect([count('customers'), count('ledger_entries'), count('audit_log')]).toEqual(before);
  });

  it.each([
    [{}, 'name'],
    [{ name: '  ' }, 'name'],
    [{ name: 'Asha', phone: '12345' }, 'phone'],
    [{ name: 'Asha', gstin: '09AAACH7409R1ZX' }, 'gstin'],
    [{ name: 'Asha', creditLimit: -5 }, 'creditLimit'],
    [{ name: 'Asha', openingBalance: '12.345' }, 'openingBalance'],
  ])('400 naming the field for %j; nothing written', async (body, field) => {
    await start();
    const r = await call('POST', '/api/v1/customers', body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION', field });
    expect(r.body.error).toContain(field);
    expect(count('customers')).toBe(0);
    expect(count('audit_log')).toBe(0);
  });
});

describe('GET /api/v1/customers/search', () => {
  it('returns { customers } best first with matchScore; the landmark picks the right Rahul', async () => {
    await start();
    await seed();
    const r = await call('GET', `/api/v1/customers/search?q=${encodeURIComponent('Rahul atm wala')}`);
    expect(r.status).toBe(200);
    expect(r.body.customers.map((c: { name: string }) => c.name)).toEqual(['Rahul Gupta', 'Rahul Sharma']);
    expect(r.body.customers[0]).toMatchObject({ id: '1', balance: '1500.00' });
    expect(r.body.customers[0].matchScore).toBeGreaterThan(r.body.customers[1].matchScore);
    const phone = await call('GET', `/api/v1/customers/search?q=${encodeURIComponent('+91 98765 43210')}`);
    expect(phone.body.customers[0]).toMatchObject({ name: 'Rahul Gupta', matchScore: 1 });
    const hindi = await call('GET', `/api/v1/customers/search?q=${encodeURIComponent('राहुल शर्मा')}`);
    expect(hindi.body.customers[0].name).toBe('Rahul Sharma');
    expect((await call('GET', '/api/v1/customers/search?q=zzzz')).body).toEqual({ customers: [] });
    expect((await call('GET', '/api/v1/customers/search?q=rahul&limit=1')).body.customers).toHaveLength(1);
  });

  it('400 naming q when it is missing or blank', async () => {
    await start();
    for (const url of ['/api/v1/customers/search', '/api/v1/customers/search?q=', '/api/v1/customers/search?q=%20%20']) {
      const r = await call('GET', url);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'q' });
      expect(r.body.error).toMatch(/^q is required/);
    }
  });
});

describe('GET /api/v1/customers/balances', () => {
  it('lists who owes with the oldest due date', async () => {
    await start();
    await seed();
    const r = await call('GET', '/api/v1/customers/balances');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      customers: [{ id: '1', name: 'Rahul Gupta', phone: '9876543210', balance: '1500.00', creditLimit: '5000.50', oldestDueAt: '2026-03-10T05:30:00.000Z', lastPaymentAt: null }],
    });
    expect((await call('GET', '/api/v1/customers/balances?onlyOwing=maybe')).status).toBe(400);
  });
});

describe('GET /api/v1/customers/:id', () => {
  it('returns { customer } with invoices and scheduled reminders', async () => {
    await start();
    await seed();
    expect((await call('POST', '/api/v1/reminders', { customerId: '1', datetime: 'kal 7 baje' })).status).toBe(201);
    const r = await call('GET', '/api/v1/customers/1');
    expect(r.status).toBe(200);
    expect(r.body.customer).toMatchObject({ id: '1', name: 'Rahul Gupta', balance: '1500.00', invoices: [] });
    expect(r.body.customer.reminders).toHaveLength(1);
    expect(r.body.customer.reminders[0]).toMatchObject({ customerId: '1', amount: '1500.00', status: 'SCHEDULED', scheduledTime: '2026-03-11T13:30:00.000Z' });
  });

  it('404 for an unknown or malformed id', async () => {
    await start();
    const r = await call('GET', '/api/v1/customers/42');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ error: 'Customer not found: 42', code: 'NOT_FOUND' });
    expect((await call('GET', '/api/v1/customers/abc')).status).toBe(404);
  });
});

describe('PATCH /api/v1/customers/:id', () => {
  it('changes the fields given and leaves the rest', async () => {
    await start();
    await seed();
    const r = await call('PATCH', '/api/v1/customers/1', { phone: '91234 56789', creditLimit: null, nickname: 'Rahul bhai' });
    expect(r.status).toBe(200);
    expect(r.body.customer).toMatchObject({ name: 'Rahul Gupta', phone: '9123456789', creditLimit: null, nickname: 'Rahul bhai', landmark: 'ATM ke paas' });
    expect((await call('GET', '/api/v1/customers/search?q=9123456789')).body.customers[0].name).toBe('Rahul Gupta');
  });

  it('404 unknown, 409 on a name taken, 400 naming the field; nothing written', async () => {
    await start();
    await seed();
    const audits = count('audit_log');
    expect((await call('PATCH', '/api/v1/customers/42', { phone: '9123456789' })).status).toBe(404);
    const taken = await call('PATCH', '/api/v1/customers/2', { name: 'rahul gupta' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('Customer already exists: Rahul Gupta');
    const bad = await call('PATCH', '/api/v1/customers/2', { creditLimit: 'lots' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('creditLimit');
    expect(count('audit_log')).toBe(audits);
    expect((await call('GET', '/api/v1/customers/2')).body.customer.name).toBe('Rahul Sharma');
  });
});
