// The one way money enters the khata: append an entry and move the customer's cached balance by its
// delta, in the caller's transaction. customers.balance_paise stays SUM(ledger_entries.delta_paise).
import type { PaymentModeName } from '../../../common/commands/fields';
import { AppError } from '../../../common/errors';
import type { LedgerEntry, LedgerEntryType } from '../../../common/types';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';

export type LedgerReason = 'SALE' | 'PAYMENT' | 'UDHAAR' | 'RETURN' | 'DISCOUNT' | 'CANCELLATION' | 'REVERSAL' | 'OPENING';

export interface PostLedgerInput {
  customerId: number;
  type: LedgerEntryType;
  /** Magnitude for DEBIT/CREDIT (> 0); signed for OPENING_BALANCE (negative: an advance). */
  amountPaise: number;
  reason: LedgerReason;
  description: string;
  paymentMode?: PaymentModeName | null;
  invoiceId?: number | null;
  paymentId?: number | null;
  reversesEntryId?: number | null;
  at: string;
}

/** + owes more, - owes less. */
export const ledgerDelta = (type: LedgerEntryType, amountPaise: number): number => (type === 'CREDIT' ? -amountPaise : amountPaise);

/**
 * Appends one entry and updates the balance by its delta. Call it inside a transaction (every
 * mutating command runs in one); the two writes must commit together.
 */
export function postLedger(db: Db, e: PostLedgerInput): LedgerEntry {
  if (!Number.isSafeInteger(e.amountPaise) || (e.type !== 'OPENING_BALANCE' && e.amountPaise <= 0)) {
    throw new AppError('VALIDATION', `amount must be a whole number of paise above zero, not ${e.amountPaise}`, 'amountPaise');
  }
  const delta = ledgerDelta(e.type, e.amountPaise);
  const updated = prepared<[number, number], { balance_paise: number }>(db, 'UPDATE customers SET balance_paise = balance_paise + ? WHERE id = ? RETURNING balance_paise').get(
    delta,
    e.customerId,
  );
  if (!updated) throw new AppError('NOT_FOUND', `Customer not found: ${e.customerId}`, 'customerId');
  const info = prepared(
    db,
    `INSERT INTO ledger_entries (customer_id, type, amount_paise, reason, description, payment_mode, invoice_id, payment_id, reverses_entry_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.customerId, e.type, e.amountPaise, e.reason, e.description, e.paymentMode ?? null, e.invoiceId ?? null, e.paymentId ?? null, e.reversesEntryId ?? null, e.at);
  return {
    id: Number(info.lastInsertRowid),
    customerId: e.customerId,
    type: e.type,
    amountPaise: e.amountPaise,
    deltaPaise: delta,
    description: e.description,
    paymentMode: e.paymentMode ?? null,
    invoiceId: e.invoiceId ?? null,
    balanceAfterPaise: updated.balance_paise,
    createdAt: e.at,
  };
}
