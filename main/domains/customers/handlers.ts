import type { customerCommands } from '../../../common/commands/customers';
import { AppError } from '../../../common/errors';
import { phoneticKeys } from '../../../common/text';
import type { HandlerTable, ReverserTable } from '../../commands/context';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';
import { postLedger } from '../ledger/post';
import { listScheduledReminders } from '../reminders/read';
import { listInvoices } from '../sales/read';
import { customerBalances } from './balances';
import { type DbCustomer, customerNameKey, findCustomerByNameKey, readCustomer, readCustomerRow } from './read';
import { markCustomerChanged, searchCustomers } from './search';

type Names = keyof typeof customerCommands;

/** The columns customer-update may change, by input name. */
const EDITABLE = {
  name: 'name',
  phone: 'phone',
  nickname: 'nickname',
  landmark: 'landmark',
  notes: 'notes',
  gstin: 'gstin',
  state: 'state',
  creditLimitPaise: 'credit_limit_paise',
} as const satisfies Record<string, keyof DbCustomer>;
type EditableColumn = (typeof EDITABLE)[keyof typeof EDITABLE];
type ColumnValues = Partial<Record<EditableColumn, string | number | null>>;
const EDITABLE_COLUMNS = new Set<string>(Object.values(EDITABLE));

interface UpdateUndo {
  customerId: number;
  /** The values before the update, of the columns it changed. */
  previous: ColumnValues;
}

const tidyName = (name: string) => name.trim().replace(/\s+/g, ' ');

/** The phonetic keys kept in customers.search_keys, for inspection and any SQL-side search. */
const searchKeysOf = (c: Pick<DbCustomer, 'name' | 'nickname' | 'landmark' | 'notes'>) =>
  [...new Set([c.name, c.nickname, c.landmark, c.notes].flatMap((t) => (t ? phoneticKeys(t) : [])))].join(' ');

function assertNameFree(db: Db, name: string, exceptId: number | null): void {
  const existing = findCustomerByNameKey(db, customerNameKey(name));
  if (existing && existing.id !== exceptId) throw new AppError('CONFLICT', `Customer already exists: ${existing.name}`, 'name');
}

function requireCustomer(db: Db, id: number): DbCustomer {
  const row = readCustomerRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', `Customer not found: ${id}`, 'customerId');
  return row;
}

/** Writes column values (name_key and search_keys follow the name and words). */
function writeColumns(db: Db, row: DbCustomer, values: ColumnValues, at: string): void {
  const next = { ...row, ...values } as DbCustomer;
  const sets = Object.keys(values).filter((c) => EDITABLE_COLUMNS.has(c));
  const assignments = [...sets.map((c) => `${c} = @${c}`), 'name_key = @name_key', 'search_keys = @search_keys', 'updated_at = @updated_at'];
  prepared(db, `UPDATE customers SET ${assignments.join(', ')} WHERE id = @id`).run({
    ...values,
    id: row.id,
    name_key: customerNameKey(next.name),
    search_keys: searchKeysOf(next),
    updated_at: at,
  });
  markCustomerChanged(db, row.id);
}

export const customerHandlers: HandlerTable<Names> = {
  'customer-create': (ctx, input) => {
    const name = tidyName(input.name);
    assertNameFree(ctx.db, name, null);
    const row = {
      name,
      name_key: customerNameKey(name),
      phone: input.phone ?? null,
      nickname: input.nickname || null,
      landmark: input.landmark || null,
      notes: input.notes || null,
      gstin: input.gstin ?? null,
      state: input.state || null,
      credit_limit_paise: input.creditLimitPaise ?? null,
    };
    const id = Number(
      prepared(
        ctx.db,
        `INSERT INTO customers (name, name_key, phone, nickname, landmark, notes, gstin, state, credit_limit_paise, search_keys, created_at, updated_at)
         VALUES (@name, @name_key, @phone, @nickname, @landmark, @notes, @gstin, @state, @credit_limit_paise, @search_keys, @at, @at)`,
      ).run({ ...row, search_keys: searchKeysOf(row), at: ctx.at }).lastInsertRowid,
    );
    if (input.openingBalancePaise) {
      postLedger(ctx.db, { customerId: id, type: 'OPENING_BALANCE', amountPaise: input.openingBalancePaise, reason: 'OPENING', description: 'Opening balance', at: ctx.at });
    }
    markCustomerChanged(ctx.db, id);
    return readCustomer(ctx.db, id)!;
  },

  'customer-update': (ctx, input) => {
    const row = requireCustomer(ctx.db, input.customerId);
    const given: ColumnValues = {};
    for (const [field, column] of Object.entries(EDITABLE) as [keyof typeof EDITABLE, EditableColumn][]) {
      const value = input[field];
      if (value === undefined) continue;
      // A blank text clears the field, as null does.
      given[column] = typeof value === 'string' ? (field === 'name' ? tidyName(value) : value || null) : value;
    }
    const changed = (Object.keys(given) as EditableColumn[]).filter((c) => given[c] !== row[c]);
    const values: ColumnValues = Object.fromEntries(changed.map((c) => [c, given[c]]));
    if (values.name !== undefined) assertNameFree(ctx.db, values.name as string, row.id);
    ctx.setUndo({ customerId: row.id, previous: Object.fromEntries(changed.map((c) => [c, row[c]])) } satisfies UpdateUndo);
    if (changed.length > 0) writeColumns(ctx.db, row, values, ctx.at);
    return readCustomer(ctx.db, row.id)!;
  },

  'customer-get': (ctx, input) => {
    const customer = readCustomer(ctx.db, input.customerId);
    if (!customer) throw new AppError('NOT_FOUND', `Customer not found: ${input.customerId}`, 'customerId');
    return {
      ...customer,
      invoices: listInvoices(ctx.db, { limit: 5, customerId: customer.id }),
      reminders: listScheduledReminders(ctx.db, customer.id),
    };
  },

  'customer-search': (ctx, input) => searchCustomers(ctx.db, input.q, input.limit),

  'customer-balances': (ctx, input) => customerBalances(ctx.db, input),
};

export const customerReversers: ReverserTable<Names> = {
  'customer-update': (ctx, data) => {
    const { customerId, previous } = data as UpdateUndo;
    const row = requireCustomer(ctx.db, customerId);
    const values: ColumnValues = Object.fromEntries(Object.entries(previous).filter(([c]) => EDITABLE_COLUMNS.has(c)));
    if (Object.keys(values).length === 0) return `Nothing had changed for ${row.name}`;
    if (typeof values.name === 'string') {
      const other = findCustomerByNameKey(ctx.db, customerNameKey(values.name));
      if (other && other.id !== row.id) throw new AppError('CONFLICT', `Cannot undo: another customer is now called ${other.name}`, 'name');
    }
    writeColumns(ctx.db, row, values, ctx.at);
    return `Changes to ${typeof values.name === 'string' ? values.name : row.name} undone`;
  },
};
