import { roleAllows } from '../../../common/actor';
import { type CommandName, getCommandSpec } from '../../../common/commands';
import type { systemCommands } from '../../../common/commands/system';
import { AppError } from '../../../common/errors';
import type { HandlerTable, Reverser } from '../../commands/context';
import { readSettings, writeSettings } from './settings';
import { dailySummary } from './summary';

type Names = keyof typeof systemCommands;

interface AuditRow {
  id: number;
  command: string;
  undo_json: string | null;
}

/** undo-last needs every area's reversers, so it is built from them. */
export function systemHandlers(reversers: Partial<Record<CommandName, Reverser>>): HandlerTable<Names> {
  return {
    'undo-last': (ctx) => {
      // The latest mutation that is neither an undo nor already undone.
      const row = ctx.db
        .prepare(
          `SELECT a.id, a.command, a.undo_json FROM audit_log a
           WHERE a.command <> 'undo-last' AND NOT EXISTS (SELECT 1 FROM audit_log u WHERE u.undoes_id = a.id)
           ORDER BY a.id DESC LIMIT 1`,
        )
        .get() as AuditRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'There is nothing to undo.');
      const spec = getCommandSpec(row.command);
      const reverser = reversers[row.command as CommandName];
      if (!spec || spec.undo !== 'reversible' || !reverser || row.undo_json === null) {
        throw new AppError('CONFLICT', `The last change (${row.command}) cannot be undone: ${spec?.description ?? ''}`.trim());
      }
      const need = spec.undoRole ?? spec.role;
      if (!roleAllows(ctx.actor.role, need)) {
        throw new AppError('FORBIDDEN', `Only the owner can undo ${row.command}. Ask the owner to enter the PIN.`);
      }
      const description = reverser(ctx, JSON.parse(row.undo_json));
      ctx.markUndoes(row.id);
      return { undone: row.command, description };
    },
    'summary-daily': (ctx) => dailySummary(ctx.db, ctx.clock.now()),
    'settings-get': (ctx) => readSettings(ctx.db),
    'settings-update': (ctx, input) => writeSettings(ctx.db, input as never),
  };
}
