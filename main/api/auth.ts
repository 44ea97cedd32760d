// Who is calling the local API. No token: the cashier at this counter. The owner's bearer token
// (written to the data folder, 0600, on first start) acts as owner; so does a token handed out for a
// while after the owner's PIN. LAN devices pair with a short code for a cashier token of their own,
// kept (hashed) in the data folder so a restart does not unpair them.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '../../common/actor';
import { sourceOf } from './route';

export interface TokenInfo {
  role: Role;
  who: string;
  /** May be used from another machine on the LAN (a paired device's token, or a PIN unlock it asked for). */
  lan: boolean;
  /** Epoch ms when it stops working; null for tokens without an end. */
  expires: number | null;
}

export interface PairedDevice {
  id: string;
  name: string;
  pairedAt: string;
}

export interface PairingCode {
  code: string;
  expiresAt: string;
}

export interface TokenStore {
  ownerToken: string;
  /** Extra tokens with their role and expiry (PIN unlocks). */
  issue(role: Role, ttlMs: number | null, who: string, opts?: { lan?: boolean }): string;
  roleOf(token: string, now: number): TokenInfo | null;
  revoke(token: string): void;
  /** Starts pairing: a 6-digit code, valid for PAIRING_CODE_MS; a new start replaces the old code. */
  startPairing(now: number): PairingCode;
  /** A device's code for a cashier token of its own; null when the code is wrong, used up or expired. */
  pair(code: string, deviceName: string, now: number): { token: string; device: PairedDevice } | null;
  devices(): PairedDevice[];
  unpair(id: string): boolean;
}

export const PAIRING_CODE_MS = 3 * 60_000;
/** Wrong codes before the code is thrown away (a million codes, five guesses). */
export const PAIRING_MAX_TRIES = 5;

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface StoredDevice extends PairedDevice {
  tokenHash: string;
}

export function createTokenStore(dataDir: string | null, clock: () => number = () => Date.now()): TokenStore {
  let ownerToken: string;
  const file = dataDir ? join(dataDir, 'owner-token') : null;
  if (file && existsSync(file)) ownerToken = readFileSync(file, 'utf8').trim();
  else {
    ownerToken = randomBytes(24).toString('base64url');
    if (file) writeFileSync(file, ownerToken + '\n', { mode: 0o600 });
  }
  const extra = new Map<string, TokenInfo>();

  const devicesFile = dataDir ? join(dataDir, 'paired-devices.json') : null;
  let devices: StoredDevice[] = devicesFile && existsSync(devicesFile) ? (JSON.parse(readFileSync(devicesFile, 'utf8')) as StoredDevice[]) : [];
  const saveDevices = () => {
    if (devicesFile) writeFileSync(devicesFile, JSON.stringify(devices, null, 2) + '\n', { mode: 0o600 });
  };
  let pairing: { code: string; expires: number; tries: number } | null = null;

  return {
    ownerToken,
    issue(role, ttlMs, who, opts = {}) {
      const t = randomBytes(24).toString('base64url');
      extra.set(t, { role, who, lan: opts.lan ?? false, expires: ttlMs === null ? null : clock() + ttlMs });
      return t;
    },
    roleOf(token, now) {
      if (same(token, ownerToken)) return { role: 'owner', who: 'owner', lan: false, expires: null };
      const e = extra.get(token);
      if (e) {
        if (e.expires !== null && e.expires < now) {
          extra.delete(token);
          return null;
        }
        return e;
      }
      const hash = sha256(token);
      const device = devices.find((d) => d.tokenHash === hash);
      return device ? { role: 'cashier', who: device.name, lan: true, expires: null } : null;
    },
    revoke(token) {
      extra.delete(token);
    },
    startPairing(now) {
      pairing = { code: String(randomInt(0, 1_000_000)).padStart(6, '0'), expires: now + PAIRING_CODE_MS, tries: 0 };
      return { code: pairing.code, expiresAt: new Date(pairing.expires).toISOString() };
    },
    pair(code, deviceName, now) {
      if (!pairing || pairing.expires < now) return null;
      if (!same(code, pairing.code)) {
        if (++pairing.tries >= PAIRING_MAX_TRIES) pairing = null;
        return null;
      }
      pairing = null;
      const token = randomBytes(32).toString('base64url');
      const device: StoredDevice = { id: randomBytes(6).toString('hex'), name: deviceName, pairedAt: new Date(now).toISOString(), tokenHash: sha256(token) };
      devices = [...devices, device];
      saveDevices();
      return { token, device: { id: device.id, name: device.name, pairedAt: device.pairedAt } };
    },
    devices: () => devices.map(({ id, name, pairedAt }) => ({ id, name, pairedAt })),
    unpair(id) {
      const before = devices.length;
      devices = devices.filter((d) => d.id !== id);
      if (devices.length === before) return false;
      saveDevices();
      return true;
    },
  };
}

/** The bearer token of a request, if it has one. */
export function bearerOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7).trim() || null : null;
}

export function actorResolver(tokens: TokenStore) {
  return (req: FastifyRequest): Actor => {
    const token = bearerOf(req);
    const source = sourceOf(req);
    if (token) {
      const who = tokens.roleOf(token, Date.now());
      if (who) return { role: who.role, source, who: who.who };
    }
    return { role: 'cashier', source, who: 'cashier' };
  };
}
