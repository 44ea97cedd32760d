// Reading the khata: a customer's entries newest first, each with the balance right after it.
import type { PaymentModeName } from '../../../common/commands/fields';
import type { LedgerEntry, LedgerEntryType } from '../../../common/types';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';
import type { LedgerReason } from './post';

export interface DbLedgerEntry {
  id: number;
  customer_id: number;
  type: LedgerEntryType;
  amount_paise: number;
  delta_paise: number;
  reason: LedgerReason;
  description: string;
  payment_mode: PaymentModeName | null;
  invoice_id: number | null;
  payment_id: number | null;
  reverses_entry_id: number | null;
  created_at: string;
}

const COLUMNS = 'id, customer_id, type, amount_paise, delta_paise, reason, description, payment_mode, invoice_id, payment_id, reverses_entry_id, created_at';

export const toLedgerEntry = (r: DbLedgerEntry, balanceAfterPaise: number): LedgerEntry => ({
  id: r.id,
  customerId: r.customer_id,
  type: r.type,
  amountPaise: r.amount_paise,
  deltaPaise: r.delta_paise,
  description: r.description,
  paymentMode: r.payment_mode,
  invoiceId: r.invoice_id,
  balanceAfterPaise,
  createdAt: r.created_at,
});

export function readLedgerRow(db: Db, id: number): DbLedgerEntry | null {
  return prepared<[number], DbLedgerEntry>(db, `SELECT ${COLUMNS} FROM ledger_entries WHERE id = ?`).get(id) ?? null;
}

/** The sum of a customer's entries up to and including `uptoId`, in entry order. */
export function balanceThrough(db: Db, customerId: number, uptoId: number): number {
  return prepared<[number, number], { s: number }>(db, 'SELECT coalesce(sum(delta_paise), 0) AS s FROM ledger_entries WHERE customer_id = ? AND id <= ?').get(customerId, uptoId)!.s;
}

/**
 * Newest first. balanceAfter is summed from the entries themselves (not the cached balance):
 * the newest entry's is the sum of all, and each older one's is the next one's minus its delta.
 */
export function listLedger(db: Db, customerId: number, limit: number): LedgerEntry[] {
  const rows = prepared<[number, number], DbLedgerEntry>(db, `SELECT ${COLUMNS} FROM ledger_entries WHERE customer_id = ? ORDER BY id DESC LIMIT ?`).all(customerId, limit);
  if (rows.length === 0) return [];
  let after = balanceThrough(db, customerId, rows[0]!.id);
  return rows.map((r) => {
    const entry = toLedgerEntry(r, after);
    after -= r.delta_paise;
    return entry;
  });
}
