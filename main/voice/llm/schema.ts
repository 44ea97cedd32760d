// The answer's shape, built per utterance from the shop's catalog: a JSON schema for the grammar
// (so the model can only write intents, products and customers that exist, and numbers from a list)
// and a zod schema that checks the answer again before it becomes a Frame.
import { z } from 'zod';
import { parseWhen, toIstIso } from '../../../common/hinglish/datetime';
import { INTENTS, type Entities, type Frame, type IntentName } from '../types';
import { COMMON_AMOUNTS, COMMON_PERCENTS, COMMON_QUANTITIES, nameSpansIn, numberEnum, numbersIn, phonesIn } from './candidates';

type EntityKey = 'customer' | 'items' | 'mode' | 'amount' | 'product' | 'quantity' | 'name' | 'phone' | 'discountPercent' | 'discountAmount';

/** Intents that take the same entities share one branch of the grammar. */
export const INTENT_GROUPS: readonly { intents: readonly IntentName[]; keys: readonly EntityKey[]; minItems?: number }[] = [
  // No items is a bill opened for a customer ("Rahul ka bill banao"); a change names at least one line.
  { intents: ['CREATE_INVOICE'], keys: ['customer', 'items', 'mode'] },
  { intents: ['MODIFY_INVOICE_ITEM'], keys: ['items'], minItems: 1 },
  { intents: ['ADD_DISCOUNT'], keys: ['discountPercent', 'discountAmount', 'product'] },
  { intents: ['RECORD_PAYMENT'], keys: ['customer', 'amount', 'mode'] },
  { intents: ['ADD_CREDIT', 'CREATE_REMINDER'], keys: ['customer', 'amount'] },
  { intents: ['CANCEL_INVOICE', 'CHECK_BALANCE', 'GET_CUSTOMER_INFO', 'CANCEL_REMINDER', 'SEND_INVOICE'], keys: ['customer'] },
  { intents: ['CREATE_CUSTOMER'], keys: ['name', 'phone'] },
  { intents: ['UPDATE_CUSTOMER_PHONE'], keys: ['customer', 'phone'] },
  { intents: ['CHECK_STOCK'], keys: ['product'] },
  { intents: ['UPDATE_STOCK'], keys: ['product', 'quantity'] },
  {
    intents: ['CONFIRM_INVOICE', 'TOGGLE_GST', 'TOTAL_PENDING_AMOUNT', 'LIST_CUSTOMER_BALANCES', 'LOW_STOCK', 'LIST_REMINDERS', 'DAILY_SUMMARY', 'EXPORT_GSTR1', 'EXPORT_PNL', 'UNDO', 'UNKNOWN'],
    keys: [],
  },
];

export const MODES = ['cash', 'upi', 'card', 'credit'] as const;
export const MAX_ITEMS = 8;

export interface Catalog {
  products: string[];
  customers: string[];
}

/** The enum values for one utterance. */
export interface Choices {
  products: string[];
  customers: string[];
  quantities: string[];
  amounts: string[];
  percents: string[];
  phones: string[];
  names: string[];
}

const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

export function choicesFor(text: string, catalog: Catalog): Choices {
  const said = numbersIn(text);
  return {
    products: uniq(catalog.products),
    customers: uniq(catalog.customers),
    quantities: numberEnum(COMMON_QUANTITIES, said, 0, 10_000),
    amounts: numberEnum(COMMON_AMOUNTS, said, 1, 10_000_000),
    percents: numberEnum(COMMON_PERCENTS, said, 1, 100),
    phones: phonesIn(text),
    names: nameSpansIn(text),
  };
}

type JsonSchema = Record<string, unknown>;

/** An enum that may also be null; an empty list leaves only null. */
const nullableEnum = (values: string[]): JsonSchema => ({ enum: [...values, null] });

export function jsonSchemaFor(c: Choices): JsonSchema {
  // Shared lists go in $defs once: a shop has hundreds of products and they appear in two places.
  const defs: Record<string, JsonSchema> = {
    customer: nullableEnum(c.customers),
    product: nullableEnum(c.products),
    itemProduct: { enum: c.products.length ? c.products : [''] },
    quantity: { enum: c.quantities },
    amount: nullableEnum(c.amounts),
  };
  const field: Record<EntityKey, JsonSchema> = {
    customer: { $ref: '#/$defs/customer' },
    product: { $ref: '#/$defs/product' },
    items: {
      type: 'array',
      items: { type: 'object', properties: { product: { $ref: '#/$defs/itemProduct' }, quantity: { $ref: '#/$defs/quantity' } }, required: ['product', 'quantity'], additionalProperties: false },
      maxItems: MAX_ITEMS,
    },
    mode: nullableEnum([...MODES]),
    amount: { $ref: '#/$defs/amount' },
    quantity: nullableEnum(c.quantities),
    name: nullableEnum(c.names),
    phone: nullableEnum(c.phones),
    discountPercent: nullableEnum(c.percents),
    discountAmount: { $ref: '#/$defs/amount' },
  };
  return {
    $defs: defs,
    oneOf: INTENT_GROUPS.map((g) => ({
      type: 'object',
      properties: {
        intent: g.intents.length === 1 ? { const: g.intents[0] } : { enum: [...g.intents] },
        ...Object.fromEntries(g.keys.map((k) => [k, k === 'items' && g.minItems ? { ...field.items, minItems: g.minItems } : field[k]])),
      },
      required: ['intent', ...g.keys],
      additionalProperties: false,
    })),
  };
}

/** Either one of these strings, or null. */
const oneOfOrNull = (values: string[]) => z.string().refine((v) => values.includes(v), 'not one of the choices').nullable();
const numeric = (values: string[]) => z.string().refine((v) => values.includes(v) && /^\d+(\.\d+)?$/.test(v), 'not a listed number');

/** The same shape as jsonSchemaFor, checked again: the grammar is trusted for syntax, not for meaning. */
export function zodSchemaFor(c: Choices) {
  const field = {
    customer: oneOfOrNull(c.customers),
    product: oneOfOrNull(c.products),
    items: z
      .array(z.strictObject({ product: z.string().refine((v) => c.products.includes(v), 'not a catalog product'), quantity: numeric(c.quantities) }))
      .max(MAX_ITEMS),
    mode: z.enum(MODES).nullable(),
    amount: numeric(c.amounts).nullable(),
    quantity: numeric(c.quantities).nullable(),
    name: oneOfOrNull(c.names),
    phone: oneOfOrNull(c.phones),
    discountPercent: numeric(c.percents).nullable(),
    discountAmount: numeric(c.amounts).nullable(),
  } satisfies Record<EntityKey, z.ZodType>;
  const branches = INTENT_GROUPS.map((g) =>
    z.strictObject({
      intent: z.enum(g.intents as [IntentName, ...IntentName[]]),
      ...Object.fromEntries(g.keys.map((k) => [k, k === 'items' && g.minItems ? field.items.min(g.minItems) : field[k]])),
    }),
  );
  return z.union(branches as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}

/** Frames from the model: below the rules' confident answers, so the agent confirms before acting. */
export const LLM_CONFIDENCE = 0.5;

/** A validated answer as the Frame the agent executes; payments default to cash as the rules do. */
export function toFrame(answer: Record<string, unknown>): Frame {
  const intent = answer.intent as IntentName;
  if (!(INTENTS as readonly string[]).includes(intent)) throw new Error(`unknown intent ${String(intent)}`);
  const e: Entities = {};
  for (const [key, value] of Object.entries(answer)) {
    if (key === 'intent' || value === null || value === undefined) continue;
    switch (key) {
      case 'items':
        e.items = (value as { product: string; quantity: string }[]).map((i) => ({ product: i.product, quantity: Number(i.quantity) }));
        break;
      case 'amount':
      case 'quantity':
      case 'discountPercent':
      case 'discountAmount':
        e[key] = Number(value);
        break;
      case 'mode':
        e.mode = value as Entities['mode'];
        break;
      default:
        e[key] = value as string;
    }
  }
  if (intent === 'RECORD_PAYMENT' && !e.mode) e.mode = 'cash';
  return { intent, entities: e, confidence: LLM_CONFIDENCE, path: 'llm' };
}

/**
 * The model picks the intent and the names; a reminder's time comes from the same IST parser the
 * rules use, over the words said ("kal 7 baje" is tomorrow 19:00). A new reminder with no time said
 * is one hour from now, as the reference says; a cancel without one names no particular reminder.
 */
export function withTimeSaid(frame: Frame, text: string, now: Date): Frame {
  if (frame.intent !== 'CREATE_REMINDER' && frame.intent !== 'CANCEL_REMINDER') return frame;
  const when = parseWhen(text, now);
  if (frame.intent === 'CANCEL_REMINDER' && !when.understood) return frame;
  return { ...frame, entities: { ...frame.entities, datetime: toIstIso(when.at) } };
}
