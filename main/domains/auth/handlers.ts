import { type authCommands, MAX_PIN_FAILURES, OWNER_UNLOCK_MS, PIN_LOCKOUT_MS } from '../../../common/commands/auth';
import { AppError } from '../../../common/errors';
import type { HandlerTable } from '../../commands/context';
import { logger } from '../../log';
import { formatWait, hashPin, readLockout, readPinRecord, verifyPin, writeLockout, writePinRecord } from './pin';

type Names = keyof typeof authCommands;

const log = logger('auth');

export const authHandlers: HandlerTable<Names> = {
  'owner-pin-set': (ctx, input) => {
    const existing = readPinRecord(ctx.db);
    if (existing && ctx.actor.role !== 'owner') {
      throw new AppError('FORBIDDEN', 'An owner PIN is already set: only the owner can change it. Unlock with the current PIN first.', 'pin');
    }
    writePinRecord(ctx.db, hashPin(input.pin.reveal()));
    writeLockout(ctx.db, { failures: 0, lockedUntil: 0 });
    ctx.auditNote(existing ? 'owner PIN changed' : 'owner PIN set for the first time');
    return { pinSet: true };
  },

  'owner-unlock': (ctx, input) => {
    const record = readPinRecord(ctx.db);
    if (!record) throw new AppError('CONFLICT', 'No owner PIN is set yet: set one first (Settings, Owner PIN).');
    const now = ctx.clock.now().getTime();
    const lockout = readLockout(ctx.db);
    if (lockout.lockedUntil > now) {
      throw new AppError('FORBIDDEN', `Too many wrong PINs: the owner PIN is locked. Try again in ${formatWait(lockout.lockedUntil - now)}.`, 'pin');
    }
    if (verifyPin(record, input.pin.reveal())) {
      if (lockout.failures > 0 || lockout.lockedUntil > 0) writeLockout(ctx.db, { failures: 0, lockedUntil: 0 });
      return { role: 'owner', expiresAt: new Date(now + OWNER_UNLOCK_MS).toISOString() };
    }
    // A lockout that has run out starts the count again.
    const failures = (lockout.lockedUntil > 0 ? 0 : lockout.failures) + 1;
    log.warn(`wrong owner PIN (${failures} in a row, source ${ctx.actor.source}, ${ctx.actor.who})`);
    if (failures >= MAX_PIN_FAILURES) {
      writeLockout(ctx.db, { failures: 0, lockedUntil: now + PIN_LOCKOUT_MS });
      throw new AppError('FORBIDDEN', `Wrong PIN. After ${MAX_PIN_FAILURES} wrong PINs the owner PIN is locked: try again in ${formatWait(PIN_LOCKOUT_MS)}.`, 'pin');
    }
    writeLockout(ctx.db, { failures, lockedUntil: 0 });
    const left = MAX_PIN_FAILURES - failures;
    throw new AppError('FORBIDDEN', `Wrong PIN: ${left} ${left === 1 ? 'try' : 'tries'} left before a ${formatWait(PIN_LOCKOUT_MS)} lock.`, 'pin');
  },

  // Nothing to do here: the unlock lives with its holder (a token, Electron's main process).
  'owner-lock': () => ({ role: 'cashier' }),

  'auth-status': (ctx) => {
    const lockout = readLockout(ctx.db);
    const now = ctx.clock.now().getTime();
    return {
      pinSet: readPinRecord(ctx.db) !== null,
      lockedUntil: lockout.lockedUntil > now ? new Date(lockout.lockedUntil).toISOString() : null,
      role: ctx.actor.role,
      expiresAt: null,
    };
  },
};
