// The one bridge between the screen and the shop's services (STYLE notes 2-4). In Electron the
// preload exposes it as window.galla; in a browser the screen speaks HTTP instead. One typed invoke
// and event subscriptions, nothing raw: no ipcRenderer, no channel names, no Electron events.
import type { Role } from './actor';
import type { CommandInput, CommandName, CommandResult } from './commands';
import type { Result } from './errors';

/** The sources a screen may name; `api` and `job` belong to other callers. */
export const SCREEN_SOURCES = ['keyboard', 'touch', 'scanner', 'voice'] as const;
export type ScreenSource = (typeof SCREEN_SOURCES)[number];

export interface GallaEvents {
  /** A command ran (at this screen, on a LAN device, by voice or a job): refetch what it may have changed. */
  command: { name: CommandName; ok: boolean; mutates: boolean };
  /** The owner's unlock began or ended (also when it ran out). */
  session: { role: Role; expiresAt: string | null };
}
export type GallaEventName = keyof GallaEvents;
export const GALLA_EVENTS = ['command', 'session'] as const satisfies readonly GallaEventName[];

export interface GallaBridge {
  /**
   * Runs a command. The source (how the cashier asked: keys, touch, scanner, voice) is required; the
   * role is not the screen's to say: Electron's main process adds it from the owner's unlock.
   */
  invoke<N extends CommandName>(name: N, input: CommandInput<N>, source: ScreenSource): Promise<Result<CommandResult<N>>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends GallaEventName>(event: E, listener: (payload: GallaEvents[E]) => void): () => void;
}

/** IPC channels, all under one prefix that Electron's main process checks (with the sender's origin). */
export const IPC_PREFIX = 'galla:';
export const IPC_INVOKE = 'galla:invoke';
export const IPC_EVENT = 'galla:event';

/** What crosses IPC_INVOKE and IPC_EVENT. */
export interface InvokeMessage {
  name: string;
  input: unknown;
  source: string;
}
export type EventMessage = { [E in GallaEventName]: { event: E; payload: GallaEvents[E] } }[GallaEventName];
