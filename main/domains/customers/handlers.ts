import type { customerCommands } from '../../../common/commands/customers';
import { AppError } from '../../../common/errors';
import type { HandlerTable, ReverserTable } from '../../commands/context';

type Names = keyof typeof customerCommands;

const notYet = (name: string) => () => {
  throw new AppError('UNAVAILABLE', `${name} is not built yet`);
};

export const customerHandlers: HandlerTable<Names> = {

} as never;

export const customerReversers: ReverserTable<Names> = {};
void notYet;
