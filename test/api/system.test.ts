import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/http';

let s: TestServer;
afterEach(async () => s?.close());

function addCustomer(server: TestServer, name: string, phone: string | null, balancePaise = 0) {
  const at = '2026-03-01T00:00:00.000Z';
  return Number(
    server.services.db
      .prepare('INSERT INTO customers (name, name_key, phone, balance_paise, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(name, name.toLowerCase(), phone, balancePaise, at, at).lastInsertRowid,
  );
}

describe('system routes over HTTP', () => {
  it('GET /health', async () => {
    s = await startTestServer();
    const r = await s.get('/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', timestamp: '2026-03-10T05:30:00.000Z' });
  });

  it('unknown paths and bad JSON get the error envelope', async () => {
    s = await startTestServer();
    const nf = await s.get('/api/v1/nope');
    expect(nf.status).toBe(404);
    expect(nf.body).toMatchObject({ statusCode: 404, error: expect.stringContaining('Not found') });
    const bad = await s.post('/api/v1/reminders', undefined, { raw: '{"customerId": 1,' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: expect.stringMatching(/JSON/) });
  });

  it('GET /api/v1/summary/daily has the reference fields as decimal strings, for the IST day', async () => {
    s = await startTestServer();
    const r = await s.get('/api/v1/summary/daily');
    expect(r.status).toBe(200);
    expect(r.body.summary).toMatchObject({
      date: '2026-03-09T18:30:00.000Z',
      invoiceCount: 0,
      totalSales: '0.00',
      totalPayments: '0.00',
      cashPayments: '0.00',
      upiPayments: '0.00',
      pendingAmount: '0.00',
    });
  });

  it('reminders: create with words, 400 naming the field, list, cancel, 404', async () => {
    s = await startTestServer();
    const id = addCustomer(s, 'Sunita Devi', '9123456780', 85_000);
    const bad = await s.post('/api/v1/reminders', { customerId: id, amount: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^amount /);
    const made = await s.post('/api/v1/reminders', { customerId: String(id), datetime: 'kal 7 baje' });
    expect(made.status).toBe(201);
    expect(made.body.reminder).toMatchObject({ customerId: String(id), amount: '850.00', status: 'SCHEDULED', scheduledTime: '2026-03-11T13:30:00.000Z' });
    const list = await s.get(`/api/v1/reminders?customerId=${id}`);
    expect(list.body.reminders).toHaveLength(1);
    const cancel = await s.post(`/api/v1/reminders/${made.body.reminder.id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.reminder.status).toBe('CANCELLED');
    expect((await s.post('/api/v1/reminders/999/cancel')).status).toBe(404);
    expect((await s.post('/api/v1/reminders/abc/cancel')).status).toBe(404);
    expect((await s.get('/api/v1/reminders')).body.reminders).toEqual([]);
  });

  it('settings: a cashier is refused (403), the owner may change them', async () => {
    s = await startTestServer();
    const put = (body: unknown, owner: boolean) =>
      fetch(`${s.url}/api/v1/settings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...(owner ? { authorization: `Bearer ${s.ownerToken}` } : {}) },
        body: JSON.stringify(body),
      });
    const refused = await put({ state: 'Uttar Pradesh' }, false);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/owner/);
    const ok = await put({ state: 'Uttar Pradesh', upiVpa: 'sharma@okbank' }, true);
    expect(ok.status).toBe(200);
    expect((await s.get('/api/v1/settings')).body.settings).toMatchObject({ state: 'Uttar Pradesh', upiVpa: 'sharma@okbank' });
  });

  it('GET /metrics speaks Prometheus text with the reference names and labels', async () => {
    s = await startTestServer();
    await s.get('/health');
    await s.get('/api/v1/summary/daily');
    const m = await s.get('/metrics');
    expect(m.status).toBe(200);
    expect(m.text).toContain('# TYPE http_requests_total counter');
    expect(m.text).toMatch(/http_requests_total\{method="GET",route="\/health",status_code="200"\} 1/);
    expect(m.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(m.text).toMatch(/http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/health"\} 1|http_request_duration_seconds_bucket\{method="GET",route="\/health",le="\+Inf"\} 1/);
    expect(m.text).toMatch(/business_operations_total\{operation="summary-daily",status="success"\} 1/);
    expect(m.text).toContain('voice_sessions_total');
    expect(m.text).toContain('invoice_operations_total');
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    s = await startTestServer();
    const r = await s.get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    const create = r.body.paths['/api/v1/reminders'].post;
    expect(create.requestBody.content['application/json'].schema.properties).toHaveProperty('datetime');
    expect(r.body.paths['/api/v1/reminders/{id}/cancel'].post.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
  });
});
