// The owner's PIN and LAN pairing over HTTP, and the guard every request passes first: from this
// machine anything may call (the cashier by default); from the LAN only when the owner has turned
// LAN access on, and only with a paired device's token (but for the screen's files and the pairing
// call itself, which a device needs before it has a token). The voice socket and the events stream,
// on which a browser cannot set a header, take the token in the socket's subprotocols and a
// single-use ticket respectively (main/api/auth.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { OWNER_UNLOCK_MS } from '../../../common/commands/auth';
import { readSettings } from '../../domains/system/settings';
import { logger } from '../../log';
import { bearerOf, socketTokenOf, STREAM_TICKET_MS, type TokenInfo } from '../auth';
import { commandRoute, openApiOperations, sendError } from '../route';
import type { RouteModule } from './index';
import { EVENTS_URL } from './rpc';
import { NOT_SCREEN } from './static';

const log = logger('auth');

const PinBody = z.object({ pin: z.string({ message: 'pin is required: 4 to 8 digits' }) });
const PairBody = z.object({
  code: z.string({ message: 'code is required: the 6 digits shown on the shop counter' }).trim().regex(/^\d{6}$/, 'must be the 6 digits shown on the shop counter'),
  deviceName: z.string({ message: 'deviceName is required, e.g. "Counter 2 tablet"' }).trim().min(1, 'deviceName is required, e.g. "Counter 2 tablet"').max(60),
});
const DeviceParam = z.object({ id: z.string().regex(/^[0-9a-f]{12}$/) });

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return false;
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || ip === '::1';
}

/** The Host a local browser may use. Anything else from loopback is a page that rebound its DNS to us. */
function isLocalHost(host: string | undefined): boolean {
  if (!host) return true;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

const PAIR_URL = '/api/v1/auth/pair';
const STREAM_TICKET_URL = '/api/v1/auth/stream-ticket';

function parseBody<T extends z.ZodType>(schema: T, body: unknown, reply: FastifyReply): z.output<T> | null {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const message = issue?.message.startsWith(field) || !field ? (issue?.message ?? 'Invalid body') : `${field} ${issue?.message}`;
  void sendError(reply, { code: 'VALIDATION', message, ...(field ? { field } : {}) });
  return null;
}

export const authRoutes: RouteModule = (app, deps, { tokens, lanUrls }) => {
  const { services } = deps;

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (isLoopback(req.ip)) {
      if (!isLocalHost(req.headers.host)) {
        return reply.code(403).send({ error: 'Requests from this machine must be addressed to 127.0.0.1 or localhost.', statusCode: 403, code: 'FORBIDDEN' });
      }
      return;
    }
    if (!readSettings(services.db).lanAccess) {
      // reason: for the screen on a LAN device, which shows the pairing screen instead of the counter.
      return reply.code(403).send({ error: 'LAN access is off: on the shop counter, the owner can turn it on in Settings.', statusCode: 403, code: 'FORBIDDEN', reason: 'lan-off' });
    }
    const path = req.url.split('?')[0] ?? '';
    if (req.method === 'POST' && path === PAIR_URL) return;
    // The screen's own files (no shop data in them) load unpaired, so the device can show the pairing screen.
    if ((req.method === 'GET' || req.method === 'HEAD') && !NOT_SCREEN.test(path)) return;
    const caller = lanCaller(req, path);
    if (!caller.info?.lan) {
      const error =
        caller.presented === 'ticket'
          ? 'This stream ticket is not known, was used already or has expired: ask for a new one with POST /api/v1/auth/stream-ticket.'
          : caller.presented
            ? 'This device’s token is not known or has expired: pair it again (the owner starts pairing on the shop counter).'
            : 'This device is not paired: on the shop counter the owner starts pairing, then send the 6-digit code to POST /api/v1/auth/pair.';
      return reply.code(401).send({ error, statusCode: 401, reason: caller.presented === 'ticket' ? 'bad-ticket' : 'not-paired' });
    }
  });

  /**
   * What a LAN request presents: the bearer token; else, on the only two routes where a browser
   * cannot send a header, the token among the voice socket's subprotocols or an events ticket
   * (spent here, used or not).
   */
  const lanCaller = (req: FastifyRequest, path: string): { presented: 'token' | 'ticket' | false; info: TokenInfo | null } => {
    const now = Date.now();
    const token = bearerOf(req) ?? socketTokenOf(req);
    if (token) return { presented: 'token', info: tokens.roleOf(token, now) };
    const ticket = req.method === 'GET' && path === EVENTS_URL ? (req.query as { ticket?: unknown } | undefined)?.ticket : undefined;
    if (typeof ticket === 'string' && ticket) return { presented: 'ticket', info: tokens.redeemStreamTicket(ticket, now) };
    return { presented: false, info: null };
  };

  const doc = (method: string, url: string, summary: string, body?: z.ZodType, responseKey?: string) =>
    openApiOperations.push({ method, url, summary, ...(body ? { body } : {}), ...(responseKey ? { responseKey } : {}) });

  doc('POST', '/api/v1/auth/pin', 'Unlock the owner’s role for 10 minutes with the PIN: { token, expiresAt, role }.', PinBody);
  app.post('/api/v1/auth/pin', async (req, reply) => {
    const body = parseBody(PinBody, req.body, reply);
    if (!body) return reply;
    const r = services.dispatcher.dispatch('owner-unlock', { pin: body.pin }, deps.actorOf(req));
    if (!r.ok) return sendError(reply, r.error);
    const token = tokens.issue('owner', OWNER_UNLOCK_MS, 'owner', { lan: !isLoopback(req.ip) });
    return { token, expiresAt: r.value.expiresAt, role: r.value.role };
  });

  commandRoute(app, deps, {
    method: 'PUT',
    url: '/api/v1/auth/pin',
    command: 'owner-pin-set',
    summary: 'Set the owner’s PIN (the first time, anyone; after that, the owner).',
    body: PinBody,
    toInput: ({ body }) => ({ pin: body.pin }),
    present: (r) => r,
    responseKey: 'pin',
  });

  doc('GET', '/api/v1/auth/session', 'The role of the presented token (none: cashier), when it ends, and whether a PIN is set.');
  app.get('/api/v1/auth/session', async (req, reply) => {
    const token = bearerOf(req);
    const info = token ? tokens.roleOf(token, Date.now()) : null;
    if (token && !info) return reply.code(401).send({ error: 'This token is not known or has expired: unlock with the owner PIN again.', statusCode: 401 });
    const status = services.dispatcher.dispatch('auth-status', {}, deps.actorOf(req));
    if (!status.ok) return sendError(reply, status.error);
    return {
      role: info?.role ?? 'cashier',
      who: info?.who ?? 'cashier',
      expiresAt: info?.expires ? new Date(info.expires).toISOString() : null,
      pinSet: status.value.pinSet,
      lockedUntil: status.value.lockedUntil,
    };
  });

  doc('DELETE', '/api/v1/auth/session', 'Lock: the presented PIN token stops working.');
  app.delete('/api/v1/auth/session', async (req) => {
    const token = bearerOf(req);
    if (token) tokens.revoke(token);
    return { role: 'cashier' };
  });

  doc('POST', STREAM_TICKET_URL, `A ticket to open the events stream once (GET ${EVENTS_URL}?ticket=), valid ${STREAM_TICKET_MS / 1000} s: for a browser, whose EventSource cannot send the token.`);
  app.post(STREAM_TICKET_URL, async (req, reply) => {
    const token = bearerOf(req);
    if (!token || !tokens.roleOf(token, Date.now())) {
      return reply.code(401).send({ error: 'Send the device’s token (Authorization: Bearer) to get a stream ticket; on this machine the stream needs none.', statusCode: 401 });
    }
    return tokens.issueStreamTicket(token, Date.now());
  });

  const requireOwner = (req: FastifyRequest, reply: FastifyReply): boolean => {
    if (deps.actorOf(req).role === 'owner') return true;
    void sendError(reply, { code: 'FORBIDDEN', message: 'Only the owner can pair devices. Ask the owner to enter the PIN.' });
    return false;
  };

  doc('POST', '/api/v1/auth/pair/start', 'Owner: start pairing a LAN device; a 6-digit code valid for 3 minutes.');
  app.post('/api/v1/auth/pair/start', async (req, reply) => {
    if (!requireOwner(req, reply)) return reply;
    const pairing = tokens.startPairing(Date.now());
    return { ...pairing, lanAccess: readSettings(services.db).lanAccess };
  });

  doc('POST', PAIR_URL, 'A LAN device sends the code shown on the counter for a cashier token of its own.', PairBody);
  app.post(PAIR_URL, async (req, reply) => {
    const body = parseBody(PairBody, req.body, reply);
    if (!body) return reply;
    const paired = tokens.pair(body.code, body.deviceName, Date.now());
    if (!paired) {
      return sendError(reply, { code: 'FORBIDDEN', message: 'That pairing code is wrong or has expired: ask the owner to start pairing again.', field: 'code' });
    }
    log.info(`paired device "${paired.device.name}" from ${req.ip}`);
    return { token: paired.token, role: 'cashier', device: paired.device };
  });

  doc('GET', '/api/v1/auth/lan', 'Owner: whether LAN access is on and the URLs a device opens (this machine’s LAN addresses).');
  app.get('/api/v1/auth/lan', async (req, reply) => {
    if (!requireOwner(req, reply)) return reply;
    // Waits for a just-saved toggle to open or close the listener, so the URLs shown are live.
    const urls = await lanUrls();
    return { lanAccess: readSettings(services.db).lanAccess, urls };
  });

  doc('GET', '/api/v1/auth/devices', 'Owner: the paired LAN devices.', undefined, 'devices');
  app.get('/api/v1/auth/devices', async (req, reply) => (requireOwner(req, reply) ? { devices: tokens.devices() } : reply));

  doc('DELETE', '/api/v1/auth/devices/:id', 'Owner: unpair a device; its token stops working.');
  app.delete('/api/v1/auth/devices/:id', async (req, reply) => {
    if (!requireOwner(req, reply)) return reply;
    const p = DeviceParam.safeParse(req.params);
    if (!p.success || !tokens.unpair(p.data.id)) return sendError(reply, { code: 'NOT_FOUND', message: 'No paired device has that id: see GET /api/v1/auth/devices.' });
    return { unpaired: p.data.id };
  });
};
