// What running a frame needs and gives back, and the lookups every step shares: the customer a
// frame names (or the question which one), its products, amounts in paise.
import type { Actor } from '../../../common/actor';
import type { PaymentPart } from '../../../common/hinglish/payment';
import type { CommandInput, CommandName, CommandResult } from '../../../common/commands';
import { rupeesToPaise } from '../../../common/money';
import type { Product } from '../../../common/types';
import type { Dispatcher } from '../../commands/dispatch';
import type { UnderstoodFrame } from '../intent/engine';
import type { ShopView } from '../intent/shop';
import { say } from '../reply/say';
import type { IntentName, TaskOutcome } from '../types';
import type { OpenBill } from './bill';

/** What the agent remembers about the open bill beyond the draft. */
export interface BillExtras {
  mode: 'cash' | 'upi' | 'card' | 'credit' | null;
  /** A payment said split across modes ("500 cash aur 300 UPI"), resolved against the total at billing. */
  payments: PaymentPart[] | null;
  applyGst: boolean;
}

export interface RunContext {
  dispatcher: Dispatcher;
  shop: ShopView;
  bill: OpenBill;
  extras: BillExtras;
  actor: Actor;
  now: Date;
  taskId: string;
  /** The shop's folder, where exports (GSTR-1) are saved; null for an in-memory shop. */
  dataDir: string | null;
  /** What was said, for what a frame's entities do not carry (the month a report is for). */
  text: string;
}

export type Question =
  | {
      kind: 'choice';
      options: { id: number; name: string }[];
      frame: UnderstoodFrame;
      /** What the answer runs; without it the options are customers and the frame runs again for the one chosen. */
      choose?: (ctx: RunContext, option: { id: number; name: string }) => Step;
    }
  | { kind: 'confirm'; action: string; run: (ctx: RunContext) => Step };

export interface Step {
  task: TaskOutcome;
  reply: string;
  ask?: Question;
}

export type Customer = { id: number; name: string };

export const ok = (ctx: RunContext, intent: IntentName, result: unknown, reply: string): Step => ({ task: { taskId: ctx.taskId, intent, ok: true, result }, reply });
export const fail = (ctx: RunContext, intent: IntentName, error: string, reply = say.failed(error)): Step => ({ task: { taskId: ctx.taskId, intent, ok: false, error }, reply });

export function run<N extends CommandName>(ctx: RunContext, name: N, input: CommandInput<N>) {
  return ctx.dispatcher.dispatch(name, input, ctx.actor) as { ok: true; value: CommandResult<N> } | { ok: false; error: { code: string; message: string } };
}

/** The customer a frame names: its id from the rules, else the name looked up; a question when several fit. */
export function customerOf(ctx: RunContext, frame: UnderstoodFrame): Customer | Question | null {
  const e = frame.entities;
  if (frame.refs?.customerId && typeof e.customer === 'string') return { id: frame.refs.customerId, name: e.customer };
  if (Array.isArray(e.candidates) && e.candidates.length > 1) {
    const ids = frame.refs?.candidateIds ?? [];
    const options = e.candidates.map((name, i) => ({ id: ids[i] ?? lookupCustomer(ctx, name)?.id ?? 0, name })).filter((o) => o.id > 0);
    if (options.length > 1) return { kind: 'choice', options, frame };
    if (options.length === 1) return options[0]!;
  }
  if (typeof e.customer === 'string' && e.customer) return lookupCustomer(ctx, e.customer);
  return null;
}

function lookupCustomer(ctx: RunContext, name: string): Customer | null {
  const found = ctx.shop.searchCustomers(name);
  const exact = found.find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? found[0];
  return exact ? { id: exact.id, name: exact.name } : null;
}

export const isQuestion = (x: Customer | Question | null): x is Question => x !== null && 'kind' in x;

/** The frame's items as products: ids from the rules, else the names looked up in the catalog. */
export function itemsOf(ctx: RunContext, frame: UnderstoodFrame): { product: Product; quantity: number }[] {
  const matcher = ctx.shop.productMatcher();
  const out: { product: Product; quantity: number }[] = [];
  (frame.entities.items ?? []).forEach((item, i) => {
    const id = frame.refs?.productIds[i];
    const product = (id !== undefined ? matcher.get(id) : undefined) ?? matcher.products.find((p) => p.name.toLowerCase() === item.product.toLowerCase());
    if (product) out.push({ product, quantity: item.quantity });
  });
  return out;
}

export function productOf(ctx: RunContext, frame: UnderstoodFrame): Product | null {
  const matcher = ctx.shop.productMatcher();
  const id = frame.refs?.productIds.at(-1);
  const name = frame.entities.product;
  return (id !== undefined ? matcher.get(id) : undefined) ?? (typeof name === 'string' ? matcher.products.find((p) => p.name === name) : undefined) ?? null;
}

export const paiseOf = (rupees: unknown): number | null => (typeof rupees === 'number' && rupees > 0 ? rupeesToPaise(Math.round(rupees * 100) / 100) : null);



/** Asks which of several customers was meant; the frame runs again with the answer. */
export function askChoice(ctx: RunContext, intent: IntentName, question: Question): Step {
  const names = question.kind === 'choice' ? question.options.map((o) => o.name) : [];
  return { task: { taskId: ctx.taskId, intent, ok: true, result: { awaiting: 'choice' } }, reply: say.whichCustomer(names), ask: question };
}
