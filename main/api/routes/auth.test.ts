import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApi, type Api } from '../server';
import { createServices, type Services } from '../../services';
import { fixedClock } from '../../commands/context';
import { createTokenStore, PAIRING_CODE_MS } from '../auth';
import { isLoopback } from './auth';

const LAN_IP = '192.168.1.23';
let s: Services;
let api: Api;
const dirs: string[] = [];

afterEach(async () => {
  vi.useRealTimers();
  await api?.app.close();
  s?.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(opts: { lan?: boolean } = {}) {
  s = createServices({ dataDir: null, clock: fixedClock('2026-03-10T05:30:00.000Z') });
  if (opts.lan) s.db.prepare(`INSERT INTO settings (key, value) VALUES ('lanAccess', 'true')`).run();
  api = await buildApi({ services: s });
  return api;
}

type Opts = { token?: string; from?: string; body?: unknown; host?: string };
async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, o: Opts = {}) {
  const headers: Record<string, string> = {};
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.host) headers.host = o.host;
  const r = await api.app.inject({ method, url, headers, remoteAddress: o.from ?? '127.0.0.1', ...(o.body !== undefined ? { payload: o.body as object } : {}) });
   
  return { status: r.statusCode, body: r.json() as Record<string, any> };
}

async function setPinAndUnlock(pin = '2468') {
  expect((await call('PUT', '/api/v1/auth/pin', { body: { pin } })).status).toBe(200);
  const r = await call('POST', '/api/v1/auth/pin', { body: { pin } });
  expect(r.status).toBe(200);
  return r.body.token as string;
}

describe('owner PIN over HTTP', () => {
  it('opens as cashier; the PIN gives an owner token for 10 minutes that the owner-only routes accept', async () => {
    await start();
    expect((await call('GET', '/api/v1/auth/session')).body).toMatchObject({ role: 'cashier', pinSet: false, expiresAt: null });
    expect((await call('PUT', '/api/v1/settings', { body: { name: 'Sharma Kirana' } })).status).toBe(403);

    expect((await call('PUT', '/api/v1/auth/pin', { body: { pin: '2468' } })).body).toEqual({ pin: { pinSet: true } });
    const unlock = await call('POST', '/api/v1/auth/pin', { body: { pin: '2468' } });
    expect(unlock.body).toEqual({ token: expect.any(String), expiresAt: '2026-03-10T05:40:00.000Z', role: 'owner' });

    const token = unlock.body.token as string;
    const session = await call('GET', '/api/v1/auth/session', { token });
    expect(session.body).toMatchObject({ role: 'owner', pinSet: true, lockedUntil: null });
    expect(new Date(session.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect((await call('PUT', '/api/v1/settings', { token, body: { name: 'Sharma Kirana' } })).status).toBe(200);
  });

  it('a PIN token ends after 10 minutes, and at once on DELETE /api/v1/auth/session', async () => {
    await start();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-10T05:30:00.000Z') });
    const token = await setPinAndUnlock();
    vi.setSystemTime(new Date('2026-03-10T05:39:59.000Z'));
    expect((await call('GET', '/api/v1/auth/session', { token })).body.role).toBe('owner');
    vi.setSystemTime(new Date('2026-03-10T05:40:01.000Z'));
    expect((await call('GET', '/api/v1/auth/session', { token })).status).toBe(401);

    const again = (await call('POST', '/api/v1/auth/pin', { body: { pin: '2468' } })).body.token as string;
    expect((await call('DELETE', '/api/v1/auth/session', { token: again })).body).toEqual({ role: 'cashier' });
    const after = await call('GET', '/api/v1/auth/session', { token: again });
    expect(after).toMatchObject({ status: 401, body: { error: expect.stringMatching(/unlock with the owner PIN again/) } });
  });

  it('a wrong PIN says how many tries are left; five lock it with the time left in the message', async () => {
    await start();
    await call('PUT', '/api/v1/auth/pin', { body: { pin: '2468' } });
    const first = await call('POST', '/api/v1/auth/pin', { body: { pin: '1111' } });
    expect(first).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', field: 'pin', error: 'Wrong PIN: 4 tries left before a 5 min 00 s lock.' } });
    for (let i = 0; i < 4; i++) await call('POST', '/api/v1/auth/pin', { body: { pin: '1111' } });
    const locked = await call('POST', '/api/v1/auth/pin', { body: { pin: '2468' } });
    expect(locked).toMatchObject({ status: 403, body: { error: expect.stringMatching(/locked\. Try again in 5 min 00 s/) } });
    expect((await call('GET', '/api/v1/auth/session')).body.lockedUntil).toBe('2026-03-10T05:35:00.000Z');
  });

  it('changing the PIN needs the owner; a bad PIN names the field', async () => {
    await start();
    const token = await setPinAndUnlock();
    expect((await call('PUT', '/api/v1/auth/pin', { body: { pin: '1357' } })).status).toBe(403);
    expect((await call('PUT', '/api/v1/auth/pin', { token, body: { pin: '1357' } })).status).toBe(200);
    expect((await call('PUT', '/api/v1/auth/pin', { token, body: { pin: '12' } })).body).toMatchObject({ code: 'VALIDATION', field: 'pin' });
    expect((await call('POST', '/api/v1/auth/pin', { body: {} })).body).toMatchObject({ code: 'VALIDATION', field: 'pin', error: expect.stringMatching(/4 to 8 digits/) });
  });
});

describe('LAN access', () => {
  it('is off by default: a LAN request is refused even with a token, saying how to turn it on', async () => {
    await start();
    for (const url of ['/health', '/api/v1/settings', '/api/v1/nope']) {
      const r = await call('GET', url, { from: LAN_IP, token: api.tokens.ownerToken });
      expect(r).toMatchObject({ status: 403, body: { error: expect.stringMatching(/LAN access is off.*Settings/) } });
    }
    expect((await call('POST', '/api/v1/auth/pair', { from: LAN_IP, body: { code: '123456', deviceName: 'x' } })).status).toBe(403);
  });

  it('when on, a LAN request without a paired device’s token gets 401 with what to do', async () => {
    await start({ lan: true });
    const r = await call('GET', '/api/v1/settings', { from: LAN_IP });
    expect(r).toMatchObject({ status: 401, body: { error: expect.stringMatching(/not paired.*6-digit code.*POST \/api\/v1\/auth\/pair/) } });
    // The owner's local token is for this machine, not the LAN.
    expect((await call('GET', '/health', { from: LAN_IP, token: api.tokens.ownerToken })).status).toBe(401);
    expect((await call('GET', '/health', { from: LAN_IP, token: 'made-up' })).body.error).toMatch(/not known/);
    // IPv4-mapped and IPv6 LAN addresses are LAN too.
    expect((await call('GET', '/health', { from: '::ffff:10.0.0.5' })).status).toBe(401);
    expect((await call('GET', '/health', { from: 'fe80::1' })).status).toBe(401);
  });

  it('when on, the screen’s own files load unpaired (to show the pairing screen); no API path does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galla-screen-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Galla</title>');
    vi.stubEnv('GALLA_RENDERER_DIR', dir);
    try {
      await start({ lan: true });
      for (const url of ['/', '/settings']) {
        const r = await api.app.inject({ method: 'GET', url, remoteAddress: LAN_IP });
        expect(r.statusCode, url).toBe(200);
        expect(r.body).toContain('<title>Galla</title>');
      }
      for (const url of ['/api/v1/settings', '/api/openapi.json', '/ws', '/health', '/metrics']) {
        expect((await api.app.inject({ method: 'GET', url, remoteAddress: LAN_IP })).statusCode, url).toBe(401);
      }
      expect((await api.app.inject({ method: 'POST', url: '/', remoteAddress: LAN_IP })).statusCode).toBe(401);
      // Owner-only: the LAN addresses a device opens.
      expect((await call('GET', '/api/v1/auth/lan')).status).toBe(403);
      expect((await call('GET', '/api/v1/auth/lan', { token: api.tokens.ownerToken })).body).toEqual({ lanAccess: true, urls: [] });
      await api.app.close();
      s.close();
      await start();
      expect((await api.app.inject({ method: 'GET', url: '/', remoteAddress: LAN_IP })).statusCode).toBe(403);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('pairs a device with the owner’s code; the device then calls as cashier', async () => {
    await start({ lan: true });
    const owner = await setPinAndUnlock();
    expect((await call('POST', '/api/v1/auth/pair/start')).status).toBe(403);
    const started = await call('POST', '/api/v1/auth/pair/start', { token: owner });
    expect(started.body).toEqual({ code: expect.stringMatching(/^\d{6}$/), expiresAt: expect.any(String), lanAccess: true });
    const code = started.body.code as string;

    const wrong = code === '000000' ? '000001' : '000000';
    expect((await call('POST', '/api/v1/auth/pair', { from: LAN_IP, body: { code: wrong, deviceName: 'Tablet' } })).body).toMatchObject({
      code: 'FORBIDDEN',
      field: 'code',
      error: expect.stringMatching(/wrong or has expired/),
    });
    const paired = await call('POST', '/api/v1/auth/pair', { from: LAN_IP, body: { code, deviceName: 'Counter 2 tablet' } });
    expect(paired.body).toMatchObject({ token: expect.any(String), role: 'cashier', device: { name: 'Counter 2 tablet' } });
    const device = paired.body.token as string;

    expect((await call('GET', '/api/v1/settings', { from: LAN_IP, token: device })).status).toBe(200);
    expect((await call('GET', '/api/v1/auth/session', { from: LAN_IP, token: device })).body).toMatchObject({ role: 'cashier', who: 'Counter 2 tablet' });
    expect((await call('PUT', '/api/v1/settings', { from: LAN_IP, token: device, body: { name: 'X' } })).status).toBe(403);
    // The code is used up.
    expect((await call('POST', '/api/v1/auth/pair', { from: LAN_IP, body: { code, deviceName: 'Another' } })).status).toBe(403);

    // A PIN unlock asked for from the device works from the LAN.
    const lanOwner = (await call('POST', '/api/v1/auth/pin', { from: LAN_IP, token: device, body: { pin: '2468' } })).body.token as string;
    expect((await call('PUT', '/api/v1/settings', { from: LAN_IP, token: lanOwner, body: { name: 'X' } })).status).toBe(200);

    // Unpairing stops the token.
    const list = await call('GET', '/api/v1/auth/devices', { token: owner });
    expect(list.body.devices).toEqual([{ id: expect.any(String), name: 'Counter 2 tablet', pairedAt: expect.any(String) }]);
    expect((await call('DELETE', `/api/v1/auth/devices/${list.body.devices[0].id}`, { token: owner })).status).toBe(200);
    expect((await call('GET', '/api/v1/settings', { from: LAN_IP, token: device })).status).toBe(401);
  });

  it('a loopback request addressed to another host name is refused (DNS rebinding)', async () => {
    await start();
    expect((await call('GET', '/health', { host: 'evil.example:4417' })).status).toBe(403);
    for (const host of ['127.0.0.1:4417', 'localhost:4417', '[::1]:4417', 'localhost']) expect((await call('GET', '/health', { host })).status).toBe(200);
  });

  it('recognizes loopback addresses', () => {
    for (const ip of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(ip)).toBe(true);
    for (const ip of ['192.168.1.2', '::ffff:10.0.0.1', 'fe80::1', '', undefined, '127.0.0.1.evil']) expect(isLoopback(ip)).toBe(false);
  });
});

describe('token store', () => {
  it('keeps paired devices across restarts, hashed, in a file only the user can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'galla-auth-'));
    dirs.push(dir);
    const a = createTokenStore(dir);
    const { code } = a.startPairing(1_000);
    const paired = a.pair(code, 'Phone', 2_000)!;
    const file = join(dir, 'paired-devices.json');
    expect(readFileSync(file, 'utf8')).not.toContain(paired.token);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const b = createTokenStore(dir);
    expect(b.ownerToken).toBe(a.ownerToken);
    expect(b.roleOf(paired.token, 3_000)).toEqual({ role: 'cashier', who: 'Phone', lan: true, expires: null });
  });

  it('a pairing code expires, and five wrong codes throw it away', () => {
    const t = createTokenStore(null);
    const { code } = t.startPairing(0);
    expect(t.pair(code, 'Late', PAIRING_CODE_MS + 1)).toBeNull();
    const fresh = t.startPairing(0).code;
    const wrong = fresh === '999999' ? '999998' : '999999';
    for (let i = 0; i < 5; i++) expect(t.pair(wrong, 'Guess', 1)).toBeNull();
    expect(t.pair(fresh, 'Right but too late', 1)).toBeNull();
  });
});
