// The bridge in browser mode: each command is POST /api/v1/rpc/:command with { input }, the source
// in x-galla-source and the owner's token (after a PIN unlock) as a bearer token. The owner's
// unlock goes through the auth API, which hands out the token; the screen never names its own role.
import type { GallaBridge, GallaEventName, GallaEvents, ScreenSource } from '../../common/bridge';
import { type CommandInput, type CommandName, type CommandResult, getCommandSpec } from '../../common/commands';
import type { AuthStatus, OwnerUnlock } from '../../common/commands/auth';
import type { AppErrorShape, Result } from '../../common/errors';

const TOKEN_KEY = 'galla.ownerToken';

interface StoredToken {
  token: string;
  expiresAt: string;
}

const offline: Result<never> = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'Galla’s services are not answering. The bill is kept; check that Galla is running and try again.' },
};

export function createHttpBridge(base = ''): GallaBridge {
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

  const headers = (source: ScreenSource): Record<string, string> => ({
    'content-type': 'application/json',
    'x-galla-source': source,
    ...(owner ? { authorization: `Bearer ${owner.token}` } : {}),
  });

  async function request(method: string, path: string, source: ScreenSource, body?: unknown): Promise<{ status: number; json: unknown } | null> {
    try {
      const res = await fetch(base + path, { method, headers: headers(source), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const json: unknown = await res.json().catch(() => null);
      // The owner's token ran out (or the services restarted): back to cashier.
      if (res.status === 401 && owner) setOwner(null);
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

  // Changes made elsewhere (another counter, voice, a job) arrive as server-sent events. Where the
  // stream is not allowed (a LAN device: EventSource cannot send a token), this screen's own
  // commands still raise events below.
  let streaming = false;
  if (typeof EventSource !== 'undefined') {
    const es = new EventSource(`${base}/api/v1/rpc/events`);
    es.addEventListener('open', () => (streaming = true));
    es.addEventListener('error', () => (streaming = false));
    es.addEventListener('command', (e) => {
      try {
        emit('command', JSON.parse((e as MessageEvent<string>).data) as GallaEvents['command']);
      } catch {
        // A malformed event is skipped; the next one refreshes the screen anyway.
      }
    });
  }

  return {
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
