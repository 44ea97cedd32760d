import type { salesCommands } from '../../../common/commands/sales';
import { AppError } from '../../../common/errors';
import type { HandlerTable, ReverserTable } from '../../commands/context';

type Names = keyof typeof salesCommands;

const notYet = (name: string) => () => {
  throw new AppError('UNAVAILABLE', `${name} is not built yet`);
};

export const salesHandlers: HandlerTable<Names> = {

} as never;

export const salesReversers: ReverserTable<Names> = {};
void notYet;
