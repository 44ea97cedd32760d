// The main process's side of the bridge. Every message is checked for its sender first (our channel
// prefix, a main frame on app://galla), then its payload (a known command, a screen source), and
// only then relayed to the services with the actor the main process decides (STYLE note 4).
import type { IpcMainInvokeEvent } from 'electron';
import { type CommandName, getCommandSpec } from '../../common/commands';
import { IPC_EVENT, IPC_INVOKE, IPC_PREFIX, SCREEN_SOURCES, type EventMessage, type ScreenSource } from '../../common/bridge';
import type { Result } from '../../common/errors';
import { logger } from '../log';
import { isAppUrl } from './origin';
import type { ServicesClient } from './relay';
import type { OwnerSession } from './session';

const log = logger('ipc');

/** The part of an IPC event the check reads: the frame that sent it. */
export interface SenderLike {
  senderFrame: { url: string; parent: unknown } | null;
}

export function isTrustedSender(channel: string, event: SenderLike): boolean {
  if (!channel.startsWith(IPC_PREFIX)) return false;
  const frame = event.senderFrame;
  // A frame inside the page (there should be none) is not the screen.
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export type ParsedInvoke = { ok: true; name: CommandName; input: unknown; source: ScreenSource } | { ok: false; result: Result<never> };

export function parseInvoke(payload: unknown): ParsedInvoke {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  if (typeof p.name !== 'string' || !getCommandSpec(p.name)) {
    return { ok: false, result: { ok: false, error: { code: 'NOT_FOUND', message: `Unknown command: ${String(p.name)}` } } };
  }
  if (typeof p.source !== 'string' || !(SCREEN_SOURCES as readonly string[]).includes(p.source)) {
    return { ok: false, result: { ok: false, error: { code: 'VALIDATION', message: `source must be one of ${SCREEN_SOURCES.join(', ')}`, field: 'source' } } };
  }
  return { ok: true, name: p.name as CommandName, input: p.input, source: p.source as ScreenSource };
}

const refused: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from Galla’s own screen.' } };

export function createInvokeHandler(deps: { services: Pick<ServicesClient, 'call'>; session: OwnerSession }) {
  return async (event: SenderLike, payload: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(IPC_INVOKE, event)) {
      log.warn(`refused IPC from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return refused;
    }
    const parsed = parseInvoke(payload);
    if (!parsed.ok) return parsed.result;
    const result = await deps.services.call(parsed.name, parsed.input, deps.session.actorFor(parsed.source));
    return deps.session.observe(parsed.name, result);
  };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export function registerIpc(ipcMain: IpcMainLike, handler: ReturnType<typeof createInvokeHandler>): void {
  ipcMain.handle(IPC_INVOKE, (event, payload) => handler(event, payload));
}

/** Sends an event to a window, only while it shows our screen. */
export function sendEvent(contents: { getURL(): string; isDestroyed(): boolean; send(channel: string, message: EventMessage): void }, message: EventMessage): void {
  if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(IPC_EVENT, message);
}
