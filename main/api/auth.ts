// Who is calling the local API. No token: the cashier at this counter. The owner's bearer token
// (written to the data folder, 0600, on first start) acts as owner; so does a token handed out for a
// while after the owner's PIN. LAN devices pair with a short code for a cashier token of their own,
// kept (hashed) in the data folder so a restart does not unpair them.
// A browser cannot put a header on a WebSocket or an EventSource, so a device's token also rides in
// the voice socket's Sec-WebSocket-Protocol list, and the events stream takes a short-lived,
// single-use ticket bought with the token (a ticket, not the token, because URLs end up in logs).
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '../../common/actor';
import { sourceOf } from './route';
import { WS_PROTOCOL, WS_TOKEN_PREFIX } from '../../common/voice-socket';

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
  /** A ticket for one events stream, standing for `token` until STREAM_TICKET_MS from now. */
  issueStreamTicket(token: string, now: number): { ticket: string; expiresAt: string };
  /** Spends a ticket: its token's info, or null when it is unknown, already used or expired (or its token stopped working). */
  redeemStreamTicket(ticket: string, now: number): TokenInfo | null;
}

export const PAIRING_CODE_MS = 3 * 60_000;
/** How long a stream ticket may wait for its one use. */
export const STREAM_TICKET_MS = 60_000;
export { WS_PROTOCOL, WS_TOKEN_PREFIX };
export const VOICE_SOCKET_PATH = '/ws';
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
  // Tickets live in memory only: a restart spends them all, and the screen asks again.
  const tickets = new Map<string, { token: string; expires: number }>();
  const dropExpiredTickets = (now: number) => {
    for (const [t, v] of tickets) if (v.expires < now) tickets.delete(t);
  };

  const roleOf = (token: string, now: number): TokenInfo | null => {
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
  };

  return {
    ownerToken,
    issue(role, ttlMs, who, opts = {}) {
      const t = randomBytes(24).toString('base64url');
      extra.set(t, { role, who, lan: opts.lan ?? false, expires: ttlMs === null ? null : clock() + ttlMs });
      return t;
    },
    roleOf,
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
    issueStreamTicket(token, now) {
      dropExpiredTickets(now);
      const ticket = randomBytes(24).toString('base64url');
      tickets.set(ticket, { token, expires: now + STREAM_TICKET_MS });
      return { ticket, expiresAt: new Date(now + STREAM_TICKET_MS).toISOString() };
    },
    redeemStreamTicket(ticket, now) {
      const t = tickets.get(ticket);
      tickets.delete(ticket);
      // The token is looked up again, so unpairing (or a PIN token running out) also ends its tickets.
      return t && t.expires >= now ? roleOf(t.token, now) : null;
    },
  };
}

/** The bearer token of a request, if it has one. */
export function bearerOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7).trim() || null : null;
}

/**
 * The device token in a voice socket's upgrade request (`Sec-WebSocket-Protocol: galla.v1,
 * galla-token.<token>`), if it has one. Only there: on any other request the header means nothing.
 */
export function socketTokenOf(req: FastifyRequest): string | null {
  if (req.method !== 'GET' || req.url.split('?')[0] !== VOICE_SOCKET_PATH || req.headers.upgrade?.toLowerCase() !== 'websocket') return null;
  const h = req.headers['sec-websocket-protocol'];
  if (typeof h !== 'string') return null;
  const entry = h.split(',').map((p) => p.trim()).find((p) => p.startsWith(WS_TOKEN_PREFIX));
  return entry ? entry.slice(WS_TOKEN_PREFIX.length) || null : null;
}

/** For ws's handleProtocols: answer with our subprotocol only, so the token is never echoed. */
export function chooseSocketProtocol(offered: Set<string>): string | false {
  return offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false;
}

export function actorResolver(tokens: TokenStore) {
  return (req: FastifyRequest): Actor => {
    const token = bearerOf(req) ?? socketTokenOf(req);
    const source = sourceOf(req);
    if (token) {
      const who = tokens.roleOf(token, Date.now());
      if (who) return { role: who.role, source, who: who.who };
    }
    return { role: 'cashier', source, who: 'cashier' };
  };
}
