import type { Reminder } from '../../../common/types';
import type { Db } from '../../db';

interface ReminderRow {
  id: number;
  customer_id: number;
  customer_name: string;
  phone: string;
  amount_paise: number;
  message: string;
  send_at: string;
  status: Reminder['status'];
  last_error: string | null;
  created_at: string;
}

const toReminder = (r: ReminderRow): Reminder => ({
  id: r.id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  phone: r.phone,
  amountPaise: r.amount_paise,
  message: r.message,
  sendAt: r.send_at,
  status: r.status,
  lastError: r.last_error,
  createdAt: r.created_at,
});

const SELECT = `SELECT r.*, c.name AS customer_name FROM reminders r JOIN customers c ON c.id = r.customer_id`;

export function readReminder(db: Db, id: number): Reminder | null {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as ReminderRow | undefined;
  return row ? toReminder(row) : null;
}

/** SCHEDULED reminders, soonest first, optionally for one customer. */
export function listScheduledReminders(db: Db, customerId?: number): Reminder[] {
  const rows = (
    customerId === undefined
      ? db.prepare(`${SELECT} WHERE r.status = 'SCHEDULED' ORDER BY r.send_at, r.id`).all()
      : db.prepare(`${SELECT} WHERE r.status = 'SCHEDULED' AND r.customer_id = ? ORDER BY r.send_at, r.id`).all(customerId)
  ) as ReminderRow[];
  return rows.map(toReminder);
}
