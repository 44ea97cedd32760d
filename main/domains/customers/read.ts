// Customer rows and how they read back as domain values (STYLE note 9: DbCustomer is not Customer).
import type { Customer } from '../../../common/types';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';

export interface DbCustomer {
  id: number;
  name: string;
  name_key: string;
  phone: string | null;
  nickname: string | null;
  landmark: string | null;
  notes: string | null;
  gstin: string | null;
  state: string | null;
  credit_limit_paise: number | null;
  balance_paise: number;
  search_keys: string;
  created_at: string;
  updated_at: string;
}

export const CUSTOMER_COLUMNS =
  'id, name, name_key, phone, nickname, landmark, notes, gstin, state, credit_limit_paise, balance_paise, search_keys, created_at, updated_at';

export const toCustomer = (r: DbCustomer): Customer => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  nickname: r.nickname,
  landmark: r.landmark,
  notes: r.notes,
  gstin: r.gstin,
  state: r.state,
  creditLimitPaise: r.credit_limit_paise,
  balancePaise: r.balance_paise,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Uniqueness is case- and space-insensitive: "rahul  GUPTA" is "Rahul Gupta". */
export const customerNameKey = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');

export function readCustomerRow(db: Db, id: number): DbCustomer | null {
  return prepared<[number], DbCustomer>(db, `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = ?`).get(id) ?? null;
}

export function readCustomer(db: Db, id: number): Customer | null {
  const row = readCustomerRow(db, id);
  return row ? toCustomer(row) : null;
}

/** Customers by id, in the order asked; ids with no customer are left out. */
export function readCustomers(db: Db, ids: readonly number[]): Customer[] {
  if (ids.length === 0) return [];
  const rows = prepared<[string], DbCustomer>(db, `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toCustomer(r)] : [];
  });
}

export function findCustomerByNameKey(db: Db, nameKey: string): { id: number; name: string } | null {
  return prepared<[string], { id: number; name: string }>(db, 'SELECT id, name FROM customers WHERE name_key = ?').get(nameKey) ?? null;
}
