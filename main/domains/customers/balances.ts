// customer-balances: who owes the shop, oldest dues first.
//
// "Oldest due" is the date of the oldest debit not yet covered by payments, payments being applied
// first-in-first-out: with debits of 500 (1 Mar) and 300 (5 Mar) and 600 paid, the 1 Mar debit is
// settled and 200 of the 5 Mar one is still due, so the oldest due is 5 Mar. A reversing entry and
// the entry it reverses cancel out and take no part (an undone payment did not pay anything).
import type { CustomerBalance } from '../../../common/types';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';

interface EntryRow {
  customer_id: number;
  id: number;
  delta_paise: number;
  reverses_entry_id: number | null;
  payment_mode: string | null;
  reason: string;
  created_at: string;
}

interface BalanceRow {
  id: number;
  name: string;
  phone: string | null;
  balance_paise: number;
  credit_limit_paise: number | null;
}

export interface DuesSummary {
  oldestDueAt: string | null;
  lastPaymentAt: string | null;
}

/** FIFO over one customer's entries (in entry order). */
export function summariseDues(entries: readonly Omit<EntryRow, 'customer_id'>[]): DuesSummary {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const cancelled = new Set<number>();
  for (const e of entries) {
    const original = e.reverses_entry_id === null ? undefined : byId.get(e.reverses_entry_id);
    // Only a full reversal cancels out; a partial one stays an ordinary entry.
    if (original && original.delta_paise === -e.delta_paise) {
      cancelled.add(e.id);
      cancelled.add(original.id);
    }
  }
  let paid = 0;
  let lastPaymentAt: string | null = null;
  const debits: Omit<EntryRow, 'customer_id'>[] = [];
  for (const e of entries) {
    if (cancelled.has(e.id)) continue;
    if (e.delta_paise > 0) debits.push(e);
    else if (e.delta_paise < 0) {
      paid -= e.delta_paise;
      if ((e.payment_mode !== null || e.reason === 'PAYMENT') && (lastPaymentAt === null || e.created_at > lastPaymentAt)) lastPaymentAt = e.created_at;
    }
  }
  let oldestDueAt: string | null = null;
  for (const d of debits) {
    if (paid >= d.delta_paise) paid -= d.delta_paise;
    else {
      oldestDueAt = d.created_at;
      break;
    }
  }
  return { oldestDueAt, lastPaymentAt };
}

export function customerBalances(db: Db, opts: { onlyOwing: boolean; limit: number }): CustomerBalance[] {
  const where = opts.onlyOwing ? 'balance_paise > 0' : 'balance_paise <> 0';
  const customers = prepared<[], BalanceRow>(db, `SELECT id, name, phone, balance_paise, credit_limit_paise FROM customers WHERE ${where}`).all();
  if (customers.length === 0) return [];
  const dues = new Map<number, DuesSummary>();
  let current: number | null = null;
  let entries: Omit<EntryRow, 'customer_id'>[] = [];
  const flush = () => {
    if (current !== null) dues.set(current, summariseDues(entries));
    entries = [];
  };
  // One pass over the entries of the customers listed, in (customer, entry) order by the ledger index.
  const rows = prepared<[], EntryRow>(
    db,
    `SELECT l.customer_id, l.id, l.delta_paise, l.reverses_entry_id, l.payment_mode, l.reason, l.created_at
     FROM customers c JOIN ledger_entries l ON l.customer_id = c.id
     WHERE c.${where} ORDER BY l.customer_id, l.id`,
  ).iterate();
  for (const row of rows) {
    if (row.customer_id !== current) {
      flush();
      current = row.customer_id;
    }
    entries.push(row);
  }
  flush();
  const list: CustomerBalance[] = customers.map((c) => ({
    id: c.id,
    name: c.name,
    phone: c.phone,
    balancePaise: c.balance_paise,
    creditLimitPaise: c.credit_limit_paise,
    ...(dues.get(c.id) ?? { oldestDueAt: null, lastPaymentAt: null }),
  }));
  list.sort(
    (a, b) =>
      (a.oldestDueAt === null ? 1 : 0) - (b.oldestDueAt === null ? 1 : 0) ||
      (a.oldestDueAt ?? '').localeCompare(b.oldestDueAt ?? '') ||
      b.balancePaise - a.balancePaise ||
      a.name.localeCompare(b.name),
  );
  return list.slice(0, opts.limit);
}
