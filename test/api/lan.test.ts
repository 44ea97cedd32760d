// LAN access over real sockets: the owner turns it on in Settings and a device on this machine's own
// LAN address (not loopback) reaches the API at once, through the guard, with no restart; turned off,
// the port closes. A paired device's browser, which cannot set a header on a WebSocket or an
// EventSource, reaches voice with its token among the socket's subprotocols and the events stream
// with a single-use ticket. Skipped on a machine with no non-internal IPv4 address to connect to.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { lanAddresses } from '../../main/api/lan-listener';
import { startServer, type Running } from '../../main/server-main';

const lanIp = lanAddresses()[0];
let running: Running | null = null;
let dataDir = '';

afterEach(async () => {
  vi.useRealTimers();
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

/** Opens /ws with these subprotocols: the first server message and the protocol agreed, or the HTTP status it was refused with. */
function openVoice(url: string, protocols: string[], headers: Record<string, string> = {}): Promise<{ status: 101; protocol: string; first: { type: string; data: Record<string, unknown> } } | { status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { headers });
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('message', (raw: Buffer) => {
      resolve({ status: 101, protocol: ws.protocol, first: JSON.parse(raw.toString('utf8')) as { type: string; data: Record<string, unknown> } });
      ws.close();
    });
    ws.once('error', (e) => reject(e));
  });
}

/** Opens the events stream: its status, and (when it is 200) the text up to the first event that `until` matches. */
async function openEvents(url: string, until: RegExp | null, whileOpen: () => void = () => undefined): Promise<{ status: number; text: string; body: Record<string, unknown> | null }> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal, headers: { connection: 'close' } });
  if (res.status !== 200) return { status: res.status, text: '', body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
  const reader = res.body!.getReader();
  let text = '';
  const decoder = new TextDecoder();
  let poked = false;
  while (until && !until.test(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (!poked && text.includes(': connected')) {
      poked = true;
      whileOpen();
    }
  }
  abort.abort();
  await reader.cancel().catch(() => undefined);
  return { status: 200, text, body: null };
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

  it('a paired device opens voice with its token as a subprotocol and the events stream with a single-use ticket; without them both are refused', { timeout: 90_000 }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'galla-lan-'));
    running = await startServer({ dataDir, port: 0, host: '127.0.0.1', lanPort: 0, demo: false, scheduler: false });
    const local = running.url;
    const owner = running.api.tokens.ownerToken;
    expect((await call(local, 'PUT', '/api/v1/settings', { token: owner, body: { lanAccess: true } })).status).toBe(200);
    await running.lan?.settled();
    const lanUrl = `http://${lanIp}:${running.lan?.port()}`;
    const { code } = (await call(local, 'POST', '/api/v1/auth/pair/start', { token: owner })).body as { code: string };
    const device = (await call(lanUrl, 'POST', '/api/v1/auth/pair', { body: { code, deviceName: 'Tablet' } })).body.token as string;
    expect(device).toMatch(/.{20,}/);
    const wsUrl = `${lanUrl.replace('http', 'ws')}/ws?counter=tablet`;

    // Voice: refused with no token, with a wrong one, and with the owner's local token (not for the LAN).
    expect(await openVoice(wsUrl, [])).toEqual({ status: 401 });
    expect(await openVoice(wsUrl, ['galla.v1'])).toEqual({ status: 401 });
    expect(await openVoice(wsUrl, ['galla.v1', 'galla-token.not-a-token'])).toEqual({ status: 401 });
    expect(await openVoice(wsUrl, ['galla.v1', `galla-token.${owner}`])).toEqual({ status: 401 });
    // With the device's token beside galla.v1: voice:start, and the server agrees to galla.v1 only (never echoing the token).
    const voice = await openVoice(wsUrl, ['galla.v1', `galla-token.${device}`]);
    expect(voice).toMatchObject({ status: 101, protocol: 'galla.v1', first: { type: 'voice:start', data: { sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/) } } });
    // The bearer header still works for clients that can send one.
    expect(await openVoice(wsUrl, [], { authorization: `Bearer ${device}` })).toMatchObject({ status: 101, first: { type: 'voice:start' } });
    // The subprotocol carries the token to /ws only: elsewhere the header means nothing.
    const elsewhere = await fetch(`${lanUrl}/api/v1/settings`, { headers: { 'sec-websocket-protocol': `galla.v1, galla-token.${device}`, connection: 'close' } });
    expect(elsewhere.status).toBe(401);

    // Events: refused with no ticket and with a made-up one.
    const events = `${lanUrl}/api/v1/rpc/events`;
    expect(await openEvents(events, null)).toMatchObject({ status: 401, body: { reason: 'not-paired' } });
    expect(await openEvents(`${events}?ticket=made-up`, null)).toMatchObject({ status: 401, body: { reason: 'bad-ticket' } });
    // A ticket needs the device's token, and is not a token itself anywhere else.
    expect((await call(lanUrl, 'POST', '/api/v1/auth/stream-ticket')).status).toBe(401);
    const issued = await call(lanUrl, 'POST', '/api/v1/auth/stream-ticket', { token: device });
    expect(issued).toMatchObject({ status: 200, body: { ticket: expect.stringMatching(/.{20,}/), expiresAt: expect.any(String) } });
    const ticket = issued.body.ticket as string;
    expect(Date.parse(issued.body.expiresAt as string) - Date.now()).toBeLessThanOrEqual(60_000);
    expect((await call(lanUrl, 'GET', `/api/v1/settings?ticket=${ticket}`)).status).toBe(401);
    // With the ticket: the stream, and a command run at the counter arrives on it.
    const stream = await openEvents(`${events}?ticket=${ticket}`, /event: command\ndata: .*settings-update/, () => {
      running!.services.dispatcher.dispatch('settings-update', { address: 'Gandhi Chowk' }, { role: 'owner', source: 'api', who: 'test' });
    });
    expect(stream.status).toBe(200);
    expect(stream.text).toMatch(/event: command\ndata: \{"name":"settings-update","ok":true,"mutates":true\}/);
    // Used once: refused the second time.
    expect(await openEvents(`${events}?ticket=${ticket}`, null)).toMatchObject({ status: 401, body: { reason: 'bad-ticket' } });
    // A ticket bought with the owner's local token does not open the stream from the LAN.
    const ownerTicket = (await call(local, 'POST', '/api/v1/auth/stream-ticket', { token: owner })).body.ticket as string;
    expect(await openEvents(`${events}?ticket=${ownerTicket}`, null)).toMatchObject({ status: 401 });
    // Expired: unused for more than 60 s.
    const late = (await call(lanUrl, 'POST', '/api/v1/auth/stream-ticket', { token: device })).body.ticket as string;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await openEvents(`${events}?ticket=${late}`, null)).toMatchObject({ status: 401, body: { reason: 'bad-ticket' } });
    vi.useRealTimers();
    // Unpaired: its tickets stop working with its token.
    const beforeUnpair = (await call(lanUrl, 'POST', '/api/v1/auth/stream-ticket', { token: device })).body.ticket as string;
    const [tablet] = running.api.tokens.devices();
    expect((await call(local, 'DELETE', `/api/v1/auth/devices/${tablet!.id}`, { token: owner })).status).toBe(200);
    expect(await openEvents(`${events}?ticket=${beforeUnpair}`, null)).toMatchObject({ status: 401 });
    expect(await openVoice(wsUrl, ['galla.v1', `galla-token.${device}`])).toEqual({ status: 401 });
  });
});
