import type { ledgerCommands } from '../../../common/commands/ledger';
import { AppError } from '../../../common/errors';
import { formatRupees } from '../../../common/money';
import type { CommandContext, HandlerTable, ReverserTable } from '../../commands/context';
import { prepared } from '../../db/prepared';
import { checkCreditLimit, requireKhataCustomer } from './credit';
import { postLedger } from './post';
import { listLedger, readLedgerRow } from './read';

type Names = keyof typeof ledgerCommands;

/** The entry a mutation wrote, or the entries of a payment by several modes. */
type EntryUndo = { entryId: number } | { entryIds: number[] };

const insertPayment = (ctx: CommandContext, customerId: number, mode: string, amountPaise: number, notes: string | null): number =>
  Number(
    prepared(ctx.db, 'INSERT INTO payments (customer_id, invoice_id, mode, amount_paise, notes, created_at) VALUES (?, NULL, ?, ?, ?, ?)').run(
      customerId,
      mode,
      amountPaise,
      notes,
      ctx.at,
    ).lastInsertRowid,
  );

/** A return is named as one; anything else written by hand is a discount. */
const creditReason = (description: string | null | undefined) => (description && /\b(return|returned|wapas|vapas|vaapas)\b/i.test(description) ? 'RETURN' : 'DISCOUNT');

export const ledgerHandlers: HandlerTable<Names> = {
  'ledger-record-payment': (ctx, input) => {
    const c = requireKhataCustomer(ctx.db, input.customerId);
    const parts = input.parts ?? [{ mode: input.mode, amountPaise: input.amountPaise }];
    const entries = parts.map((part) => {
      const paymentId = insertPayment(ctx, c.id, part.mode, part.amountPaise, input.notes ?? null);
      return postLedger(ctx.db, {
        customerId: c.id,
        type: 'CREDIT',
        amountPaise: part.amountPaise,
        reason: 'PAYMENT',
        description: `Payment received (${part.mode})`,
        paymentMode: part.mode,
        paymentId,
        at: ctx.at,
      });
    });
    ctx.setUndo({ entryIds: entries.map((e) => e.id) } satisfies EntryUndo);
    // The last entry carries the balance after the whole payment.
    return entries.at(-1)!;
  },

  'ledger-add-udhaar': (ctx, input) => {
    const c = requireKhataCustomer(ctx.db, input.customerId);
    checkCreditLimit(ctx, c, input.amountPaise, input.allowOverCreditLimit, 'udhaar');
    const entry = postLedger(ctx.db, { customerId: c.id, type: 'DEBIT', amountPaise: input.amountPaise, reason: 'UDHAAR', description: input.description || 'Udhaar', at: ctx.at });
    ctx.setUndo({ entryId: entry.id } satisfies EntryUndo);
    return entry;
  },

  'ledger-credit-adjust': (ctx, input) => {
    const c = requireKhataCustomer(ctx.db, input.customerId);
    const entry = postLedger(ctx.db, {
      customerId: c.id,
      type: 'CREDIT',
      amountPaise: input.amountPaise,
      reason: creditReason(input.description),
      description: input.description || 'Credit adjustment',
      at: ctx.at,
    });
    ctx.setUndo({ entryId: entry.id } satisfies EntryUndo);
    return entry;
  },

  'ledger-list': (ctx, input) => {
    requireKhataCustomer(ctx.db, input.customerId);
    return listLedger(ctx.db, input.customerId, input.limit);
  },
};

/** Undo: an opposite entry that names the one it reverses, and for a payment a refund row. */
function reverseEntry(ctx: CommandContext, data: unknown): string {
  const undo = data as EntryUndo;
  if ('entryIds' in undo) return undo.entryIds.map((id) => reverseOne(ctx, id)).join('; ');
  return reverseOne(ctx, undo.entryId);
}

function reverseOne(ctx: CommandContext, entryId: number): string {
  const e = readLedgerRow(ctx.db, entryId);
  if (!e) throw new AppError('NOT_FOUND', `Ledger entry not found: ${entryId}`);
  if (e.type === 'OPENING_BALANCE') throw new AppError('CONFLICT', 'An opening balance is not undone here: correct it with a credit or udhaar entry');
  const already = prepared<[number], { id: number }>(ctx.db, 'SELECT id FROM ledger_entries WHERE reverses_entry_id = ? LIMIT 1').get(entryId);
  if (already) throw new AppError('CONFLICT', `That entry (${e.description}) is already reversed`);
  let paymentId: number | null = null;
  if (e.payment_id !== null && e.payment_mode !== null) {
    paymentId = insertPayment(ctx, e.customer_id, e.payment_mode, -e.amount_paise, `Undo: ${e.description}`);
  }
  postLedger(ctx.db, {
    customerId: e.customer_id,
    type: e.type === 'DEBIT' ? 'CREDIT' : 'DEBIT',
    amountPaise: e.amount_paise,
    reason: 'REVERSAL',
    description: `Undo: ${e.description}`,
    paymentMode: e.payment_mode,
    paymentId,
    reversesEntryId: e.id,
    at: ctx.at,
  });
  return `${e.description} of ${formatRupees(e.amount_paise)} undone`;
}

export const ledgerReversers: ReverserTable<Names> = {
  'ledger-record-payment': reverseEntry,
  'ledger-add-udhaar': reverseEntry,
  'ledger-credit-adjust': reverseEntry,
};
