// One way to expose a command over HTTP: parse the request with an API schema (rupees, names as the
// Execora reference has them), map it to the command's input, dispatch, and wrap the result in a
// named key. The same API schemas feed the OpenAPI document.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor, Source } from '../../common/actor';
import { SOURCES } from '../../common/actor';
import type { CommandInput, CommandName, CommandResult } from '../../common/commands';
import { AppError, ERROR_STATUS } from '../../common/errors';
import type { Services } from '../services';
import { zodErrorToAppError } from '../commands/dispatch';

export interface ApiDeps {
  services: Services;
  /** Resolves who is calling (role from the bearer token; the source from x-galla-source). */
  actorOf(req: FastifyRequest): Actor;
}

export interface OpenApiOperation {
  method: string;
  url: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responseKey?: string;
  successStatus?: number;
}

export const openApiOperations: OpenApiOperation[] = [];

/** Lists a route in the OpenAPI document, from the same schemas that validate it. */
export function documentRoute(spec: Omit<OpenApiOperation, 'params' | 'query' | 'body'> & { params?: z.ZodType | undefined; query?: z.ZodType | undefined; body?: z.ZodType | undefined }): void {
  openApiOperations.push({
    method: spec.method,
    url: spec.url,
    summary: spec.summary,
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    responseKey: spec.responseKey,
    ...(spec.successStatus ? { successStatus: spec.successStatus } : {}),
  });
}

export interface CommandRouteSpec<N extends CommandName, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  command: N;
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Builds the command input from the parsed parts. */
  toInput(parts: { params: z.output<P>; query: z.output<Q>; body: z.output<B> }): CommandInput<N>;
  /** Wraps the result: `{ customer: {...} }`. */
  present(result: CommandResult<N>): unknown;
  responseKey: string;
  successStatus?: number;
}

function parsePart<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.output<T> {
  if (!schema) return undefined as z.output<T>;
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    if (where === 'params') throw new AppError('NOT_FOUND', `Not found: no such ${Object.keys(value as object).join(', ') || 'resource'} (${JSON.stringify(value)})`);
    const e = zodErrorToAppError(r.error);
    if (where === 'body' && (value === undefined || value === null)) throw new AppError('VALIDATION', 'A JSON body is required', e.field);
    throw e;
  }
  return r.data;
}

export function sendError(reply: FastifyReply, e: AppError | { code: keyof typeof ERROR_STATUS; message: string; field?: string }) {
  const statusCode = ERROR_STATUS[e.code] ?? 500;
  return reply.code(statusCode).send({ error: e.message, statusCode, code: e.code, ...(e.field ? { field: e.field } : {}) });
}

export function commandRoute<N extends CommandName, P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  app: FastifyInstance,
  deps: ApiDeps,
  spec: CommandRouteSpec<N, P, Q, B>,
) {
  documentRoute(spec);
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (req, reply) => {
      const params = parsePart(spec.params, req.params, 'params');
      const query = parsePart(spec.query, req.query, 'query');
      const body = parsePart(spec.body, req.body, 'body');
      const input = spec.toInput({ params, query, body });
      const result = deps.services.dispatcher.dispatch(spec.command, input, deps.actorOf(req));
      if (!result.ok) return sendError(reply, result.error);
      return reply.code(spec.successStatus ?? 200).send({ [spec.responseKey]: spec.present(result.value as CommandResult<N>) });
    },
  });
}

export const sourceOf = (req: FastifyRequest): Source => {
  const s = req.headers['x-galla-source'];
  return typeof s === 'string' && (SOURCES as readonly string[]).includes(s) && s !== 'job' ? (s as Source) : 'api';
};

/** Path params `:id` as a positive whole number; anything else is a 404. */
export const IdParam = z.object({ id: z.string().regex(/^\d{1,15}$/).transform(Number) });
