import type { catalogCommands } from '../../../common/commands/catalog';
import { AppError } from '../../../common/errors';
import type { HandlerTable, ReverserTable } from '../../commands/context';

type Names = keyof typeof catalogCommands;

const notYet = (name: string) => () => {
  throw new AppError('UNAVAILABLE', `${name} is not built yet`);
};

export const catalogHandlers: HandlerTable<Names> = {

} as never;

export const catalogReversers: ReverserTable<Names> = {};
void notYet;
