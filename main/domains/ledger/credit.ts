// The customer as the khata sees them, and the credit-limit rule shared by bills and udhaar.
import { AppError } from '../../../common/errors';
import { formatRupees } from '../../../common/money';
import type { CommandContext } from '../../commands/context';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';

export interface KhataCustomer {
  id: number;
  name: string;
  state: string | null;
  credit_limit_paise: number | null;
  balance_paise: number;
}

export function requireKhataCustomer(db: Db, id: number, field = 'customerId'): KhataCustomer {
  const c = prepared<[number], KhataCustomer>(db, 'SELECT id, name, state, credit_limit_paise, balance_paise FROM customers WHERE id = ?').get(id);
  if (!c) throw new AppError('NOT_FOUND', `Customer not found: ${id}`, field);
  return c;
}

/**
 * Refuses new udhaar that takes a customer past their limit, unless the owner allows it (a cashier
 * asking is FORBIDDEN). Returns true when the owner's override was used; the audit row notes it.
 */
export function checkCreditLimit(ctx: CommandContext, c: KhataCustomer, addPaise: number, allowOver: boolean, what: 'bill' | 'udhaar'): boolean {
  const limit = c.credit_limit_paise;
  if (limit === null) return false;
  const after = c.balance_paise + addPaise;
  if (after <= limit) return false;
  const words =
    `Credit limit crossed for ${c.name}: balance ${formatRupees(c.balance_paise)} + this ${what} ${formatRupees(addPaise)} = ${formatRupees(after)}, ` +
    `over the limit ${formatRupees(limit)} by ${formatRupees(after - limit)}.`;
  if (!allowOver) {
    throw new AppError('CREDIT_LIMIT', `${words} Take a part payment, or the owner can allow this ${what}.`);
  }
  if (ctx.actor.role !== 'owner') {
    throw new AppError('FORBIDDEN', `${words} Only the owner can allow a ${what} over the credit limit. Ask the owner to enter the PIN.`, 'allowOverCreditLimit');
  }
  ctx.auditNote(`owner allowed over credit limit: ${words}`);
  return true;
}
