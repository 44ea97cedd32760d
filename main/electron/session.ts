// The owner's unlock, kept by Electron's main process: the screen never says its own role. An
// owner-unlock the services accepted starts it; owner-lock or the clock ends it.
import type { Actor, Role } from '../../common/actor';
import { type AuthStatus, OWNER_UNLOCK_MS } from '../../common/commands/auth';
import type { CommandName } from '../../common/commands';
import type { GallaEvents, ScreenSource } from '../../common/bridge';
import type { Result } from '../../common/errors';
import type { RelayTimers } from './relay';

export interface OwnerSession {
  actorFor(source: ScreenSource): Actor;
  /** Sees every result on its way back to the screen; starts or ends the unlock, fills in auth-status. */
  observe(name: CommandName, result: Result<unknown>): Result<unknown>;
  lock(): void;
  state(): GallaEvents['session'];
}

export function createOwnerSession(deps: { now: () => number; timers: RelayTimers; onChange: (s: GallaEvents['session']) => void }): OwnerSession {
  let until = 0;
  let timer: unknown = null;
  const unlocked = () => until > deps.now();
  const state = (): GallaEvents['session'] => (unlocked() ? { role: 'owner', expiresAt: new Date(until).toISOString() } : { role: 'cashier', expiresAt: null });

  const lock = () => {
    const was = until > 0;
    until = 0;
    if (timer !== null) deps.timers.clear(timer);
    timer = null;
    if (was) deps.onChange(state());
  };

  return {
    actorFor(source) {
      const role: Role = unlocked() ? 'owner' : 'cashier';
      return { role, source, who: role };
    },
    observe(name, result) {
      if (!result.ok) return result;
      if (name === 'owner-unlock') {
        until = deps.now() + OWNER_UNLOCK_MS;
        if (timer !== null) deps.timers.clear(timer);
        timer = deps.timers.set(lock, OWNER_UNLOCK_MS);
        deps.onChange(state());
        return { ok: true, value: { role: 'owner', expiresAt: new Date(until).toISOString() } };
      }
      if (name === 'owner-lock') {
        lock();
        return result;
      }
      if (name === 'auth-status') {
        const s = state();
        return { ok: true, value: { ...(result.value as AuthStatus), role: s.role, expiresAt: s.expiresAt } };
      }
      return result;
    },
    lock,
    state,
  };
}
