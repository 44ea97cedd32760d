import { afterEach, describe, expect, it } from 'vitest';
import { gstinCheckChar } from '../../common/gstin';
import { startTestServer, type TestServer } from '../support/http';

let s: TestServer;
afterEach(async () => s?.close());

const SHOP_GSTIN = '27AABCG1234K1Z' + gstinCheckChar('27AABCG1234K1Z');
const BUYER_GSTIN = '07AAACD1234F1Z' + gstinCheckChar('07AAACD1234F1Z');

/** A Maharashtra shop with a Delhi business customer and a soap at 18%, over HTTP only. */
async function shopWithBills(server: TestServer) {
  const settings = await call(server, 'PUT', '/api/v1/settings', { state: 'Maharashtra', gstin: SHOP_GSTIN });
  expect(settings.status).toBe(200);
  const buyer = await server.post('/api/v1/customers', { name: 'Delhi Traders', gstin: BUYER_GSTIN, state: 'Delhi' }, { owner: true });
  expect(buyer.status).toBe(201);
  const soap = await server.post('/api/v1/products', { name: 'Lux Soap', price: 33.33, stock: 50, gstRate: 18, hsn: '3401' }, { owner: true });
  expect(soap.status).toBe(201);
  const productId = soap.body.product.id;
  const b2b = await server.post('/api/v1/invoices', { customerId: buyer.body.customer.id, items: [{ productId, quantity: 2 }], paymentMode: 'upi' });
  expect(b2b.status).toBe(201);
  const walkIn = await server.post('/api/v1/invoices', { items: [{ productId, quantity: 1 }], paymentMode: 'cash' });
  const cancelled = await server.post('/api/v1/invoices', { items: [{ productId, quantity: 3 }], paymentMode: 'cash' });
  expect((await server.post(`/api/v1/invoices/${cancelled.body.invoice.id}/cancel`, { reason: 'test' }, { owner: true })).status).toBe(200);
  return { b2b: b2b.body.invoice, walkIn: walkIn.body.invoice };
}

async function call(server: TestServer, method: string, path: string, body?: unknown, owner = true) {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...(owner ? { authorization: `Bearer ${server.ownerToken}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as any };
}

describe('GET /api/v1/reports/gstr1', () => {
  it('answers the offline tool JSON as a file named by GSTIN and period; cancelled bills left out', async () => {
    s = await startTestServer();
    const { b2b } = await shopWithBills(s);
    const r = await call(s, 'GET', '/api/v1/reports/gstr1?month=2026-03');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename=GSTR1-${SHOP_GSTIN}-032026.json`);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.body).toEqual({
      gstin: SHOP_GSTIN,
      fp: '032026',
      b2b: [
        {
          ctin: BUYER_GSTIN,
          inv: [{ inum: b2b.invoiceNumber, idt: '10-03-2026', val: 78.66, pos: '07', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { txval: 66.66, rt: 18, iamt: 12, camt: 0, samt: 0, csamt: 0 } }] }],
        },
      ],
      b2cs: [{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 33.33, iamt: 0, camt: 3, samt: 3, csamt: 0 }],
      hsn: { data: [{ num: 1, hsn_sc: '3401', desc: 'Lux Soap', uqc: 'PCS', qty: 3, val: 117.99, txval: 99.99, iamt: 12, camt: 3, samt: 3, csamt: 0 }] },
    });
    // Amounts are JSON numbers with at most 2 decimals, as typed in the text.
    expect(r.text).toContain('"txval":66.66');
  });

  it('is owner only; a bad month is a 400 naming it; no shop GSTIN is a 409 saying how to set it', async () => {
    s = await startTestServer();
    const asCashier = await call(s, 'GET', '/api/v1/reports/gstr1', undefined, false);
    expect(asCashier.status).toBe(403);
    expect(asCashier.body.error).toMatch(/Only the owner/);
    const noGstin = await call(s, 'GET', '/api/v1/reports/gstr1');
    expect(noGstin.status).toBe(409);
    expect(noGstin.body.error).toMatch(/GSTIN is not set \(setting "gstin"\).*PUT \/api\/v1\/settings/);
    const bad = await call(s, 'GET', '/api/v1/reports/gstr1?month=March');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'month', error: expect.stringMatching(/^month must be a month as YYYY-MM/) });
  });
});

describe('GET /api/v1/reports/pnl', () => {
  it('sales and GST as decimal strings, costKnown false, no profit field', async () => {
    s = await startTestServer();
    await shopWithBills(s);
    const r = await call(s, 'GET', '/api/v1/reports/pnl?from=2026-03-01&to=2026-03-10');
    expect(r.status).toBe(200);
    expect(r.body.report).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
      invoiceCount: 2,
      grossSales: '99.99',
      discounts: '0.00',
      netSales: '99.99',
      cgst: '3.00',
      sgst: '3.00',
      igst: '12.00',
      billed: '117.99',
      cancelledCount: 1,
      cancelled: '117.99',
      paymentsByMode: { cash: '39.33', upi: '78.66', card: '0.00', other: '0.00' },
      udhaarWritten: '0.00',
      udhaarCollected: '0.00',
      costKnown: false,
      note: expect.stringContaining('does not record'),
    });
    expect(JSON.stringify(r.body)).not.toMatch(/profit"/i);
    expect((await call(s, 'GET', '/api/v1/reports/pnl', undefined, false)).status).toBe(403);
    const reversed = await call(s, 'GET', '/api/v1/reports/pnl?from=2026-03-10&to=2026-03-01');
    expect(reversed).toMatchObject({ status: 400, body: { field: 'to' } });
  });

  it('both routes are in the OpenAPI document', async () => {
    s = await startTestServer();
    const doc = await s.get('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/reports/gstr1', '/api/v1/reports/pnl']));
    expect(doc.body.paths['/api/v1/reports/gstr1'].get.parameters).toEqual([expect.objectContaining({ name: 'month', in: 'query', required: false })]);
  });
});
