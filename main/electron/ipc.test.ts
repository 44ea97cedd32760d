import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../common/actor';
import type { Result } from '../../common/errors';

vi.mock('electron', () => ({}));
const { createInvokeHandler, isTrustedSender, parseInvoke, registerIpc, sendEvent } = await import('./ipc');
const { createOwnerSession } = await import('./session');

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
const screen = frame('app://galla/index.html');

function setup(reply: (name: string, input: unknown, actor: Actor) => Result<unknown> = () => ({ ok: true, value: 'done' })) {
  let t = Date.parse('2026-03-10T05:30:00.000Z');
  const timers: { fn: () => void; at: number }[] = [];
  const changes: unknown[] = [];
  const session = createOwnerSession({
    now: () => t,
    timers: { set: (fn, ms) => timers.push({ fn, at: t + ms }), clear: () => {} },
    onChange: (s) => changes.push(s),
  });
  const call = vi.fn(async (name: string, input: unknown, actor: Actor) => reply(name, input, actor));
  const handler = createInvokeHandler({ services: { call }, session });
  const advance = (ms: number) => {
    t += ms;
    for (const x of timers.splice(0)) if (x.at <= t) x.fn();
  };
  return { handler, call, session, changes, advance };
}

describe('IPC sender check', () => {
  it('accepts only our channel prefix from a main frame on app://galla', () => {
    expect(isTrustedSender('galla:invoke', screen)).toBe(true);
    expect(isTrustedSender('other:invoke', screen)).toBe(false);
    expect(isTrustedSender('galla:invoke', frame('https://evil.example/'))).toBe(false);
    expect(isTrustedSender('galla:invoke', frame('app://evil/index.html'))).toBe(false);
    expect(isTrustedSender('galla:invoke', frame('app://galla.evil/index.html'))).toBe(false);
    expect(isTrustedSender('galla:invoke', frame('file:///app/index.html'))).toBe(false);
    expect(isTrustedSender('galla:invoke', frame('app://galla/index.html', { url: 'app://galla/' }))).toBe(false);
    expect(isTrustedSender('galla:invoke', { senderFrame: null })).toBe(false);
  });

  it('refuses a foreign sender before reading its payload', async () => {
    const { handler, call } = setup();
    const payload = { get name() { throw new Error('payload was read'); } };
    expect(await handler(frame('https://evil.example/'), payload)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/own screen/) } });
    expect(call).not.toHaveBeenCalled();
  });
});

describe('IPC payload', () => {
  it('needs a known command and a screen source', () => {
    expect(parseInvoke({ name: 'settings-get', input: {}, source: 'scanner' })).toEqual({ ok: true, name: 'settings-get', input: {}, source: 'scanner' });
    expect(parseInvoke({ name: 'drop-tables', input: {}, source: 'keyboard' })).toMatchObject({ ok: false, result: { error: { code: 'NOT_FOUND' } } });
    expect(parseInvoke({ name: 'toString', source: 'keyboard' })).toMatchObject({ ok: false, result: { error: { code: 'NOT_FOUND' } } });
    for (const source of ['api', 'job', undefined, 'owner']) {
      expect(parseInvoke({ name: 'settings-get', input: {}, source })).toMatchObject({ ok: false, result: { error: { code: 'VALIDATION', field: 'source' } } });
    }
    expect(parseInvoke(null)).toMatchObject({ ok: false });
  });

  it('relays with the source the screen named and the role main decides, whatever the payload claims', async () => {
    const { handler, call } = setup();
    const r = await handler(screen, { name: 'settings-update', input: { name: 'X' }, source: 'voice', actor: { role: 'owner' }, role: 'owner' });
    expect(r).toEqual({ ok: true, value: 'done' });
    expect(call).toHaveBeenCalledWith('settings-update', { name: 'X' }, { role: 'cashier', source: 'voice', who: 'cashier' });
  });
});

describe('owner session in main', () => {
  const services = (name: string): Result<unknown> =>
    name === 'owner-unlock'
      ? { ok: true, value: { role: 'owner', expiresAt: 'ignored' } }
      : name === 'auth-status'
        ? { ok: true, value: { pinSet: true, lockedUntil: null, role: 'cashier', expiresAt: null } }
        : { ok: true, value: null };

  it('an accepted PIN makes later calls owner for 10 minutes, then cashier again, with events', async () => {
    const { handler, call, changes, advance } = setup(services);
    const unlock = await handler(screen, { name: 'owner-unlock', input: { pin: '2468' }, source: 'touch' });
    expect(unlock).toEqual({ ok: true, value: { role: 'owner', expiresAt: '2026-03-10T05:40:00.000Z' } });
    await handler(screen, { name: 'settings-update', input: {}, source: 'keyboard' });
    expect(call.mock.lastCall![2]).toEqual({ role: 'owner', source: 'keyboard', who: 'owner' });
    expect(await handler(screen, { name: 'auth-status', input: {}, source: 'keyboard' })).toMatchObject({ ok: true, value: { role: 'owner', expiresAt: '2026-03-10T05:40:00.000Z' } });

    advance(10 * 60_000);
    await handler(screen, { name: 'settings-update', input: {}, source: 'keyboard' });
    expect(call.mock.lastCall![2]).toMatchObject({ role: 'cashier' });
    expect(changes).toEqual([{ role: 'owner', expiresAt: '2026-03-10T05:40:00.000Z' }, { role: 'cashier', expiresAt: null }]);
  });

  it('a wrong PIN changes nothing; owner-lock ends the unlock at once', async () => {
    const { handler, call, session } = setup((name) => (name === 'owner-unlock' ? { ok: false, error: { code: 'FORBIDDEN', message: 'Wrong PIN' } } : services(name)));
    await handler(screen, { name: 'owner-unlock', input: { pin: '0000' }, source: 'touch' });
    expect(session.state()).toEqual({ role: 'cashier', expiresAt: null });

    const ok = setup(services);
    await ok.handler(screen, { name: 'owner-unlock', input: { pin: '2468' }, source: 'touch' });
    await ok.handler(screen, { name: 'owner-lock', input: {}, source: 'touch' });
    await ok.handler(screen, { name: 'settings-get', input: {}, source: 'touch' });
    expect(ok.call.mock.lastCall![2]).toMatchObject({ role: 'cashier' });
    void call;
  });
});

describe('IPC wiring', () => {
  it('registers only the invoke channel, and sends events only to a window showing our screen', async () => {
    const ipcMain = { handle: vi.fn() };
    const { handler } = setup();
    registerIpc(ipcMain, handler);
    expect(ipcMain.handle.mock.calls.map((c) => c[0])).toEqual(['galla:invoke']);
    const listener = ipcMain.handle.mock.calls[0]![1] as (e: unknown, p: unknown) => Promise<unknown>;
    expect(await listener(frame('https://evil.example/'), { name: 'settings-get', source: 'touch' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const contents = { url: 'app://galla/index.html', getURL() { return this.url; }, isDestroyed: () => false, send: vi.fn() };
    sendEvent(contents, { event: 'session', payload: { role: 'cashier', expiresAt: null } });
    contents.url = 'https://evil.example/';
    sendEvent(contents, { event: 'session', payload: { role: 'cashier', expiresAt: null } });
    expect(contents.send.mock.calls).toEqual([['galla:event', { event: 'session', payload: { role: 'cashier', expiresAt: null } }]]);
  });
});
