// A variant of commandRoute for the shop's catalog, bills and khata routes, which need what it does
// not do: a route that picks its command (GET /products searches when ?q= is given), a body that is
// not one wrapped result (stock-in answers { product, movement }), and errors that name the API's
// fields (rupee `price`, `discount`, `amount`) rather than the command's paise fields.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandInput, CommandName, CommandResult } from '../../../common/commands';
import { BILL_MODES, PAYMENT_MODES } from '../../../common/commands/fields';
import { AppError, type AppErrorShape } from '../../../common/errors';
import { zodErrorToAppError } from '../../commands/dispatch';
import { PositiveRupeesToPaise, RupeesToPaise } from '../money';
import { type ApiDeps, documentRoute, sendError } from '../route';

export type Call = <N extends CommandName>(name: N, input: CommandInput<N>) => CommandResult<N>;

export interface ShopRouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  /** For the OpenAPI document: the key the answer is under. */
  responseKey: string;
  successStatus?: number;
  /** Runs one or more commands through `call` (a refused one ends the request) and returns the body. */
  run(parts: { params: z.output<P>; query: z.output<Q>; body: z.output<B> }, call: Call): unknown;
}

class Refused extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
  }
}

/** The command's name for a field -> the API's: discountPaise -> discount, unitPricePaise -> price, mode -> paymentMode. */
export function apiFieldName(field: string): string {
  return field
    .split('.')
    .map((part) => {
      if (part === 'unitPricePaise') return 'price';
      if (part === 'invoiceId' || part === 'productId' || part === 'customerId') return part;
      return part.endsWith('Paise') ? part.slice(0, -'Paise'.length) : part;
    })
    .join('.');
}

function toApiError(e: AppErrorShape, topLevelMode: boolean): AppErrorShape {
  if (!e.field) return e;
  let field = apiFieldName(e.field);
  if (topLevelMode && field === 'mode') field = 'paymentMode';
  const message = e.message.startsWith(e.field) ? field + e.message.slice(e.field.length) : e.message;
  return { ...e, field, message };
}

function parsePart<T extends z.ZodType>(schema: T | undefined, value: unknown, where: 'params' | 'query' | 'body'): z.output<T> {
  if (!schema) return undefined as z.output<T>;
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  if (where === 'params') throw new AppError('NOT_FOUND', `Not found: no such ${Object.keys(value as object).join(', ') || 'resource'} (${JSON.stringify(value)})`);
  if (where === 'body' && (value === undefined || value === null)) throw new AppError('VALIDATION', 'A JSON body is required');
  throw zodErrorToAppError(r.error);
}

export function shopRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  app: FastifyInstance,
  deps: ApiDeps,
  spec: ShopRouteSpec<P, Q, B>,
): void {
  documentRoute(spec);
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (req, reply) => {
      const actor = deps.actorOf(req);
      let topLevelMode = false;
      const call: Call = (name, input) => {
        topLevelMode = name === 'ledger-record-payment';
        const r = deps.services.dispatcher.dispatch(name, input, actor);
        if (!r.ok) throw new Refused(r.error);
        return r.value;
      };
      try {
        const parts = { params: parsePart(spec.params, req.params, 'params'), query: parsePart(spec.query, req.query, 'query'), body: parsePart(spec.body, req.body, 'body') };
        const out = spec.run(parts, call);
        return reply.code(spec.successStatus ?? 200).send(out);
      } catch (e) {
        if (e instanceof Refused) return sendError(reply, toApiError(e.shape, topLevelMode));
        throw e;
      }
    },
  });
}

const isRupeeText = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v));

/** A rupee amount (number or decimal string) -> paise, with messages a shopkeeper can act on. */
export function rupeesField(opts: { positive: boolean; example: string }) {
  return z
    .unknown()
    .refine((v) => v !== undefined && v !== null, `is required: rupees, like ${opts.example}`)
    .refine(isRupeeText, `must be an amount in rupees, like ${opts.example}`)
    .pipe(opts.positive ? PositiveRupeesToPaise : RupeesToPaise);
}

/** ?limit= as digits; the command checks the range. */
export const LimitQuery = (max: number) => z.string().regex(/^\d{1,9}$/, `must be a whole number from 1 to ${max}`).optional();

export const PaymentModeField = z.enum(PAYMENT_MODES, { message: 'must be one of cash, upi, card or other' });
export const BillModeField = z.enum(BILL_MODES, { message: 'must be one of credit, cash, upi, card, other or split' });
