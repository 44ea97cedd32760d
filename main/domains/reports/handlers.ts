import type { reportCommands } from '../../../common/commands/reports';
import type { HandlerTable } from '../../commands/context';
import { gstr1Report } from './gstr1';
import { istDateOf, istMonthOf } from './period';
import { salesReport } from './sales';

type Names = keyof typeof reportCommands;

export const reportHandlers: HandlerTable<Names> = {
  'report-gstr1': (ctx, input) => gstr1Report(ctx.db, input.month ?? istMonthOf(ctx.clock.now())),
  'report-sales': (ctx, input) => {
    // Default: the first of this IST month to today.
    const today = istDateOf(ctx.clock.now());
    const to = input.to ?? today;
    const from = input.from ?? (input.to ? `${input.to.slice(0, 7)}-01` : `${today.slice(0, 7)}-01`);
    return salesReport(ctx.db, from, to);
  },
};
