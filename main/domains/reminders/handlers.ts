import type { reminderCommands } from '../../../common/commands/reminders';
import { AppError } from '../../../common/errors';
import { parseWhen } from '../../../common/hinglish/datetime';
import { formatRupees } from '../../../common/money';
import type { HandlerTable, ReverserTable } from '../../commands/context';
import type { ReminderQueue } from '../../jobs/reminder-queue';
import { listScheduledReminders, readReminder } from './read';

type Names = keyof typeof reminderCommands;

/** The reference's default text. */
export function defaultReminderMessage(name: string, amountPaise: number): string {
  const amount = formatRupees(amountPaise, { symbol: false, decimals: amountPaise % 100 !== 0 });
  return `Namaste ${name} ji,\n\n₹${amount} payment pending hai. Kripya payment kar dein. 🙏\n\nDhanyavad`;
}

interface CustomerRow {
  id: number;
  name: string;
  phone: string | null;
  balance_paise: number;
}

export function reminderHandlers(queue: ReminderQueue): HandlerTable<Names> {
  return {
    'reminder-create': (ctx, input) => {
      const c = ctx.db.prepare('SELECT id, name, phone, balance_paise FROM customers WHERE id = ?').get(input.customerId) as CustomerRow | undefined;
      if (!c) throw new AppError('NOT_FOUND', `Customer not found: ${input.customerId}`, 'customerId');
      if (!c.phone) throw new AppError('VALIDATION', `${c.name} has no phone number: add one to the customer first`, 'customerId');
      const amount = input.amountPaise ?? c.balance_paise;
      if (amount <= 0) throw new AppError('VALIDATION', `amount is required: ${c.name} owes nothing right now`, 'amount');
      const now = ctx.clock.now();
      const when = parseWhen(input.datetime ?? '', now);
      const message = input.message?.trim() || defaultReminderMessage(c.name, amount);
      const id = Number(
        ctx.db
          .prepare(
            `INSERT INTO reminders (customer_id, phone, amount_paise, message, send_at, status, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)`,
          )
          .run(c.id, c.phone, amount, message, when.at.toISOString(), ctx.at, ctx.at).lastInsertRowid,
      );
      try {
        queue.enqueue(id, when.at);
      } catch (e) {
        // Never left SCHEDULED when it could not be queued.
        ctx.db
          .prepare(`UPDATE reminders SET status = 'FAILED', last_error = ?, updated_at = ? WHERE id = ?`)
          .run(`Could not be queued: ${(e as Error).message}`, ctx.at, id);
      }
      ctx.setUndo({ reminderId: id });
      return readReminder(ctx.db, id)!;
    },
    'reminder-list': (ctx, input) => listScheduledReminders(ctx.db, input.customerId),
    'reminder-cancel': (ctx, input) => {
      const r = readReminder(ctx.db, input.reminderId);
      if (!r) throw new AppError('NOT_FOUND', `Reminder not found: ${input.reminderId}`, 'reminderId');
      if (r.status !== 'SCHEDULED') throw new AppError('CONFLICT', `This reminder is already ${r.status.toLowerCase()}: only a scheduled reminder can be cancelled`);
      ctx.db.prepare(`UPDATE reminders SET status = 'CANCELLED', updated_at = ? WHERE id = ?`).run(ctx.at, r.id);
      queue.cancel(r.id);
      return readReminder(ctx.db, r.id)!;
    },
  };
}

export function reminderReversers(queue: ReminderQueue): ReverserTable<Names> {
  return {
    'reminder-create': (ctx, data) => {
      const { reminderId } = data as { reminderId: number };
      const r = readReminder(ctx.db, reminderId);
      if (r && r.status === 'SCHEDULED') {
        ctx.db.prepare(`UPDATE reminders SET status = 'CANCELLED', updated_at = ? WHERE id = ?`).run(ctx.at, r.id);
        queue.cancel(r.id);
      }
      return r ? `Reminder for ${r.customerName} cancelled` : 'Reminder already gone';
    },
  };
}
