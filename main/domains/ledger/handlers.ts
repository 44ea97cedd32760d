import type { ledgerCommands } from '../../../common/commands/ledger';
import { AppError } from '../../../common/errors';
import type { HandlerTable, ReverserTable } from '../../commands/context';

type Names = keyof typeof ledgerCommands;

const notYet = (name: string) => () => {
  throw new AppError('UNAVAILABLE', `${name} is not built yet`);
};

export const ledgerHandlers: HandlerTable<Names> = {

} as never;

export const ledgerReversers: ReverserTable<Names> = {};
void notYet;
