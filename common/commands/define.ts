import type { z } from 'zod';
import type { Role } from '../actor';

/**
 * How a mutation is undone: `reversible` commands record undo data and have a reverser that writes
 * new rows (never deletes); `none` cannot be undone; `undo` is the undo command itself.
 */
export type UndoPolicy = 'reversible' | 'none' | 'undo';

export interface CommandSpec<I extends z.ZodType = z.ZodType, R = unknown> {
  readonly input: I;
  readonly mutates: boolean;
  /** The least role that may run it. */
  readonly role: Role;
  readonly undo: UndoPolicy;
  /** The role needed to undo it, when that is stricter than running it (undoing a sale cancels a bill). */
  readonly undoRole?: Role;
  /** One line for the OpenAPI document and the screen. */
  readonly description: string;
  /** Phantom: carries the result type; never set at run time. */
  readonly __result?: R;
}

/** `command<Result>()({...})` — the curried form lets TypeScript infer the input schema. */
export const command =
  <R>() =>
  <I extends z.ZodType>(spec: Omit<CommandSpec<I, R>, '__result'>): CommandSpec<I, R> =>
    spec;

type AnyTable = Record<string, CommandSpec>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Joins per-area tables; a name defined twice fails at start (STYLE note 2). */
export function composeCommandTables<T extends AnyTable[]>(...tables: T): UnionToIntersection<T[number]> {
  const out: AnyTable = {};
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table)) {
      if (name in out) throw new Error(`Command defined twice: ${name}`);
      out[name] = spec;
    }
  }
  return out as UnionToIntersection<T[number]>;
}
