// The owner's PIN. The screen opens as cashier; the PIN unlocks the owner's role for a while. Who
// holds the unlock is the caller's business (the HTTP API hands out a token, Electron's main process
// keeps it), never the screen's say-so: these commands only check and store the PIN.
import { z } from 'zod';
import { command } from './define';
import type { Role } from '../actor';

/** How long an owner unlock lasts. */
export const OWNER_UNLOCK_MS = 10 * 60_000;
/** Wrong PINs in a row before a lockout, and how long it lasts. */
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCKOUT_MS = 5 * 60_000;

/**
 * A PIN after validation. The dispatcher writes every mutation's input to the audit log as JSON, so
 * the digits hide behind toJSON and are read only with reveal().
 */
export class SecretPin {
  readonly #digits: string;
  constructor(digits: string) {
    this.#digits = digits;
  }
  reveal(): string {
    return this.#digits;
  }
  toJSON(): string {
    return '[hidden]';
  }
}

export const Pin = z
  .string({ message: 'pin is required: 4 to 8 digits' })
  .trim()
  .regex(/^\d{4,8}$/, 'must be 4 to 8 digits')
  .transform((digits) => new SecretPin(digits));

export interface AuthStatus {
  pinSet: boolean;
  /** While too many wrong PINs keep the owner locked out: until when (ISO 8601). */
  lockedUntil: string | null;
  /** The caller's role as the services saw it. */
  role: Role;
  /** When the caller's owner unlock ends; filled in by whoever holds the unlock. */
  expiresAt: string | null;
}

export interface OwnerUnlock {
  role: 'owner';
  expiresAt: string;
}

export const authCommands = {
  'owner-pin-set': command<{ pinSet: true }>()({
    input: z.object({ pin: Pin }),
    mutates: true,
    // The first PIN may be set at the counter; once one is set the handler asks for the owner.
    role: 'cashier',
    undo: 'none',
    description: 'Set the owner’s PIN (4 to 8 digits). The first PIN may be set by anyone; changing it needs the owner.',
  }),
  'owner-unlock': command<OwnerUnlock>()({
    input: z.object({ pin: Pin }),
    // Not a transactional mutation: the wrong-PIN count must survive the error that reports it, so
    // the handler writes only that counter, outside the dispatcher's transaction.
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'Check the owner’s PIN and unlock the owner’s role for 10 minutes; 5 wrong PINs lock it for 5 minutes.',
  }),
  'owner-lock': command<{ role: 'cashier' }>()({
    input: z.object({}),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'End the owner’s unlock now and go back to cashier.',
  }),
  'auth-status': command<AuthStatus>()({
    input: z.object({}),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'Whether an owner PIN is set, any lockout, and the caller’s role.',
  }),
} as const;
