// The bridge in browser mode: each command is POST /api/v1/rpc/:command with { input }, the source
// in x-galla-source and the owner's token (after a PIN unlock) as a bearer token. The owner's
// unlock goes through the auth API, which hands out the token; the screen never names its own role.
// On a LAN device the paired device's token (kept in localStorage, so it survives the browser) is
// sent when there is no owner token; the API's not-paired and LAN-off answers are reported through
// pairing.onAccess so the screen can ask for the pairing code instead. A browser cannot set a header
// on a WebSocket or an EventSource, so with a device token the voice socket offers it among its
// subprotocols and the events stream is opened with a single-use ticket bought with it.
import type { GallaBridge, GallaEventName, GallaEvents, ScreenSource } from '../../common/bridge';
import { type CommandInput, type CommandName, type CommandResult, getCommandSpec } from '../../common/commands';
import type { AuthStatus, OwnerUnlock } from '../../common/commands/auth';
import type { AppErrorShape, Result } from '../../common/errors';
import { WS_PROTOCOL, WS_TOKEN_PREFIX } from '../../common/voice-socket';

const TOKEN_KEY = 'galla.ownerToken';
const DEVICE_KEY = 'galla.deviceToken';
const EVENTS_URL = '/api/v1/rpc/events';
const STREAM_TICKET_URL = '/api/v1/auth/stream-ticket';
/** Before asking for a new ticket after the stream broke or a ticket could not be had. */
const EVENTS_RETRY_MS = 3_000;

/** ok; or this LAN device must pair first; or the owner has LAN access off. */
export type LanAccess = 'ok' | 'unpaired' | 'lanOff';

export interface PairedDeviceView {
  id: string;
  name: string;
  pairedAt: string;
}

/** Pairing over the auth API (browser mode only; Electron's window is on the counter itself). */
export interface PairingApi {
  /** Owner: a 6-digit code for a device, valid until expiresAt. */
  start(source: ScreenSource): Promise<Result<{ code: string; expiresAt: string }>>;
  /** Owner: whether LAN access is listening and the URLs a device opens. */
  lan(source: ScreenSource): Promise<Result<{ lanAccess: boolean; urls: string[] }>>;
  devices(source: ScreenSource): Promise<Result<PairedDeviceView[]>>;
  unpair(id: string, source: ScreenSource): Promise<Result<{ unpaired: string }>>;
  /** This device: the code from the counter and a name; keeps the token it gets. */
  pair(code: string, deviceName: string, source: ScreenSource): Promise<Result<{ device: PairedDeviceView }>>;
  /** Called now if access is already known to be refused, and on every change. */
  onAccess(listener: (access: LanAccess, message: string) => void): () => void;
}

export type HttpBridge = GallaBridge & {
  pairing: PairingApi;
  /** The subprotocols the voice socket offers: the device's token beside galla.v1 on a paired LAN device, else none. */
  voiceProtocols(): string[];
  /** A route that is not a command, with the bridge's token and its 401 and LAN handling; null when offline. */
  http(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; json: unknown } | null>;
};

interface StoredToken {
  token: string;
  expiresAt: string;
}

const offline: Result<never> = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'Galla’s services are not answering. The bill is kept; check that Galla is running and try again.' },
};

export function createHttpBridge(base = ''): HttpBridge {
  const listeners: { [E in GallaEventName]: Set<(p: GallaEvents[E]) => void> } = { command: new Set(), session: new Set() };
  const emit = <E extends GallaEventName>(event: E, payload: GallaEvents[E]) => {
    for (const l of listeners[event]) l(payload);
  };

  let owner: StoredToken | null = readStored();
  let expiryTimer: ReturnType<typeof setTimeout> | null = null;
  const setOwner = (next: StoredToken | null) => {
    owner = next;
    if (expiryTimer) clearTimeout(expiryTimer);
    expiryTimer = null;
    try {
      if (next) sessionStorage.setItem(TOKEN_KEY, JSON.stringify(next));
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Storage may be off (private mode): the token lives in memory only.
    }
    if (next) expiryTimer = setTimeout(() => setOwner(null), Math.max(0, Date.parse(next.expiresAt) - Date.now()));
    emit('session', next ? { role: 'owner', expiresAt: next.expiresAt } : { role: 'cashier', expiresAt: null });
  };
  if (owner) {
    const o = owner;
    expiryTimer = setTimeout(() => setOwner(null), Math.max(0, Date.parse(o.expiresAt) - Date.now()));
  }

  let device: string | null = readDevice();
  let access: { state: LanAccess; message: string } = { state: 'ok', message: '' };
  const accessListeners = new Set<(a: LanAccess, message: string) => void>();
  const setAccess = (state: LanAccess, message: string) => {
    if (access.state === state) return;
    access = { state, message };
    for (const l of accessListeners) l(state, message);
  };
  const setDevice = (token: string | null) => {
    const changed = token !== device;
    device = token;
    if (changed) openEvents();
    try {
      if (token) localStorage.setItem(DEVICE_KEY, token);
      else localStorage.removeItem(DEVICE_KEY);
    } catch {
      // Storage may be off: the device stays paired until the page is closed.
    }
  };

  const headers = (source: ScreenSource): Record<string, string> => {
    const token = owner?.token ?? device;
    return { 'x-galla-source': source, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  };

  async function request(method: string, path: string, source: ScreenSource, body?: unknown): Promise<{ status: number; json: unknown } | null> {
    try {
      // Content-Type only with a body: Fastify refuses an empty body declared as JSON (a DELETE's too).
      const res = await fetch(base + path, { method, headers: body === undefined ? headers(source) : { 'content-type': 'application/json', ...headers(source) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const json: unknown = await res.json().catch(() => null);
      // The owner's token ran out (or the services restarted): back to cashier.
      if (res.status === 401 && owner) setOwner(null);
      const reason = guardReason(json);
      if (reason === 'not-paired') {
        // This LAN device is not (or no longer) paired.
        if (device) setDevice(null);
        setAccess('unpaired', guardMessage(json));
      } else if (reason === 'lan-off') setAccess('lanOff', guardMessage(json));
      return { status: res.status, json };
    } catch {
      return null;
    }
  }

  const apiError = (r: { status: number; json: unknown }): AppErrorShape => {
    const j = (r.json ?? {}) as { error?: string; code?: AppErrorShape['code']; field?: string };
    return { code: j.code ?? (r.status === 403 ? 'FORBIDDEN' : 'INTERNAL'), message: j.error ?? 'Something went wrong; nothing was saved.', ...(j.field ? { field: j.field } : {}) };
  };

  async function rpc(name: string, input: unknown, source: ScreenSource): Promise<Result<unknown>> {
    const r = await request('POST', `/api/v1/rpc/${encodeURIComponent(name)}`, source, { input });
    if (!r) return offline;
    if (r.json && typeof r.json === 'object' && 'ok' in r.json) return r.json as Result<unknown>;
    return { ok: false, error: apiError(r) };
  }

  async function unlock(input: unknown, source: ScreenSource): Promise<Result<OwnerUnlock>> {
    const r = await request('POST', '/api/v1/auth/pin', source, input);
    if (!r) return offline;
    if (r.status !== 200) return { ok: false, error: apiError(r) };
    const j = r.json as { token: string; expiresAt: string };
    setOwner({ token: j.token, expiresAt: j.expiresAt });
    return { ok: true, value: { role: 'owner', expiresAt: j.expiresAt } };
  }

  async function lock(source: ScreenSource): Promise<Result<{ role: 'cashier' }>> {
    if (owner) await request('DELETE', '/api/v1/auth/session', source);
    setOwner(null);
    return { ok: true, value: { role: 'cashier' } };
  }

  async function status(source: ScreenSource): Promise<Result<AuthStatus>> {
    const had = owner;
    const r = await request('GET', '/api/v1/auth/session', source);
    if (!r) return offline;
    if (r.status === 401 && had) return status(source);
    if (r.status !== 200) return { ok: false, error: apiError(r) };
    const j = r.json as { role: AuthStatus['role']; expiresAt: string | null; pinSet: boolean; lockedUntil: string | null };
    return { ok: true, value: { role: j.role, expiresAt: j.expiresAt, pinSet: j.pinSet, lockedUntil: j.lockedUntil } };
  }

  // Changes made elsewhere (another counter, voice, a job) arrive as server-sent events. A paired LAN
  // device opens the stream with a ticket (valid 60 s, spent on one connection), so when its stream
  // breaks it asks for a new ticket rather than let EventSource retry with the spent one. While
  // there is no stream (an unpaired device, the services restarting), this screen's own commands
  // still raise events below.
  let streaming = false;
  let events: EventSource | null = null;
  let eventsRetry: ReturnType<typeof setTimeout> | null = null;
  let eventsGeneration = 0;
  function openEvents(): void {
    if (typeof EventSource === 'undefined') return;
    const generation = ++eventsGeneration;
    if (eventsRetry) clearTimeout(eventsRetry);
    eventsRetry = null;
    events?.close();
    events = null;
    streaming = false;
    const retry = () => {
      if (generation === eventsGeneration) eventsRetry = setTimeout(openEvents, EVENTS_RETRY_MS);
    };
    const listen = (query: string, ticketed: boolean) => {
      if (generation !== eventsGeneration) return;
      const es = new EventSource(`${base}${EVENTS_URL}${query}`);
      events = es;
      es.addEventListener('open', () => (streaming = true));
      es.addEventListener('error', () => {
        streaming = false;
        if (!ticketed || events !== es) return;
        es.close();
        events = null;
        retry();
      });
      es.addEventListener('command', (e) => {
        try {
          emit('command', JSON.parse((e as MessageEvent<string>).data) as GallaEvents['command']);
        } catch {
          // A malformed event is skipped; the next one refreshes the screen anyway.
        }
      });
    };
    if (!device) return listen('', false);
    // No command runs here; the source is the screen's, as on every request.
    void request('POST', STREAM_TICKET_URL, 'keyboard').then((r) => {
      const ticket = r?.status === 200 ? (r.json as { ticket?: unknown } | null)?.ticket : undefined;
      if (typeof ticket === 'string') listen(`?ticket=${encodeURIComponent(ticket)}`, true);
      // Not answering: try again. Not paired any more: request() has told the screen, and pairing opens the stream anew.
      else if (device) retry();
    });
  }
  openEvents();

  const ownerCall = async <T>(method: string, path: string, source: ScreenSource, pick: (j: unknown) => T): Promise<Result<T>> => {
    const r = await request(method, path, source);
    if (!r) return offline;
    return r.status === 200 ? { ok: true, value: pick(r.json) } : { ok: false, error: apiError(r) };
  };

  const pairing: PairingApi = {
    start: (source) => ownerCall('POST', '/api/v1/auth/pair/start', source, (j) => j as { code: string; expiresAt: string }),
    lan: (source) => ownerCall('GET', '/api/v1/auth/lan', source, (j) => j as { lanAccess: boolean; urls: string[] }),
    devices: (source) => ownerCall('GET', '/api/v1/auth/devices', source, (j) => (j as { devices: PairedDeviceView[] }).devices),
    unpair: (id, source) => ownerCall('DELETE', `/api/v1/auth/devices/${encodeURIComponent(id)}`, source, (j) => j as { unpaired: string }),
    async pair(code, deviceName, source) {
      const r = await request('POST', '/api/v1/auth/pair', source, { code, deviceName });
      if (!r) return offline;
      if (r.status !== 200) return { ok: false, error: apiError(r) };
      const j = r.json as { token: string; device: PairedDeviceView };
      setDevice(j.token);
      setAccess('ok', '');
      return { ok: true, value: { device: j.device } };
    },
    onAccess(listener) {
      accessListeners.add(listener);
      if (access.state !== 'ok') listener(access.state, access.message);
      return () => {
        accessListeners.delete(listener);
      };
    },
  };

  return {
    pairing,
    voiceProtocols: () => (device ? [WS_PROTOCOL, WS_TOKEN_PREFIX + device] : []),
    http: (method, path, body) => request(method, path, 'touch', body),
    async invoke<N extends CommandName>(name: N, input: CommandInput<N>, source: ScreenSource): Promise<Result<CommandResult<N>>> {
      let result: Result<unknown>;
      if (name === 'owner-unlock') result = await unlock(input, source);
      else if (name === 'owner-lock') result = await lock(source);
      else if (name === 'auth-status') result = await status(source);
      else result = await rpc(name, input, source);
      if (!streaming) emit('command', { name, ok: result.ok, mutates: getCommandSpec(name)?.mutates ?? false });
      return result as Result<CommandResult<N>>;
    },
    on(event, listener) {
      const set = listeners[event] as Set<typeof listener>;
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}

/** The LAN guard's refusals name their reason (main/api/routes/auth.ts). */
function guardReason(json: unknown): string | null {
  const r = (json as { reason?: unknown } | null)?.reason;
  return typeof r === 'string' ? r : null;
}

function guardMessage(json: unknown): string {
  const e = (json as { error?: unknown } | null)?.error;
  return typeof e === 'string' ? e : '';
}

function readDevice(): string | null {
  try {
    return localStorage.getItem(DEVICE_KEY);
  } catch {
    return null;
  }
}

function readStored(): StoredToken | null {
  try {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    if (!raw) return null;
    const t = JSON.parse(raw) as StoredToken;
    return typeof t.token === 'string' && Date.parse(t.expiresAt) > Date.now() ? t : null;
  } catch {
    return null;
  }
}
