// Runs every command: the sender's role, then the payload (zod), then the handler. Mutations run
// one at a time, each in one IMMEDIATE transaction with its audit row. better-sqlite3 is
// synchronous and the services are one process, so dispatch() itself serializes writes: nothing
// else can interleave between BEGIN and COMMIT.
import type { z } from 'zod';
import { type Actor, ROLES, SOURCES, roleAllows } from '../../common/actor';
import { type CommandInput, type CommandName, type CommandResult, getCommandSpec } from '../../common/commands';
import { AppError, type Result } from '../../common/errors';
import type { Db } from '../db';
import { logger } from '../log';
import type { Clock, CommandContext, Handler } from './context';

const log = logger('dispatch');

export interface CommandEvent {
  name: CommandName;
  actor: Actor;
  ok: boolean;
  code?: string;
  ms: number;
  mutates: boolean;
}

export interface Dispatcher {
  dispatch<N extends CommandName>(name: N, input: CommandInput<N> | unknown, actor: Actor): Result<CommandResult<N>>;
  /** Called after every command, for metrics and for telling screens to refetch. */
  onCommand(listener: (e: CommandEvent) => void): () => void;
}

export interface DispatcherDeps {
  db: Db;
  clock: Clock;
  handlers: Record<CommandName, Handler<CommandName>>;
}

export function zodErrorToAppError(err: z.ZodError): AppError {
  const issue = err.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const msg = issue?.message ?? 'Invalid input';
  const text = field ? `${field} ${msg.startsWith(field) ? msg.slice(field.length).trim() : msg}` : msg;
  return new AppError('VALIDATION', text.replace(/^Invalid input: expected/, 'expected'), field);
}

function checkActor(actor: unknown): Actor {
  const a = actor as Partial<Actor> | null;
  if (!a || !(ROLES as readonly string[]).includes(a.role ?? '') || !(SOURCES as readonly string[]).includes(a.source ?? '')) {
    throw new AppError('FORBIDDEN', 'Every command needs an actor with a role (cashier, owner) and a source (keyboard, touch, scanner, voice, api, job).');
  }
  return { role: a.role!, source: a.source!, who: typeof a.who === 'string' && a.who ? a.who : a.role! };
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { db, clock, handlers } = deps;
  const listeners = new Set<(e: CommandEvent) => void>();
  const insertAudit = db.prepare(
    `INSERT INTO audit_log (at, who, role, source, command, input_json, undo_json, undoes_id, note)
     VALUES (@at, @who, @role, @source, @command, @input, @undo, @undoes, @note)`,
  );

  function run(name: CommandName, rawInput: unknown, rawActor: unknown): { value: unknown; mutates: boolean } {
    const spec = getCommandSpec(name);
    if (!spec) throw new AppError('NOT_FOUND', `Unknown command: ${String(name)}`);
    const actor = checkActor(rawActor);
    if (!roleAllows(actor.role, spec.role)) {
      throw new AppError('FORBIDDEN', `Only the owner can do this (${spec.description.replace(/\.$/, '')}). Ask the owner to enter the PIN.`);
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw zodErrorToAppError(parsed.error);
    const handler = handlers[name];
    const at = clock.now().toISOString();
    let undoData: unknown = undefined;
    let undoesId: number | null = null;
    const notes: string[] = [];
    const ctx: CommandContext = {
      db,
      clock,
      actor,
      at,
      setUndo: (d) => {
        undoData = d;
      },
      auditNote: (t) => notes.push(t),
      markUndoes: (id) => {
        undoesId = id;
      },
    };
    if (!spec.mutates) return { value: handler(ctx, parsed.data as never), mutates: false };

    const value = db
      .transaction(() => {
        const result = handler(ctx, parsed.data as never);
        insertAudit.run({
          at,
          who: actor.who,
          role: actor.role,
          source: actor.source,
          command: name,
          input: JSON.stringify(parsed.data),
          undo: spec.undo === 'reversible' && undoData !== undefined ? JSON.stringify(undoData) : null,
          undoes: undoesId,
          note: notes.length ? notes.join('; ') : null,
        });
        return result;
      })
      .immediate();
    return { value, mutates: true };
  }

  return {
    dispatch(name, input, actor) {
      const t0 = performance.now();
      let result: Result<never>;
      let mutates = false;
      try {
        const r = run(name, input, actor);
        mutates = r.mutates;
        result = { ok: true, value: r.value as never };
      } catch (e) {
        if (e instanceof AppError) result = { ok: false, error: e.toShape() };
        else {
          log.error(`command ${String(name)} failed`, e);
          result = { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Galla; nothing was saved. Try again, and if it repeats, restart Galla.' } };
        }
      }
      const ms = performance.now() - t0;
      if (ms > 40) log.warn(`slow command ${String(name)}: ${ms.toFixed(1)} ms`);
      const event: CommandEvent = { name, actor: actor as Actor, ok: result.ok, ms, mutates, ...(result.ok ? {} : { code: result.error.code }) };
      for (const l of listeners) {
        try {
          l(event);
        } catch (e) {
          log.error('command listener failed', e);
        }
      }
      return result;
    },
    onCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
