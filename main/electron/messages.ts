// The typed message protocol between Electron's main process and the shop's services in their
// utilityProcess: main sends a call with the actor it decided on; the services answer with a Result.
import type { Actor } from '../../common/actor';
import { type CommandName, getCommandSpec } from '../../common/commands';
import type { GallaEvents } from '../../common/bridge';
import type { Result } from '../../common/errors';

export interface ServiceCall {
  type: 'call';
  id: number;
  name: CommandName;
  input: unknown;
  actor: Actor;
}
export type ToServices = ServiceCall | { type: 'stop' };

export type FromServices =
  | { type: 'reply'; id: number; result: Result<unknown> }
  | { type: 'ready'; url: string; dbFile: string }
  | { type: 'event'; event: 'command'; payload: GallaEvents['command'] }
  | { type: 'fatal'; message: string }
  | { type: 'stopped' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Checks what arrives at the services; anything else is dropped. */
export function asToServices(m: unknown): ToServices | null {
  if (!isObject(m)) return null;
  if (m.type === 'stop') return { type: 'stop' };
  if (m.type !== 'call' || typeof m.id !== 'number' || typeof m.name !== 'string' || !getCommandSpec(m.name) || !isObject(m.actor)) return null;
  return { type: 'call', id: m.id, name: m.name as CommandName, input: m.input, actor: m.actor as unknown as Actor };
}

/** Checks what arrives at main from the services. */
export function asFromServices(m: unknown): FromServices | null {
  if (!isObject(m)) return null;
  switch (m.type) {
    case 'reply':
      return typeof m.id === 'number' && isObject(m.result) ? (m as unknown as FromServices) : null;
    case 'ready':
      return typeof m.url === 'string' ? (m as unknown as FromServices) : null;
    case 'event':
      return m.event === 'command' && isObject(m.payload) ? (m as unknown as FromServices) : null;
    case 'fatal':
      return typeof m.message === 'string' ? (m as unknown as FromServices) : null;
    case 'stopped':
      return { type: 'stopped' };
    default:
      return null;
  }
}
