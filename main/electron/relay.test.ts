// The relay against the real services: a fake utilityProcess whose other end is serveOverPort over a
// fake parentPort, speaking the same messages a real one carries (structured clone included).
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../common/actor';
import { createServices, type Services } from '../services';
import { fixedClock } from '../commands/context';
import { connectServices, CALL_TIMEOUT_MS, STOP_TIMEOUT_MS, type ServicesChild } from './relay';
import { parseServicesArgs, serveOverPort } from './services-port';

vi.mock('electron', () => ({}));

const cashier: Actor = { role: 'cashier', source: 'keyboard', who: 'cashier' };
const owner: Actor = { role: 'owner', source: 'touch', who: 'owner' };

/** Main's view of the child: postMessage goes to the port, the port's postMessage comes back as 'message'. */
class FakeChild extends EventEmitter implements ServicesChild {
  readonly port = new EventEmitter();
  sent: unknown[] = [];
  killed = false;
  connected = true;
  constructor() {
    super();
    this.port.setMaxListeners(50);
  }
  postMessage(message: unknown) {
    this.sent.push(message);
    if (this.connected) this.port.emit('message', { data: structuredClone(message) });
  }
  kill() {
    this.killed = true;
    this.emit('exit', 143);
    return true;
  }
  parentPort() {
    return {
      on: (_e: 'message', l: (e: { data: unknown }) => void) => this.port.on('message', l),
      postMessage: (m: unknown) => this.emit('message', structuredClone(m)),
    };
  }
}

let s: Services | null = null;
afterEach(() => {
  s?.close();
  s = null;
  vi.useRealTimers();
});

function wired() {
  s = createServices({ dataDir: null, clock: fixedClock('2026-03-10T05:30:00.000Z') });
  const child = new FakeChild();
  const stop = vi.fn(async () => {});
  serveOverPort(child.parentPort(), s.dispatcher, stop);
  const client = connectServices(child);
  return { child, client, stop, services: s };
}

describe('utilityProcess relay', () => {
  it('carries { id, name, input, actor } to the dispatcher and its Result back', async () => {
    const { client, child } = wired();
    expect(await client.call('settings-get', {}, cashier)).toMatchObject({ ok: true, value: { name: 'Meri Dukaan' } });
    expect(child.sent[0]).toEqual({ type: 'call', id: 1, name: 'settings-get', input: {}, actor: cashier });
    expect(await client.call('settings-update', { name: 'Sharma Kirana' }, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await client.call('settings-update', { name: 'Sharma Kirana' }, owner)).toMatchObject({ ok: true, value: { name: 'Sharma Kirana' } });
  });

  it('answers concurrent calls by id', async () => {
    const { client } = wired();
    const [a, b] = await Promise.all([client.call('settings-get', {}, cashier), client.call('auth-status', {}, owner)]);
    expect(a).toMatchObject({ ok: true, value: { billPrefix: 'GA' } });
    expect(b).toMatchObject({ ok: true, value: { role: 'owner' } });
  });

  it('forwards an event after each change, for screens to refetch', async () => {
    const { client } = wired();
    const events: unknown[] = [];
    client.onEvent((e) => events.push(e));
    await client.call('settings-get', {}, cashier);
    await client.call('settings-update', { name: 'X' }, owner);
    expect(events).toEqual([{ type: 'event', event: 'command', payload: { name: 'settings-update', ok: true, mutates: true } }]);
  });

  it('the services drop calls that are not ours', async () => {
    const { child } = wired();
    const replies: unknown[] = [];
    child.on('message', (m) => replies.push(m));
    child.port.emit('message', { data: { type: 'call', id: 9, name: 'no-such-command', input: {}, actor: owner } });
    child.port.emit('message', { data: 'hello' });
    expect(replies).toEqual([]);
  });

  it('ends pending calls with UNAVAILABLE when the process dies, and tells who is listening', async () => {
    const { client, child } = wired();
    const exits: number[] = [];
    client.onExit((c) => exits.push(c));
    child.connected = false;
    const pending = client.call('settings-get', {}, cashier);
    child.emit('exit', 1);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await client.call('settings-get', {}, cashier)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(exits).toEqual([1]);
  });

  it('a call with no answer ends with UNAVAILABLE after the timeout instead of hanging', async () => {
    vi.useFakeTimers();
    const { client, child } = wired();
    child.connected = false;
    const pending = client.call('settings-get', {}, cashier);
    vi.advanceTimersByTime(CALL_TIMEOUT_MS);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/no answer/) } });
  });

  it('ready resolves with the URL, or rejects with the services’ own message', async () => {
    const { client, child } = wired();
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:4417', dbFile: '/shop/galla.db' });
    await expect(client.ready).resolves.toEqual({ url: 'http://127.0.0.1:4417', dbFile: '/shop/galla.db' });
    const other = connectServices(new FakeChild());
    const c2 = new FakeChild();
    const failing = connectServices(c2);
    c2.emit('message', { type: 'fatal', message: 'Another Galla is using the port' });
    await expect(failing.ready).rejects.toThrow('Another Galla is using the port');
    void other;
  });

  it('stop asks the services to close, and kills them if they do not answer', async () => {
    const { client, stop } = wired();
    await client.stop();
    expect(stop).toHaveBeenCalled();

    vi.useFakeTimers();
    const mute = new FakeChild();
    mute.connected = false;
    const exits: number[] = [];
    const c = connectServices(mute);
    c.onExit((code) => exits.push(code));
    const done = c.stop();
    vi.advanceTimersByTime(STOP_TIMEOUT_MS);
    await done;
    expect(mute.killed).toBe(true);
    expect(exits).toEqual([]); // a stop we asked for is not a crash
  });
});

describe('services arguments', () => {
  it('take npm run serve’s options and defaults', () => {
    expect(parseServicesArgs(['--data-dir', '/shop', '--port', '5000', '--demo'])).toEqual({ dataDir: '/shop', port: 5000, host: '127.0.0.1', hostGiven: false, demo: true });
    expect(parseServicesArgs(['--host=0.0.0.0'])).toMatchObject({ host: '0.0.0.0', hostGiven: true });
    expect(parseServicesArgs([], { GALLA_DATA_DIR: '/d' })).toEqual({ dataDir: '/d', port: 4417, host: '127.0.0.1', hostGiven: false, demo: false });
    expect(() => parseServicesArgs(['--port', 'x'])).toThrow(/--port/);
  });
});
