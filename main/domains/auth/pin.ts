// The owner's PIN, stored hashed (scrypt with a random salt) in the settings table, and the
// wrong-PIN lockout. A 4-8 digit PIN is weak against an offline guess at a copied database; the
// hash keeps it from being read off a backup, and the lockout is what stops guessing at the counter.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db';

const PIN_KEY = 'ownerPin';
const LOCKOUT_KEY = 'ownerPinLockout';
/** N = 2^14, r = 8: 16 MiB and a few tens of milliseconds per check. */
const SCRYPT = { N: 1 << 14, r: 8, p: 1, keylen: 32 } as const;

export interface PinRecord {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

export interface Lockout {
  /** Wrong PINs in a row since the last success or lockout. */
  failures: number;
  /** Epoch ms until which every PIN is refused; 0 when not locked. */
  lockedUntil: number;
}

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): PinRecord {
  const hash = scryptSync(pin, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return { alg: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export function verifyPin(record: PinRecord, pin: string): boolean {
  const expected = Buffer.from(record.hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(record.salt, 'base64'), expected.length, { N: record.N, r: record.r, p: record.p });
  return timingSafeEqual(actual, expected);
}

function readJson<T>(db: Db, key: string): T | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

function writeJson(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export const readPinRecord = (db: Db): PinRecord | null => readJson<PinRecord>(db, PIN_KEY);
export const writePinRecord = (db: Db, record: PinRecord): void => writeJson(db, PIN_KEY, record);
export const readLockout = (db: Db): Lockout => readJson<Lockout>(db, LOCKOUT_KEY) ?? { failures: 0, lockedUntil: 0 };
export const writeLockout = (db: Db, lockout: Lockout): void => writeJson(db, LOCKOUT_KEY, lockout);

/** "4 min 05 s", "40 s": how long is left, for the cashier. */
export function formatWait(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const min = Math.floor(total / 60);
  const sec = total % 60;
  return min > 0 ? `${min} min ${String(sec).padStart(2, '0')} s` : `${sec} s`;
}
