import type { Actor } from '../../common/actor';
import type { CommandArgs, CommandName, CommandResult } from '../../common/commands';
import type { Db } from '../db';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can pin and move. */
export function fixedClock(start: Date | string): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = new Date(d).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** What a handler gets besides its validated input. */
export interface CommandContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly actor: Actor;
  /** ISO 8601 UTC of this command's moment; the same for every row it writes. */
  readonly at: string;
  /** Data the reverser needs to undo this mutation (commands with undo: 'reversible'). */
  setUndo(data: unknown): void;
  /** A line for the audit row (an owner's credit-limit override, say). */
  auditNote(text: string): void;
  /** Only for undo-last: the audit row this mutation reverses. */
  markUndoes(auditId: number): void;
}

export type Handler<N extends CommandName> = (ctx: CommandContext, input: CommandArgs<N>) => CommandResult<N>;
export type HandlerTable<Ns extends CommandName> = { [N in Ns]: Handler<N> };

/** Undoes one mutation from its recorded undo data by writing new rows; returns a description for the cashier. */
export type Reverser = (ctx: CommandContext, undoData: unknown) => string;
export type ReverserTable<Ns extends CommandName> = Partial<Record<Ns, Reverser>>;
