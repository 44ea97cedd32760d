import { prepared } from '../../db/prepared';
import type { salesCommands } from '../../../common/commands/sales';
import { AppError } from '../../../common/errors';
import type { HandlerTable, ReverserTable } from '../../commands/context';
import { cancelInvoice } from './cancel';
import { createInvoice, type InvoiceCreateUndo } from './create';
import { listInvoices, readInvoice } from './read';

type Names = keyof typeof salesCommands;

export const salesHandlers: HandlerTable<Names> = {
  'invoice-create': (ctx, input) => {
    const invoice = createInvoice(ctx, input);
    if (input.draftId !== undefined) prepared(ctx.db, 'DELETE FROM draft_bills WHERE id = ?').run(input.draftId);
    return invoice;
  },
  'invoice-cancel': (ctx, input) => cancelInvoice(ctx.db, input.invoiceId, input.reason ?? null, ctx.at),
  'invoice-get': (ctx, input) => {
    const inv = readInvoice(ctx.db, input.invoiceId);
    if (!inv) throw new AppError('NOT_FOUND', `Invoice not found: ${input.invoiceId}`, 'invoiceId');
    return inv;
  },
  'invoice-list': (ctx, input) => listInvoices(ctx.db, { limit: input.limit, customerId: input.customerId }),
};

export const salesReversers: ReverserTable<Names> = {
  // Undoing a sale cancels the bill: its number stays in the series, marked CANCELLED.
  'invoice-create': (ctx, data) => {
    const inv = cancelInvoice(ctx.db, (data as InvoiceCreateUndo).invoiceId, 'undone', ctx.at);
    return `Bill ${inv.number} cancelled`;
  },
};
