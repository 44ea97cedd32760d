import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../common/actor';
import { createServices, type Services } from '../../services';
import { fixedClock } from '../../commands/context';
import { formatWait, hashPin, verifyPin } from './pin';

const cashier: Actor = { role: 'cashier', source: 'keyboard', who: 'cashier' };
const owner: Actor = { role: 'owner', source: 'touch', who: 'owner' };

let s: Services;
afterEach(() => s?.close());

function shop() {
  const clock = fixedClock('2026-03-10T05:30:00.000Z');
  s = createServices({ dataDir: null, clock });
  return { s, clock };
}

describe('owner PIN', () => {
  it('is stored as a salted scrypt hash, never as digits, and the audit row hides it', () => {
    const { s } = shop();
    expect(s.dispatcher.dispatch('owner-pin-set', { pin: '4321' }, cashier)).toEqual({ ok: true, value: { pinSet: true } });
    const stored = s.db.prepare(`SELECT value FROM settings WHERE key = 'ownerPin'`).get() as { value: string };
    expect(stored.value).not.toContain('4321');
    expect(JSON.parse(stored.value)).toMatchObject({ alg: 'scrypt', salt: expect.any(String), hash: expect.any(String) });
    const audit = s.db.prepare(`SELECT input_json, note FROM audit_log WHERE command = 'owner-pin-set'`).get() as { input_json: string; note: string };
    expect(audit.input_json).toBe('{"pin":"[hidden]"}');
    expect(audit.note).toMatch(/first time/);
  });

  it('two hashes of one PIN differ (salt) and each verifies only that PIN', () => {
    const a = hashPin('123456');
    const b = hashPin('123456');
    expect(a.hash).not.toBe(b.hash);
    expect(verifyPin(a, '123456')).toBe(true);
    expect(verifyPin(b, '123456')).toBe(true);
    expect(verifyPin(a, '123457')).toBe(false);
  });

  it('the first PIN may be set by the cashier; changing it needs the owner', () => {
    const { s } = shop();
    expect(s.dispatcher.dispatch('owner-pin-set', { pin: '1111' }, cashier).ok).toBe(true);
    const r = s.dispatcher.dispatch('owner-pin-set', { pin: '2222' }, cashier);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'pin' } });
    expect(s.dispatcher.dispatch('owner-pin-set', { pin: '2222' }, owner).ok).toBe(true);
    expect(s.dispatcher.dispatch('owner-unlock', { pin: '2222' }, cashier).ok).toBe(true);
  });

  it('refuses a PIN that is not 4 to 8 digits, naming the field', () => {
    const { s } = shop();
    for (const pin of ['123', '123456789', '12a4', '']) {
      const r = s.dispatcher.dispatch('owner-pin-set', { pin }, cashier);
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'pin' } });
    }
  });

  it('unlocks for 10 minutes with the right PIN', () => {
    const { s } = shop();
    s.dispatcher.dispatch('owner-pin-set', { pin: '2468' }, cashier);
    expect(s.dispatcher.dispatch('owner-unlock', { pin: '2468' }, cashier)).toEqual({
      ok: true,
      value: { role: 'owner', expiresAt: '2026-03-10T05:40:00.000Z' },
    });
  });

  it('says to set a PIN first when none is set', () => {
    const { s } = shop();
    expect(s.dispatcher.dispatch('owner-unlock', { pin: '2468' }, cashier)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/set one first/) } });
  });

  it('locks for 5 minutes after 5 wrong PINs, with the time left in the message, even for the right PIN', () => {
    const { s, clock } = shop();
    s.dispatcher.dispatch('owner-pin-set', { pin: '2468' }, cashier);
    const wrong = () => s.dispatcher.dispatch('owner-unlock', { pin: '0000' }, cashier);
    expect(wrong()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Wrong PIN: 4 tries left before a 5 min 00 s lock.' } });
    for (let i = 0; i < 3; i++) wrong();
    expect(wrong()).toMatchObject({ ok: false, error: { message: expect.stringMatching(/locked: try again in 5 min 00 s/) } });
    clock.advance(48_000);
    const locked = s.dispatcher.dispatch('owner-unlock', { pin: '2468' }, cashier);
    expect(locked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Too many wrong PINs: the owner PIN is locked. Try again in 4 min 12 s.' } });
    expect(s.dispatcher.dispatch('auth-status', {}, cashier)).toMatchObject({ ok: true, value: { pinSet: true, lockedUntil: '2026-03-10T05:35:00.000Z' } });
    clock.advance(4 * 60_000 + 12_000);
    expect(s.dispatcher.dispatch('owner-unlock', { pin: '2468' }, cashier).ok).toBe(true);
    expect(s.dispatcher.dispatch('auth-status', {}, cashier)).toMatchObject({ ok: true, value: { lockedUntil: null } });
  });

  it('the count survives the error and a right PIN resets it', () => {
    const { s } = shop();
    s.dispatcher.dispatch('owner-pin-set', { pin: '2468' }, cashier);
    for (let i = 0; i < 4; i++) s.dispatcher.dispatch('owner-unlock', { pin: '0000' }, cashier);
    expect(s.dispatcher.dispatch('owner-unlock', { pin: '2468' }, cashier).ok).toBe(true);
    expect(s.dispatcher.dispatch('owner-unlock', { pin: '0000' }, cashier)).toMatchObject({ ok: false, error: { message: /4 tries left/ } });
  });

  it('auth-status reports the caller’s role and whether a PIN is set', () => {
    const { s } = shop();
    expect(s.dispatcher.dispatch('auth-status', {}, owner)).toEqual({ ok: true, value: { pinSet: false, lockedUntil: null, role: 'owner', expiresAt: null } });
  });

  it('formats the wait for the cashier', () => {
    expect(formatWait(300_000)).toBe('5 min 00 s');
    expect(formatWait(40_000)).toBe('40 s');
    expect(formatWait(1)).toBe('1 s');
  });
});
