// LAN access over real sockets: the owner turns it on in Settings and a device on this machine's own
// LAN address (not loopback) reaches the API at once, through the guard, with no restart; turned off,
// the port closes. Skipped on a machine with no non-internal IPv4 address to connect to.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lanAddresses } from '../../main/api/lan-listener';
import { startServer, type Running } from '../../main/server-main';

const lanIp = lanAddresses()[0];
let running: Running | null = null;
let dataDir = '';

afterEach(async () => {
  await running?.stop();
  running = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function call(base: string, method: string, path: string, o: { token?: string; body?: unknown } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), connection: 'close' },
    ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
}

describe.skipIf(!lanIp)(`LAN access on ${lanIp ?? '(no LAN address)'}`, () => {
  it('opens when the owner turns it on, passes the guard with the real address, and closes when turned off', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'galla-lan-'));
    running = await startServer({ dataDir, port: 0, host: '127.0.0.1', lanPort: 0, demo: false, scheduler: false });
    const local = running.url;
    const owner = running.api.tokens.ownerToken;
    // Off by default: nothing listens beyond loopback, and the API says so.
    expect(running.lan?.port()).toBeNull();
    expect((await call(local, 'GET', '/api/v1/auth/lan', { token: owner })).body).toEqual({ lanAccess: false, urls: [] });
    // The main port itself is on loopback only.
    await expect(fetch(`http://${lanIp}:${new URL(local).port}/health`)).rejects.toThrow();

    expect((await call(local, 'PUT', '/api/v1/settings', { token: owner, body: { lanAccess: true } })).status).toBe(200);
    const lan = await call(local, 'GET', '/api/v1/auth/lan', { token: owner });
    const lanUrl = `http://${lanIp}:${running.lan?.port()}`;
    expect(lan.body).toMatchObject({ lanAccess: true, urls: expect.arrayContaining([lanUrl]) });

    // From the LAN address the guard sees a LAN caller: unpaired is refused, the owner's local token too.
    expect(await call(lanUrl, 'GET', '/api/v1/settings')).toMatchObject({ status: 401, body: { error: expect.stringMatching(/not paired/) } });
    expect((await call(lanUrl, 'GET', '/api/v1/settings', { token: owner })).status).toBe(401);
    // Pairing: the code from the counter, sent from the device.
    const { code } = (await call(local, 'POST', '/api/v1/auth/pair/start', { token: owner })).body as { code: string };
    const paired = await call(lanUrl, 'POST', '/api/v1/auth/pair', { body: { code, deviceName: 'Tablet' } });
    expect(paired.status).toBe(200);
    const device = paired.body.token as string;
    expect(await call(lanUrl, 'GET', '/api/v1/auth/session', { token: device })).toMatchObject({ status: 200, body: { role: 'cashier', who: 'Tablet' } });

    // Off: the LAN port stops answering at once.
    expect((await call(local, 'PUT', '/api/v1/settings', { token: owner, body: { lanAccess: false } })).status).toBe(200);
    expect((await call(local, 'GET', '/api/v1/auth/lan', { token: owner })).body).toEqual({ lanAccess: false, urls: [] });
    expect(running.lan?.port()).toBeNull();
    await expect(fetch(`${lanUrl}/api/v1/auth/session`, { headers: { authorization: `Bearer ${device}` } })).rejects.toThrow();
    // The counter itself carries on.
    expect((await call(local, 'GET', '/health')).status).toBe(200);

    // On again (a new port, as this test asked for any free one): the paired device still works.
    expect((await call(local, 'PUT', '/api/v1/settings', { token: owner, body: { lanAccess: true } })).status).toBe(200);
    await running.lan?.settled();
    const again = `http://${lanIp}:${running.lan?.port()}`;
    expect((await call(again, 'GET', '/api/v1/settings', { token: device })).status).toBe(200);
  });

  it('opens at start when LAN access was left on', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'galla-lan-'));
    const first = await startServer({ dataDir, port: 0, host: '127.0.0.1', lanPort: 0, demo: false, scheduler: false });
    first.services.dispatcher.dispatch('settings-update', { lanAccess: true }, { role: 'owner', source: 'api', who: 'test' });
    await first.stop();
    running = await startServer({ dataDir, port: 0, host: '127.0.0.1', lanPort: 0, demo: false, scheduler: false });
    const port = running.lan?.port();
    expect(port).toBeGreaterThan(0);
    expect((await call(`http://${lanIp}:${port}`, 'GET', '/api/v1/settings')).status).toBe(401);
  });
});
