import type { reminderCommands } from '../../../common/commands/reminders';
import { AppError } from '../../../common/errors';
import type { HandlerTable, ReverserTable } from '../../commands/context';

type Names = keyof typeof reminderCommands;

const notYet = (name: string) => () => {
  throw new AppError('UNAVAILABLE', `${name} is not built yet`);
};

export const reminderHandlers: HandlerTable<Names> = {

} as never;

export const reminderReversers: ReverserTable<Names> = {};
void notYet;
