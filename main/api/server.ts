// The local HTTP/WebSocket API over the command table (Fastify, 127.0.0.1 by default).
import Fastify, { type FastifyInstance } from 'fastify';
import { AppError } from '../../common/errors';
import type { Services } from '../services';
import { logger } from '../log';
import { actorResolver, createTokenStore, type TokenStore } from './auth';
import { createMetrics, type Metrics } from './metrics';
import { buildOpenApi } from './openapi';
import { type ApiDeps, openApiOperations, sendError } from './route';
import { apiRouteModules } from './routes';

const log = logger('api');

export interface ApiOptions {
  services: Services;
  version?: string;
  /** The URLs a LAN device can open the screen at, once LAN access has opened or closed (server-main's LAN listener). */
  lanUrls?: () => Promise<string[]>;
}

export interface Api {
  app: FastifyInstance;
  metrics: Metrics;
  tokens: TokenStore;
  deps: ApiDeps;
}

export async function buildApi(opts: ApiOptions): Promise<Api> {
  const { services } = opts;
  const app = Fastify({ logger: false, bodyLimit: 1 << 20, forceCloseConnections: true });
  const metrics = createMetrics();
  const tokens = createTokenStore(services.dataDir);
  const deps: ApiDeps = { services, actorOf: actorResolver(tokens) };

  services.dispatcher.onCommand((e) => {
    const status = e.ok ? 'success' : 'error';
    metrics.businessOps.inc({ operation: e.name, status });
    if (e.name.startsWith('invoice-') && e.mutates !== false) metrics.invoiceOps.inc({ operation: e.name.slice('invoice-'.length), status });
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: req.method, route, status_code: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof AppError) return sendError(reply, err);
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e.statusCode === 400 && /JSON/i.test(e.message ?? ''))) {
      return sendError(reply, { code: 'VALIDATION', message: 'The body is not valid JSON: send a JSON object' });
    }
    if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendError(reply, { code: 'VALIDATION', message: 'A JSON body is required' });
    if (e.statusCode === 415) return reply.code(415).send({ error: 'Send JSON with Content-Type: application/json', statusCode: 415 });
    if (e.statusCode === 413) return reply.code(413).send({ error: 'The body is too large', statusCode: 413 });
    log.error('unhandled API error', err);
    return reply.code(500).send({ error: 'Something went wrong inside Galla; nothing was saved.', statusCode: 500 });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `Not found: ${req.method} ${req.url.split('?')[0]}`, statusCode: 404 }));

  app.get('/health', async () => ({ status: 'ok', timestamp: services.clock.now().toISOString() }));
  app.get('/metrics', async (_req, reply) => reply.type('text/plain; version=0.0.4').send(metrics.render()));

  const opsBefore = openApiOperations.length;
  for (const register of apiRouteModules) register(app, deps, { metrics, tokens, lanUrls: opts.lanUrls ?? (() => Promise.resolve([])) });
  const ops = openApiOperations.slice(opsBefore);
  openApiOperations.length = opsBefore;
  const doc = buildOpenApi(ops, opts.version ?? '0.1.0');
  app.get('/api/openapi.json', async () => doc);

  return { app, metrics, tokens, deps };
}
