// Cancelling a reminder by voice: the one the words point at ("kal wala", "shukravar 7 baje wala",
// "500 wala"), or the customer's only one; every one on "saare". When several fit and nothing
// tells them apart, ask which, rather than cancel them all.
import { rupeesInWords } from '../../../common/hinglish/spoken';
import type { Reminder } from '../../../common/types';
import type { UnderstoodFrame } from '../intent/engine';
import { say } from '../reply/say';
import { whenInWords } from '../reply/when';
import { fail, ok, paiseOf, run, type Customer, type RunContext, type Step } from './steps';

const IST_OFFSET_MS = 330 * 60_000;
const istDay = (iso: string) => new Date(Date.parse(iso) + IST_OFFSET_MS).toISOString().slice(0, 10);
const istClock = (iso: string) => new Date(Date.parse(iso) + IST_OFFSET_MS).toISOString().slice(11, 16);

/** The reminders the frame's day, time and amount fit (all of them when none was said). */
export function remindersMeant(list: readonly Reminder[], frame: UnderstoodFrame): Reminder[] {
  const e = frame.entities;
  const at = typeof e.datetime === 'string' ? e.datetime : null;
  const amountPaise = paiseOf(e.amount);
  return list.filter((r) => {
    if (at && istDay(r.sendAt) !== istDay(at)) return false;
    if (at && e.timeSaid === true && istClock(r.sendAt) !== istClock(at)) return false;
    return amountPaise === null || r.amountPaise === amountPaise;
  });
}

export function cancelReminder(ctx: RunContext, frame: UnderstoodFrame, customer: Customer): Step {
  const intent = frame.intent;
  const list = run(ctx, 'reminder-list', { customerId: customer.id });
  if (!list.ok) return fail(ctx, intent, list.error.message);
  if (list.value.length === 0) return ok(ctx, intent, [], say.remindersCancelled(customer.name, 0));
  const meant = remindersMeant(list.value, frame);
  if (meant.length === 0) return fail(ctx, intent, 'no such reminder', `${customer.name} ka aisa koi reminder nahi hai.`);
  const cancel = (c: RunContext, reminders: readonly Reminder[]) => {
    const done: Reminder[] = [];
    for (const reminder of reminders) {
      const r = run(c, 'reminder-cancel', { reminderId: reminder.id });
      if (!r.ok) return fail(c, intent, r.error.message);
      done.push(r.value);
    }
    return ok(c, intent, done, say.remindersCancelled(customer.name, done.length));
  };
  if (meant.length === 1 || frame.entities.all === true) return cancel(ctx, meant);
  const describe = (r: Reminder) => `${whenInWords(new Date(r.sendAt), ctx.now)}, ${rupeesInWords(r.amountPaise)}`;
  const options = meant.map((r) => ({ id: r.id, name: describe(r) }));
  return {
    task: { taskId: ctx.taskId, intent, ok: true, result: { awaiting: 'choice', reminderIds: meant.map((r) => r.id) } },
    reply: `${customer.name} ke ${meant.length} reminder hain: ${options.map((o) => o.name).join('; ')}. Kaunsa hatana hai?`,
    ask: {
      kind: 'choice',
      options,
      frame,
      choose: (c, option) => {
        const reminder = meant.find((r) => r.id === option.id);
        return reminder ? cancel(c, [reminder]) : fail(c, intent, 'no such reminder');
      },
    },
  };
}
