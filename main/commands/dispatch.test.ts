import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServices } from '../services';
import { fixedClock } from './context';
import { createDispatcher, zodErrorToAppError } from './dispatch';
import { buildHandlers } from './table';
import { createReminderQueue } from '../jobs/reminder-queue';
import type { Actor } from '../../common/actor';

const owner: Actor = { role: 'owner', source: 'keyboard', who: 'owner' };
const cashier: Actor = { role: 'cashier', source: 'scanner', who: 'counter-1' };

describe('dispatcher', () => {
  it('refuses an owner-only command for a cashier and writes nothing', () => {
    const s = createServices({ dataDir: null, clock: fixedClock('2026-03-10T05:30:00Z') });
    const r = s.dispatcher.dispatch('settings-update', { name: 'X' }, cashier);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!r.ok && r.error.message).toMatch(/Only the owner.*PIN/);
    expect(s.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    s.close();
  });

  it('names the field in validation errors', () => {
    const s = createServices({ dataDir: null });
    const r = s.dispatcher.dispatch('settings-update', { upiVpa: 'not a vpa' }, owner);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'upiVpa' } });
    expect(!r.ok && r.error.message).toMatch(/^upiVpa must look like name@bank/);
    s.close();
  });

  it('requires an actor with a role and a source (no defaults)', () => {
    const s = createServices({ dataDir: null });
    expect(s.dispatcher.dispatch('settings-get', {}, { role: 'owner' } as unknown as Actor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(s.dispatcher.dispatch('nope' as 'settings-get', {}, owner)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    s.close();
  });

  it('writes one audit row per mutation with who, when and source', () => {
    const s = createServices({ dataDir: null, clock: fixedClock('2026-03-10T05:30:00Z') });
    expect(s.dispatcher.dispatch('settings-update', { name: 'Sharma General Store' }, owner).ok).toBe(true);
    expect(s.dispatcher.dispatch('settings-get', {}, cashier).ok).toBe(true);
    expect(s.db.prepare('SELECT at, who, role, source, command FROM audit_log').all()).toEqual([
      { at: '2026-03-10T05:30:00.000Z', who: 'owner', role: 'owner', source: 'keyboard', command: 'settings-update' },
    ]);
    s.close();
  });

  it('rolls back everything a failing handler wrote and hides the raw error', () => {
    const s = createServices({ dataDir: null });
    const handlers = buildHandlers({ reminderQueue: createReminderQueue() });
    handlers['settings-update'] = (ctx) => {
      ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('name', '\"half\"')").run();
      throw new TypeError('boom');
    };
    const d = createDispatcher({ db: s.db, clock: s.clock, handlers });
    const events: unknown[] = [];
    d.onCommand((e) => events.push(e));
    const r = d.dispatch('settings-update', { name: 'x' }, owner);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!r.ok && r.error.message).not.toMatch(/boom/);
    expect(s.db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    expect(s.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    expect(events).toMatchObject([{ name: 'settings-update', ok: false, code: 'INTERNAL' }]);
    s.close();
  });

  it('zodErrorToAppError puts the field first', () => {
    const r = z.object({ items: z.array(z.object({ quantity: z.number().positive('must be more than zero') })) }).safeParse({ items: [{ quantity: 0 }] });
    expect(r.success).toBe(false);
    if (!r.success) expect(zodErrorToAppError(r.error)).toMatchObject({ field: 'items.0.quantity', message: 'items.0.quantity must be more than zero' });
  });
});
