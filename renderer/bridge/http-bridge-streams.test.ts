// The HTTP bridge's events stream and voice subprotocols on a paired LAN device: the stream opens with
// a single-use ticket bought with the device's token, and a broken stream asks for a new ticket
// instead of letting EventSource retry with the spent one. The counter itself streams as before.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge } from './http-bridge';

class FakeEventSource {
  static all: FakeEventSource[] = [];
  closed = false;
  private readonly handlers = new Map<string, ((e: { data?: string }) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(type: string, fn: (e: { data?: string }) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), fn]);
  }
  close() {
    this.closed = true;
  }
  fire(type: string, data?: string) {
    for (const fn of this.handlers.get(type) ?? []) fn({ data });
  }
}

function storage(entries: [string, string][]) {
  const store = new Map(entries);
  vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) });
  return store;
}

function ticketServer() {
  const asked: (string | undefined)[] = [];
  let n = 0;
  vi.stubGlobal('fetch', async (url: string, init: { method: string; headers: Record<string, string> }) => {
    if (url === '/api/v1/auth/stream-ticket' && init.method === 'POST') {
      asked.push(init.headers.authorization);
      return { status: 200, json: async () => ({ ticket: `T${++n}`, expiresAt: new Date(Date.now() + 60_000).toISOString() }) };
    }
    return { status: 200, json: async () => ({ ok: true, value: {} }) };
  });
  return asked;
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  FakeEventSource.all = [];
});

describe('the HTTP bridge’s streams', () => {
  it('on the counter (no device token): the stream without a ticket, and voice offers no subprotocols', () => {
    storage([]);
    const asked = ticketServer();
    vi.stubGlobal('EventSource', FakeEventSource);
    const bridge = createHttpBridge('');
    expect(FakeEventSource.all.map((e) => e.url)).toEqual(['/api/v1/rpc/events']);
    expect(asked).toEqual([]);
    expect(bridge.voiceProtocols()).toEqual([]);
  });

  it('on a paired device: a ticket per connection, bought with the token; events arrive; voice offers the token beside galla.v1', async () => {
    vi.useFakeTimers();
    storage([['galla.deviceToken', 'DEV']]);
    const asked = ticketServer();
    vi.stubGlobal('EventSource', FakeEventSource);
    const bridge = createHttpBridge('');
    expect(bridge.voiceProtocols()).toEqual(['galla.v1', 'galla-token.DEV']);
    const seen: unknown[] = [];
    bridge.on('command', (e) => seen.push(e));
    await settle();
    expect(asked).toEqual(['Bearer DEV']);
    expect(FakeEventSource.all.map((e) => e.url)).toEqual(['/api/v1/rpc/events?ticket=T1']);
    const first = FakeEventSource.all[0]!;
    first.fire('open');
    first.fire('command', JSON.stringify({ name: 'customer-create', ok: true, mutates: true }));
    expect(seen).toEqual([{ name: 'customer-create', ok: true, mutates: true }]);

    // The stream breaks: the spent ticket is not retried; after a pause a new one is bought.
    first.fire('error');
    expect(first.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(3_000);
    await settle();
    expect(asked).toEqual(['Bearer DEV', 'Bearer DEV']);
    expect(FakeEventSource.all.map((e) => e.url)).toEqual(['/api/v1/rpc/events?ticket=T1', '/api/v1/rpc/events?ticket=T2']);
  });
});
