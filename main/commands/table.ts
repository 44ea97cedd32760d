// Every area's handlers, checked against the command table: a missing handler is a type error.
import type { CommandName } from '../../common/commands';
import type { Handler, Reverser } from './context';
import type { ReminderQueue } from '../jobs/reminder-queue';
import { customerHandlers, customerReversers } from '../domains/customers/handlers';
import { catalogHandlers, catalogReversers } from '../domains/catalog/handlers';
import { salesHandlers, salesReversers } from '../domains/sales/handlers';
import { ledgerHandlers, ledgerReversers } from '../domains/ledger/handlers';
import { reminderHandlers, reminderReversers } from '../domains/reminders/handlers';
import { systemHandlers } from '../domains/system/handlers';
import { authHandlers } from '../domains/auth/handlers';
import { draftHandlers } from '../domains/drafts/handlers';
import { reportHandlers } from '../domains/reports/handlers';

export interface HandlerDeps {
  reminderQueue: ReminderQueue;
}

export function buildHandlers(deps: HandlerDeps): Record<CommandName, Handler<CommandName>> {
  const reversers: Partial<Record<CommandName, Reverser>> = {
    ...customerReversers,
    ...catalogReversers,
    ...salesReversers,
    ...ledgerReversers,
    ...reminderReversers(deps.reminderQueue),
  };
  const table = {
    ...customerHandlers,
    ...catalogHandlers,
    ...salesHandlers,
    ...ledgerHandlers,
    ...reminderHandlers(deps.reminderQueue),
    ...systemHandlers(reversers),
    ...authHandlers,
    ...draftHandlers,
    ...reportHandlers,
  } satisfies { [N in CommandName]: Handler<N> };
  return table as unknown as Record<CommandName, Handler<CommandName>>;
}
