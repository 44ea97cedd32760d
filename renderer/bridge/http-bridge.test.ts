import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge } from './http-bridge';

interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

function fakeServer(answer: (c: Call) => { status: number; json: unknown }) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => {
    const call = { method: init.method, url, headers: init.headers, body: init.body ? JSON.parse(init.body) : undefined };
    calls.push(call);
    const r = answer(call);
    return { status: r.status, json: async () => r.json };
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('the HTTP bridge', () => {
  it('posts { input } with the source, and returns the Result as the route sent it', async () => {
    const calls = fakeServer(() => ({ status: 400, json: { ok: false, error: { code: 'VALIDATION', message: 'quantity must be more than zero', field: 'data.lines.0.quantity' } } }));
    const bridge = createHttpBridge('http://shop');
    const events: unknown[] = [];
    bridge.on('command', (e) => events.push(e));
    const r = await bridge.invoke('draft-save-open', { data: { lines: [] } }, 'scanner');
    expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'quantity must be more than zero', field: 'data.lines.0.quantity' } });
    expect(calls[0]).toMatchObject({ method: 'POST', url: 'http://shop/api/v1/rpc/draft-save-open', headers: { 'x-galla-source': 'scanner' }, body: { input: { data: { lines: [] } } } });
    expect(calls[0]!.headers.authorization).toBeUndefined();
    expect(events).toEqual([{ name: 'draft-save-open', ok: false, mutates: false }]);
  });

  it('unlocks the owner through the PIN route, sends the token, and drops it when it stops working', async () => {
    let tokenValid = true;
    const calls = fakeServer((c) => {
      if (c.url.endsWith('/api/v1/auth/pin')) return { status: 200, json: { token: 'T0K', expiresAt: new Date(Date.now() + 600_000).toISOString(), role: 'owner' } };
      if (c.headers.authorization && !tokenValid) return { status: 401, json: { error: 'expired', statusCode: 401 } };
      return { status: 200, json: { ok: true, value: { name: 'Shop' } } };
    });
    const bridge = createHttpBridge('');
    const sessions: unknown[] = [];
    bridge.on('session', (s) => sessions.push(s));
    const unlocked = await bridge.invoke('owner-unlock', { pin: '4321' }, 'keyboard');
    expect(unlocked).toMatchObject({ ok: true, value: { role: 'owner' } });
    expect(calls[0]).toMatchObject({ url: '/api/v1/auth/pin', body: { pin: '4321' } });
    await bridge.invoke('settings-get', {}, 'keyboard');
    expect(calls[1]!.headers.authorization).toBe('Bearer T0K');
    tokenValid = false;
    await bridge.invoke('settings-get', {}, 'keyboard');
    await bridge.invoke('settings-get', {}, 'keyboard');
    expect(calls[3]!.headers.authorization).toBeUndefined();
    expect(sessions).toEqual([{ role: 'owner', expiresAt: expect.any(String) }, { role: 'cashier', expiresAt: null }]);
  });

  it('says the services are not answering when the request fails, in words for the cashier', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    const r = await createHttpBridge('').invoke('draft-get-open', {}, 'keyboard');
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('not answering') } });
  });

  it('on a LAN device: reports not-paired, pairs with the code, keeps the token in localStorage and sends it', async () => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) });
    const calls = fakeServer((c) => {
      if (c.url === '/api/v1/auth/pair') return (c.body as { code: string }).code === '123456' ? { status: 200, json: { token: 'DEV', role: 'cashier', device: { id: 'abc', name: 'Tab', pairedAt: 'x' } } } : { status: 403, json: { error: 'wrong', statusCode: 403, code: 'FORBIDDEN', field: 'code' } };
      if (c.headers.authorization === 'Bearer DEV') return { status: 200, json: { ok: true, value: { name: 'Shop' } } };
      return { status: 401, json: { error: 'This device is not paired', statusCode: 401, reason: 'not-paired' } };
    });
    const bridge = createHttpBridge('');
    const seen: string[] = [];
    bridge.pairing.onAccess((a) => seen.push(a));
    expect(await bridge.invoke('settings-get', {}, 'keyboard')).toMatchObject({ ok: false });
    expect(seen).toEqual(['unpaired']);
    // A listener that comes late hears it at once.
    const late: string[] = [];
    bridge.pairing.onAccess((a) => late.push(a));
    expect(late).toEqual(['unpaired']);

    expect(await bridge.pairing.pair('000000', 'Tab', 'keyboard')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'code' } });
    expect(seen).toEqual(['unpaired']);
    expect(await bridge.pairing.pair('123456', 'Tab', 'keyboard')).toEqual({ ok: true, value: { device: { id: 'abc', name: 'Tab', pairedAt: 'x' } } });
    expect(calls.at(-1)).toMatchObject({ method: 'POST', body: { code: '123456', deviceName: 'Tab' } });
    expect(store.get('galla.deviceToken')).toBe('DEV');
    expect(seen).toEqual(['unpaired', 'ok']);
    // The next page load picks the token up.
    const next = createHttpBridge('');
    expect(await next.invoke('settings-get', {}, 'keyboard')).toEqual({ ok: true, value: { name: 'Shop' } });
    expect(calls.at(-1)!.headers.authorization).toBe('Bearer DEV');
  });

  it('an unpaired token is dropped; LAN access off is reported as such, an owner-only refusal is not', async () => {
    const store = new Map<string, string>([['galla.deviceToken', 'OLD']]);
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) });
    let lanOn = true;
    fakeServer((c) => {
      if (c.url === '/api/v1/auth/pair/start') return { status: 403, json: { error: 'Only the owner can pair devices.', statusCode: 403, code: 'FORBIDDEN' } };
      if (!lanOn) return { status: 403, json: { error: 'LAN access is off', statusCode: 403, code: 'FORBIDDEN', reason: 'lan-off' } };
      return { status: 401, json: { error: 'not known', statusCode: 401, reason: 'not-paired' } };
    });
    const bridge = createHttpBridge('');
    const seen: string[] = [];
    bridge.pairing.onAccess((a) => seen.push(a));
    expect(await bridge.pairing.start('keyboard')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(seen).toEqual([]);
    await bridge.invoke('settings-get', {}, 'keyboard');
    expect(store.has('galla.deviceToken')).toBe(false);
    lanOn = false;
    await bridge.invoke('settings-get', {}, 'keyboard');
    expect(seen).toEqual(['unpaired', 'lanOff']);
  });
});
