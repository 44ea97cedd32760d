import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../services';
import { fixedClock } from '../../commands/context';
import { createReminderQueue } from '../../jobs/reminder-queue';
import type { Actor } from '../../../common/actor';

const cashier: Actor = { role: 'cashier', source: 'keyboard', who: 'test' };
let services: Services;
afterEach(() => services?.close());

function shop(queue = createReminderQueue()) {
  // 2026-03-10 11:00 IST, a Tuesday.
  const clock = fixedClock('2026-03-10T05:30:00.000Z');
  services = createServices({ dataDir: null, clock, reminderQueue: queue });
  const at = clock.now().toISOString();
  const add = services.db.prepare('INSERT INTO customers (name, name_key, phone, balance_paise, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  add.run('Rahul Gupta', 'rahul gupta', '9876543210', 150_000, at, at);
  add.run('Pinky', 'pinky', null, 7_500, at, at);
  return services;
}

describe('reminders', () => {
  it('parses "kal 7 baje" as tomorrow 19:00 IST and uses the reference default message', () => {
    const s = shop();
    const r = s.dispatcher.dispatch('reminder-create', { customerId: 1, datetime: 'kal 7 baje' }, cashier);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sendAt).toBe('2026-03-11T13:30:00.000Z');
    expect(r.value.amountPaise).toBe(150_000);
    expect(r.value.status).toBe('SCHEDULED');
    expect(r.value.message).toBe('Namaste Rahul Gupta ji,\n\n₹1,500 payment pending hai. Kripya payment kar dein. 🙏\n\nDhanyavad');
  });

  it.each([
    ['kal 10 baje', '2026-03-11T16:30:00.000Z'],
    ['aaj 5 baje', '2026-03-10T11:30:00.000Z'],
    ['tomorrow', '2026-03-11T13:30:00.000Z'],
    ['2026-04-01T10:00:00Z', '2026-04-01T10:00:00.000Z'],
    ['blah blah', '2026-03-10T06:30:00.000Z'],
  ])('"%s" is %s', (words, iso) => {
    const s = shop();
    const r = s.dispatcher.dispatch('reminder-create', { customerId: 1, amountPaise: 50_000, datetime: words }, cashier);
    expect(r.ok && r.value.sendAt).toBe(iso);
  });

  it('refuses a customer without a phone or unknown, and writes nothing', () => {
    const s = shop();
    const noPhone = s.dispatcher.dispatch('reminder-create', { customerId: 2 }, cashier);
    expect(noPhone).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'customerId' } });
    expect(!noPhone.ok && noPhone.error.message).toMatch(/Pinky has no phone/);
    const unknown = s.dispatcher.dispatch('reminder-create', { customerId: 99 }, cashier);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(s.db.prepare('SELECT count(*) AS n FROM reminders').get()).toEqual({ n: 0 });
  });

  it('marks a reminder FAILED, never SCHEDULED, when it cannot be queued', () => {
    const q = createReminderQueue();
    q.close();
    const s = shop(q);
    const r = s.dispatcher.dispatch('reminder-create', { customerId: 1, datetime: 'kal 7 baje' }, cashier);
    expect(r.ok && r.value.status).toBe('FAILED');
    expect(r.ok && r.value.lastError).toMatch(/queue/);
    const list = s.dispatcher.dispatch('reminder-list', {}, cashier);
    expect(list.ok && list.value).toEqual([]);
  });

  it('lists scheduled ones per customer, cancels, and undo cancels a new reminder', () => {
    const q = createReminderQueue();
    const s = shop(q);
    const a = s.dispatcher.dispatch('reminder-create', { customerId: 1, datetime: 'kal 7 baje' }, cashier);
    const b = s.dispatcher.dispatch('reminder-create', { customerId: 1, datetime: 'aaj 5 baje' }, cashier);
    expect(a.ok && b.ok).toBe(true);
    const list = s.dispatcher.dispatch('reminder-list', { customerId: 1 }, cashier);
    expect(list.ok && list.value.map((r) => r.id)).toEqual([2, 1]); // soonest first
    expect(q.pending().sort()).toEqual([1, 2]);
    const c = s.dispatcher.dispatch('reminder-cancel', { reminderId: 1 }, cashier);
    expect(c.ok && c.value.status).toBe('CANCELLED');
    expect(s.dispatcher.dispatch('reminder-cancel', { reminderId: 1 }, cashier)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(s.dispatcher.dispatch('reminder-cancel', { reminderId: 9 }, cashier)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The last mutation was a cancel (not undoable); undo says so and changes nothing.
    expect(s.dispatcher.dispatch('undo-last', {}, cashier)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('undo-last reverses the latest reminder-create', () => {
    const s = shop();
    s.dispatcher.dispatch('reminder-create', { customerId: 1, datetime: 'kal 7 baje' }, cashier);
    const u = s.dispatcher.dispatch('undo-last', {}, cashier);
    expect(u).toMatchObject({ ok: true, value: { undone: 'reminder-create' } });
    expect(s.dispatcher.dispatch('reminder-list', {}, cashier)).toEqual({ ok: true, value: [] });
    const audit = s.db.prepare('SELECT command, undoes_id FROM audit_log ORDER BY id').all();
    expect(audit).toEqual([
      { command: 'reminder-create', undoes_id: null },
      { command: 'undo-last', undoes_id: 1 },
    ]);
    expect(s.dispatcher.dispatch('undo-last', {}, cashier)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
