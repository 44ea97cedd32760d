// Reminders waiting for their time. Delivery over WhatsApp is a later piece; here the queue holds a
// timer per reminder and hands due ones to a deliver() callback. The database row is the truth:
// a delivery job re-reads it, so a timer left behind by a rolled-back transaction does nothing.
import { logger } from '../log';

const log = logger('reminders');
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ReminderQueue {
  /** Throws when the reminder cannot be queued; the caller then marks it FAILED. */
  enqueue(id: number, at: Date): void;
  cancel(id: number): void;
  pending(): number[];
  close(): void;
}

export function createReminderQueue(deliver: (id: number) => void = () => {}, now: () => number = Date.now): ReminderQueue {
  const timers = new Map<number, NodeJS.Timeout>();
  let closed = false;
  const arm = (id: number, atMs: number) => {
    const wait = Math.max(0, atMs - now());
    const t = setTimeout(() => {
      if (atMs - now() > 0) return arm(id, atMs); // long waits are re-armed in steps
      timers.delete(id);
      try {
        deliver(id);
      } catch (e) {
        log.error(`reminder ${id} delivery failed`, e);
      }
    }, Math.min(wait, MAX_TIMER_MS));
    t.unref();
    timers.set(id, t);
  };
  return {
    enqueue(id, at) {
      if (closed) throw new Error('the reminder queue is closed');
      if (Number.isNaN(at.getTime())) throw new Error('the reminder time is not a valid date');
      const old = timers.get(id);
      if (old) clearTimeout(old);
      arm(id, at.getTime());
    },
    cancel(id) {
      const t = timers.get(id);
      if (t) clearTimeout(t);
      timers.delete(id);
    },
    pending: () => [...timers.keys()],
    close() {
      closed = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
