// Black-box tests of the products, invoices and ledger routes over loopback HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/support/http';
import { brokenInvariants, insertCustomer, tableCounts } from '../../domains/sales/testing';

let s: TestServer;
afterEach(async () => s?.close());

async function patch(path: string, body: unknown, owner = true) {
  const res = await fetch(s.url + path, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...(owner ? { authorization: `Bearer ${s.ownerToken}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };  
}

async function shop() {
  s = await startTestServer();
  s.services.dispatcher.dispatch('settings-update', { state: 'Maharashtra' }, { role: 'owner', source: 'api', who: 'test' });
  const rahul = insertCustomer(s.services.db, 'Rahul Gupta', { state: 'Maharashtra', creditLimitPaise: 200_000 });
  const soap = await s.post('/api/v1/products', { name: 'Lux Soap', price: 40, stock: 50, gstRate: 18, aliases: ['Sabun'], hsn: '3401', barcode: '8901030865278' }, { owner: true });
  const milk = await s.post('/api/v1/products', { name: 'Milk', price: '30.00', stock: 1, unit: 'packet' }, { owner: true });
  return { rahul, soapId: soap.body.product.id as string, milkId: milk.body.product.id as string, soap };
}

describe('products over HTTP', () => {
  it('POST /api/v1/products: 201 with rupees and percent; 403 for the cashier; 400 naming the field', async () => {
    const { soap } = await shop();
    expect(soap.status).toBe(201);
    expect(soap.body.product).toMatchObject({ name: 'Lux Soap', price: '40.00', stock: 50, gstRate: 18, aliases: ['sabun'], hsn: '3401', unit: 'piece', lowStockThreshold: 10 });
    const before = tableCounts(s.services.db);
    expect((await s.post('/api/v1/products', { name: 'Salt', price: 20 })).status).toBe(403);
    const noPrice = await s.post('/api/v1/products', { name: 'Salt' }, { owner: true });
    expect(noPrice).toMatchObject({ status: 400, body: { code: 'VALIDATION', field: 'price' } });
    expect(noPrice.body.error).toMatch(/^price is required/);
    expect((await s.post('/api/v1/products', { name: 'Salt', price: 20.555 }, { owner: true })).body).toMatchObject({ field: 'price' });
    expect((await s.post('/api/v1/products', { name: 'Salt', price: 20, gstRate: 7 }, { owner: true })).body).toMatchObject({ field: 'gstRate' });
    expect((await s.post('/api/v1/products', { name: '  ', price: 20 }, { owner: true })).body).toMatchObject({ field: 'name' });
    expect((await s.post('/api/v1/products', { name: 'lux soap', price: 20 }, { owner: true })).status).toBe(409);
    expect(tableCounts(s.services.db)).toEqual(before);
  });

  it('GET /api/v1/products lists, ?q= searches by name, alias or barcode; low-stock; GET one; 404', async () => {
    const { soapId, milkId } = await shop();
    const all = await s.get('/api/v1/products');
    expect(all.body.products.map((p: { name: string }) => p.name)).toEqual(['Lux Soap', 'Milk']);
    expect((await s.get('/api/v1/products?q=sab')).body.products.map((p: { id: string }) => p.id)).toEqual([soapId]);
    expect((await s.get('/api/v1/products?q=8901030865278')).body.products[0]).toMatchObject({ id: soapId, matchScore: 1 });
    expect((await s.get('/api/v1/products?q=mi')).body.products.map((p: { id: string }) => p.id)).toEqual([milkId]);
    expect((await s.get('/api/v1/products/low-stock')).body.products.map((p: { id: string }) => p.id)).toEqual([milkId]);
    expect((await s.get(`/api/v1/products/${milkId}`)).body.product).toMatchObject({ name: 'Milk', unit: 'packet', price: '30.00' });
    expect((await s.get('/api/v1/products/999')).status).toBe(404);
    expect((await s.get('/api/v1/products?limit=0')).body).toMatchObject({ statusCode: 400, field: 'limit' });
  });

  it('PATCH /api/v1/products/:id (owner) and stock-in', async () => {
    const { soapId } = await shop();
    expect((await patch(`/api/v1/products/${soapId}`, { price: 42 }, false)).status).toBe(403);
    const p = await patch(`/api/v1/products/${soapId}`, { price: 42.5, gstRate: 12, aliases: ['sabun', 'nahane wala'] });
    expect(p).toMatchObject({ status: 200, body: { product: { price: '42.50', gstRate: 12, aliases: ['sabun', 'nahane wala'] } } });
    expect((await patch(`/api/v1/products/${soapId}`, { stock: 5 })).body).toMatchObject({ statusCode: 400, field: 'stock' });
    expect((await patch('/api/v1/products/999', { price: 1 })).status).toBe(404);
    const si = await s.post(`/api/v1/products/${soapId}/stock-in`, { quantity: 24, note: 'carton' });
    expect(si.status).toBe(200);
    expect(si.body).toMatchObject({ product: { id: soapId, stock: 74 }, movement: { kind: 'IN', quantity: 24, note: 'carton', productId: soapId } });
    expect((await s.post(`/api/v1/products/${soapId}/stock-in`, { quantity: -1 })).body).toMatchObject({ statusCode: 400, field: 'quantity' });
    expect((await s.post('/api/v1/products/999/stock-in', { quantity: 1 })).status).toBe(404);
  });
});

describe('invoices over HTTP', () => {
  it('POST /api/v1/invoices: 201 with decimal strings; GET one and the list', async () => {
    const { rahul } = await shop();
    const r = await s.post('/api/v1/invoices', { customerId: String(rahul), items: [{ productName: 'lux soap', quantity: 2, discount: 5 }], discount: 1.5 });
    expect(r.status).toBe(201);
    expect(r.body.invoice).toMatchObject({
      invoiceNumber: 'GA/2526/000001',
      customerId: String(rahul),
      customerName: 'Rahul Gupta',
      paymentMode: 'credit',
      status: 'ISSUED',
      subtotal: '75.00',
      discount: '1.50',
      cgst: '6.62',
      sgst: '6.62',
      igst: '0.00',
      tax: '13.24',
      total: '86.74',
      items: [{ productName: 'Lux Soap', quantity: 2, unitPrice: '40.00', discount: '6.50', taxable: '73.50', gstRate: 18, total: '86.74' }],
    });
    const id = r.body.invoice.id;
    expect((await s.get(`/api/v1/invoices/${id}`)).body.invoice).toEqual(r.body.invoice);
    const paid = await s.post('/api/v1/invoices', { items: [{ productName: 'Milk', quantity: 1, price: 28 }], paymentMode: 'split', payments: [{ mode: 'cash', amount: 20 }, { mode: 'upi', amount: '8' }] });
    expect(paid.body.invoice).toMatchObject({ total: '28.00', payments: [{ mode: 'cash', amount: '20.00' }, { mode: 'upi', amount: '8.00' }] });
    const list = await s.get('/api/v1/invoices?limit=1');
    expect(list.body.invoices.map((i: { id: string }) => i.id)).toEqual([paid.body.invoice.id]);
    expect((await s.get('/api/v1/invoices')).body.invoices).toHaveLength(2);
    expect((await s.get('/api/v1/invoices?limit=501')).body).toMatchObject({ statusCode: 400, field: 'limit' });
    expect((await s.get('/api/v1/invoices/999')).status).toBe(404);
    expect((await s.get('/api/v1/invoices/abc')).status).toBe(404);
    expect(brokenInvariants(s.services.db)).toEqual([]);
  });

  it('refusals: 400 with the reference messages, naming the API field, and nothing written', async () => {
    const { rahul } = await shop();
    const before = tableCounts(s.services.db);
    const cases: [unknown, number, Record<string, unknown>][] = [
      [{ items: [{ productName: 'Butter', quantity: 1 }] }, 400, { code: 'PRODUCT_NOT_FOUND', error: 'Product not found: Butter' }],
      [{ items: [{ productName: 'Milk', quantity: 5 }] }, 400, { code: 'INSUFFICIENT_STOCK', error: 'Insufficient stock for Milk. Available: 1, Requested: 5' }],
      [{ items: [{ productName: 'Milk', quantity: 1 }], paymentMode: 'credit' }, 400, { code: 'VALIDATION', field: 'paymentMode' }],
      [{ items: [] }, 400, { code: 'VALIDATION', field: 'items' }],
      [{ items: [{ productName: 'Milk', quantity: 1, price: -1 }] }, 400, { code: 'VALIDATION', field: 'items.0.price' }],
      [{ items: [{ productName: 'Milk', quantity: 1, discount: 31 }] }, 400, { code: 'VALIDATION', field: 'items.0.discount' }],
      [{ items: [{ productName: 'Milk', quantity: 1 }], discount: 31 }, 400, { code: 'VALIDATION', field: 'discount' }],
      [{ items: [{ productName: 'Milk', quantity: 1 }], paymentMode: 'split', payments: [{ mode: 'cash', amount: 10 }] }, 400, { code: 'VALIDATION', field: 'payments' }],
      [{ customerId: 999, items: [{ productName: 'Milk', quantity: 1 }] }, 404, { code: 'NOT_FOUND', field: 'customerId' }],
      [{ customerId: rahul, items: [{ productName: 'Lux Soap', quantity: 50 }] }, 400, { code: 'CREDIT_LIMIT' }],
      [{ customerId: rahul, items: [{ productName: 'Lux Soap', quantity: 50 }], allowOverCreditLimit: true }, 403, { code: 'FORBIDDEN' }],
    ];
    for (const [body, status, want] of cases) {
      const r = await s.post('/api/v1/invoices', body);
      expect({ body, status: r.status, ...r.body }).toMatchObject({ body, status, statusCode: status, ...want });
    }
    expect((await s.post('/api/v1/invoices', undefined, { raw: '{"items": [' })).status).toBe(400);
    expect(tableCounts(s.services.db)).toEqual(before);
    const allowed = await s.post('/api/v1/invoices', { customerId: rahul, items: [{ productName: 'Lux Soap', quantity: 50 }], allowOverCreditLimit: true }, { owner: true });
    expect(allowed).toMatchObject({ status: 201, body: { invoice: { creditOverride: true, total: '2360.00' } } });
  });

  it('POST /api/v1/invoices/:id/cancel (owner): 200, then 409; 404 for an unknown id', async () => {
    const { rahul } = await shop();
    const inv = (await s.post('/api/v1/invoices', { customerId: rahul, items: [{ productName: 'Milk', quantity: 1 }] })).body.invoice;
    expect((await s.post(`/api/v1/invoices/${inv.id}/cancel`, {})).status).toBe(403);
    const c = await s.post(`/api/v1/invoices/${inv.id}/cancel`, { reason: 'returned' }, { owner: true });
    expect(c).toMatchObject({ status: 200, body: { invoice: { status: 'CANCELLED', cancelledAt: '2026-03-10T05:30:00.000Z' } } });
    expect(await s.post(`/api/v1/invoices/${inv.id}/cancel`, {}, { owner: true })).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', error: 'Invoice GA/2526/000001 is already cancelled' },
    });
    expect(await s.post('/api/v1/invoices/99/cancel', undefined, { owner: true })).toMatchObject({ status: 404, body: { error: 'Invoice not found: 99' } });
    expect(brokenInvariants(s.services.db)).toEqual([]);
  });
});

describe('ledger over HTTP', () => {
  it('payment, udhaar, credit (owner), and the ledger with running balances', async () => {
    const { rahul } = await shop();
    const u = await s.post('/api/v1/ledger/udhaar', { customerId: rahul, amount: 500, description: 'Ration' });
    expect(u).toMatchObject({ status: 201, body: { entry: { type: 'DEBIT', amount: '500.00', balanceAfter: '500.00', description: 'Ration', customerId: String(rahul) } } });
    const p = await s.post('/api/v1/ledger/payment', { customerId: String(rahul), amount: '120.50', paymentMode: 'upi', notes: 'GPay' });
    expect(p).toMatchObject({ status: 201, body: { entry: { type: 'CREDIT', amount: '120.50', paymentMode: 'upi', description: 'Payment received (upi)', balanceAfter: '379.50' } } });
    expect((await s.post('/api/v1/ledger/credit', { customerId: rahul, amount: 10, description: 'discount' })).status).toBe(403);
    const c = await s.post('/api/v1/ledger/credit', { customerId: rahul, amount: 10, description: 'discount' }, { owner: true });
    expect(c).toMatchObject({ status: 201, body: { entry: { type: 'CREDIT', paymentMode: null, balanceAfter: '369.50' } } });
    const list = await s.get(`/api/v1/ledger/${rahul}?limit=2`);
    expect(list.body.entries.map((e: { balanceAfter: string }) => e.balanceAfter)).toEqual(['369.50', '379.50']);
    expect((await s.get(`/api/v1/ledger/${rahul}`)).body.entries).toHaveLength(3);
    expect(brokenInvariants(s.services.db)).toEqual([]);
  });

  it('refusals are 400/404 naming the field and write nothing', async () => {
    const { rahul } = await shop();
    const before = tableCounts(s.services.db);
    expect((await s.post('/api/v1/ledger/payment', { customerId: rahul, amount: 0, paymentMode: 'cash' })).body).toMatchObject({ statusCode: 400, field: 'amount' });
    expect((await s.post('/api/v1/ledger/payment', { customerId: rahul, paymentMode: 'cash' })).body).toMatchObject({ statusCode: 400, field: 'amount' });
    expect((await s.post('/api/v1/ledger/payment', { customerId: rahul, amount: 1, paymentMode: 'cheque' })).body).toMatchObject({ statusCode: 400, field: 'paymentMode' });
    expect((await s.post('/api/v1/ledger/payment', { amount: 1 })).body).toMatchObject({ statusCode: 400, field: 'customerId' });
    expect((await s.post('/api/v1/ledger/payment', { customerId: 999, amount: 1 })).status).toBe(404);
    expect((await s.post('/api/v1/ledger/udhaar', { customerId: rahul, amount: 2500 })).body).toMatchObject({ statusCode: 400, code: 'CREDIT_LIMIT' });
    expect((await s.get('/api/v1/ledger/999')).status).toBe(404);
    expect((await s.get(`/api/v1/ledger/${rahul}?limit=1001`)).body).toMatchObject({ statusCode: 400, field: 'limit' });
    expect(tableCounts(s.services.db)).toEqual(before);
  });
});
