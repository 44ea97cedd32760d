// Who is calling the local API. No token: the cashier at this counter. The owner's bearer token
// (written to the data folder, 0600, on first start; or handed out for a while after the owner's
// PIN) acts as owner. LAN devices pair for a token of their own (counter issue).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '../../common/actor';
import { sourceOf } from './route';

export interface TokenStore {
  ownerToken: string;
  /** Extra tokens with their role and expiry (PIN unlocks, paired devices). */
  issue(role: Role, ttlMs: number | null, who: string): string;
  roleOf(token: string, now: number): { role: Role; who: string } | null;
  revoke(token: string): void;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function createTokenStore(dataDir: string | null): TokenStore {
  let ownerToken: string;
  const file = dataDir ? join(dataDir, 'owner-token') : null;
  if (file && existsSync(file)) ownerToken = readFileSync(file, 'utf8').trim();
  else {
    ownerToken = randomBytes(24).toString('base64url');
    if (file) writeFileSync(file, ownerToken + '\n', { mode: 0o600 });
  }
  const extra = new Map<string, { role: Role; who: string; expires: number | null }>();
  return {
    ownerToken,
    issue(role, ttlMs, who) {
      const t = randomBytes(24).toString('base64url');
      extra.set(t, { role, who, expires: ttlMs === null ? null : Date.now() + ttlMs });
      return t;
    },
    roleOf(token, now) {
      if (same(token, ownerToken)) return { role: 'owner', who: 'owner' };
      const e = extra.get(token);
      if (!e) return null;
      if (e.expires !== null && e.expires < now) {
        extra.delete(token);
        return null;
      }
      return { role: e.role, who: e.who };
    },
    revoke(token) {
      extra.delete(token);
    },
  };
}

export function actorResolver(tokens: TokenStore) {
  return (req: FastifyRequest): Actor => {
    const h = req.headers.authorization;
    const source = sourceOf(req);
    if (typeof h === 'string' && h.startsWith('Bearer ')) {
      const who = tokens.roleOf(h.slice(7).trim(), Date.now());
      if (who) return { role: who.role, source, who: who.who };
    }
    return { role: 'cashier', source, who: 'cashier' };
  };
}
