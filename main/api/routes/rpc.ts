// The screen's bridge in browser mode: POST /api/v1/rpc/:command with { input } runs one command
// through the dispatcher, as the caller's actor (role from the bearer token, source from
// x-galla-source), and answers with the Result as it is: 200 for ok, the error's status otherwise.
// GET /api/v1/rpc/events streams the dispatcher's command events (server-sent events) so a screen
// refetches after a change made elsewhere (a LAN tablet, voice, a job).
import { z } from 'zod';
import { getCommandSpec } from '../../../common/commands';
import type { GallaEvents } from '../../../common/bridge';
import { ERROR_STATUS, type Result } from '../../../common/errors';
import { openApiOperations } from '../route';
import type { RouteModule } from './index';

const RpcBody = z.object({ input: z.unknown().optional() }).passthrough();

export const RPC_PREFIX = '/api/v1/rpc/';
/** A LAN device opens it with ?ticket= from POST /api/v1/auth/stream-ticket (EventSource sends no header). */
export const EVENTS_URL = `${RPC_PREFIX}events`;
/** A comment line every so often keeps proxies and idle timers from closing the stream. */
const KEEPALIVE_MS = 25_000;

export const rpcRoutes: RouteModule = (app, deps) => {
  openApiOperations.push({ method: 'POST', url: `${RPC_PREFIX}{command}`, summary: 'Run any command by name with { input }: the Result { ok, value } or { ok: false, error } as it is.', body: RpcBody });
  app.post<{ Params: { command: string } }>(`${RPC_PREFIX}:command`, async (req, reply) => {
    const name = req.params.command;
    let result: Result<unknown>;
    if (!getCommandSpec(name)) {
      result = { ok: false, error: { code: 'NOT_FOUND', message: `Unknown command: ${name}` } };
    } else {
      const body = RpcBody.safeParse(req.body ?? {});
      result = body.success
        ? deps.services.dispatcher.dispatch(name as never, body.data.input ?? {}, deps.actorOf(req))
        : { ok: false, error: { code: 'VALIDATION', message: 'Send a JSON object: { "input": { ... } }' } };
    }
    return reply.code(result.ok ? 200 : (ERROR_STATUS[result.error.code] ?? 500)).send(result);
  });

  openApiOperations.push({ method: 'GET', url: EVENTS_URL, summary: 'Server-sent events: every command run ({ name, ok, mutates }), for screens to refetch. From the LAN: ?ticket= from POST /api/v1/auth/stream-ticket.' });
  app.get(EVENTS_URL, (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const send = (event: GallaEvents['command']) => res.write(`event: command\ndata: ${JSON.stringify(event)}\n\n`);
    const off = deps.services.dispatcher.onCommand((e) => send({ name: e.name, ok: e.ok, mutates: e.mutates }));
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    keepalive.unref();
    const close = () => {
      clearInterval(keepalive);
      off();
    };
    req.raw.on('close', close);
    res.on('error', close);
  });
};
