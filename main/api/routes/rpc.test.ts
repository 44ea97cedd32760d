import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/support/http';

let s: TestServer;
afterEach(async () => s?.close());

const rpc = async (command: string, input: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${s.url}/api/v1/rpc/${command}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ input }) });
   
  return { status: res.status, body: (await res.json()) as any };
};

describe('POST /api/v1/rpc/:command', () => {
  it('runs a command as the caller and returns the Result as it is', async () => {
    s = await startTestServer();
    const ok = await rpc('settings-get', {});
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, value: { billPrefix: expect.any(String) } });

    const refused = await rpc('product-create', { name: 'Lux soap', pricePaise: 4000 }, { 'x-galla-source': 'keyboard' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('owner') } });

    const made = await rpc('product-create', { name: 'Lux soap', pricePaise: 4000, barcode: '8901234567890' }, { 'x-galla-source': 'keyboard', authorization: `Bearer ${s.ownerToken}` });
    expect(made).toMatchObject({ status: 200, body: { ok: true, value: { name: 'Lux soap', pricePaise: 4000 } } });
    const audit = s.services.db.prepare(`SELECT role, source FROM audit_log WHERE command = 'product-create'`).get();
    expect(audit).toEqual({ role: 'owner', source: 'keyboard' });

    const bad = await rpc('draft-save-open', { data: { lines: [{ productId: 1, name: 'Lux soap', unit: 'piece', quantity: -1, unitPricePaise: 4000 }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', field: 'data.lines.0.quantity' });

    const unknown = await rpc('no-such-thing', {});
    expect(unknown).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND' } } });
  });

  it('streams command events for screens to refetch', async () => {
    s = await startTestServer();
    const ctrl = new AbortController();
    const res = await fetch(`${s.url}/api/v1/rpc/events`, { signal: ctrl.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    await rpc('settings-get', {});
    let text = '';
    while (!text.includes('settings-get')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: command');
    expect(text).toContain('"name":"settings-get","ok":true,"mutates":false');
    ctrl.abort();
  });
});

describe('the screen at /', () => {
  const dir = mkdtempSync(join(tmpdir(), 'galla-static-'));
  const before = process.env.GALLA_RENDERER_DIR;
  beforeAll(() => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Galla</title>');
    writeFileSync(join(dir, 'assets', 'app-abc.js'), 'console.log(1)');
    process.env.GALLA_RENDERER_DIR = dir;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.GALLA_RENDERER_DIR;
    else process.env.GALLA_RENDERER_DIR = before;
  });

  it('serves index.html with a strict CSP, assets, the screen for unknown paths, and 404 for the API', async () => {
    s = await startTestServer();
    const index = await fetch(`${s.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(await index.text()).toContain('<title>Galla</title>');
    const asset = await fetch(`${s.url}/assets/app-abc.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${s.url}/khata`)).headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(`${s.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${s.url}/%2e%2e/%2e%2e/package.json`)).status).not.toBe(200);
    const api = await s.get('/api/v1/nope');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ statusCode: 404 });
  });
});
