// Runs one understood frame through the command table (source 'voice'), the same commands a key
// or a tap runs (STYLE note 12). Each run answers with the task's outcome and the line to say, or
// with a question back (which customer? is this right?) and what to do once it is answered.
import type { Actor } from '../../../common/actor';
import type { CommandInput, CommandName, CommandResult } from '../../../common/commands';
import type { DraftData } from '../../../common/commands/drafts';
import type { PaymentModeName } from '../../../common/commands/fields';
import { rupeesToPaise } from '../../../common/money';
import type { Product } from '../../../common/types';
import type { Dispatcher } from '../../commands/dispatch';
import type { UnderstoodFrame } from '../intent/engine';
import type { ShopView } from '../intent/shop';
import { say } from '../reply/say';
import type { IntentName, TaskOutcome } from '../types';
import { addLine, OpenBill, setLine } from './bill';

/** What the agent remembers about the open bill beyond the draft. */
export interface BillExtras {
  mode: 'cash' | 'upi' | 'card' | 'credit' | null;
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
}

export type Question =
  | { kind: 'choice'; options: { id: number; name: string }[]; frame: UnderstoodFrame }
  | { kind: 'confirm'; action: string; run: (ctx: RunContext) => Step };

export interface Step {
  task: TaskOutcome;
  reply: string;
  ask?: Question;
}

type Customer = { id: number; name: string };

const ok = (ctx: RunContext, intent: IntentName, result: unknown, reply: string): Step => ({ task: { taskId: ctx.taskId, intent, ok: true, result }, reply });
const fail = (ctx: RunContext, intent: IntentName, error: string, reply = say.failed(error)): Step => ({ task: { taskId: ctx.taskId, intent, ok: false, error }, reply });

function run<N extends CommandName>(ctx: RunContext, name: N, input: CommandInput<N>) {
  return ctx.dispatcher.dispatch(name, input, ctx.actor) as { ok: true; value: CommandResult<N> } | { ok: false; error: { code: string; message: string } };
}

/** The customer a frame names: its id from the rules, else the name looked up; a question when several fit. */
function customerOf(ctx: RunContext, frame: UnderstoodFrame): Customer | Question | null {
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

const isQuestion = (x: Customer | Question | null): x is Question => x !== null && 'kind' in x;

/** The frame's items as products: ids from the rules, else the names looked up in the catalog. */
function itemsOf(ctx: RunContext, frame: UnderstoodFrame): { product: Product; quantity: number }[] {
  const matcher = ctx.shop.productMatcher();
  const out: { product: Product; quantity: number }[] = [];
  (frame.entities.items ?? []).forEach((item, i) => {
    const id = frame.refs?.productIds[i];
    const product = (id !== undefined ? matcher.get(id) : undefined) ?? matcher.products.find((p) => p.name.toLowerCase() === item.product.toLowerCase());
    if (product) out.push({ product, quantity: item.quantity });
  });
  return out;
}

function productOf(ctx: RunContext, frame: UnderstoodFrame): Product | null {
  const matcher = ctx.shop.productMatcher();
  const id = frame.refs?.productIds.at(-1);
  const name = frame.entities.product;
  return (id !== undefined ? matcher.get(id) : undefined) ?? (typeof name === 'string' ? matcher.products.find((p) => p.name === name) : undefined) ?? null;
}

const paiseOf = (rupees: unknown): number | null => (typeof rupees === 'number' && rupees > 0 ? rupeesToPaise(Math.round(rupees * 100) / 100) : null);

const MODE_SAID: Record<PaymentModeName, string> = { cash: 'cash', upi: 'UPI', card: 'card', other: 'doosra tareeka' };

/** Runs one frame. */
export function execute(ctx: RunContext, frame: UnderstoodFrame): Step {
  const intent = frame.intent;
  switch (intent) {
    case 'CREATE_INVOICE':
    case 'MODIFY_INVOICE_ITEM':
    case 'ADD_DISCOUNT':
      return editBill(ctx, frame);
    case 'CONFIRM_INVOICE':
      return confirmBill(ctx, frame);
    case 'CANCEL_INVOICE':
      return cancelBill(ctx, frame);
    case 'TOGGLE_GST': {
      ctx.extras.applyGst = frame.entities.enabled !== false;
      return ok(ctx, intent, { applyGst: ctx.extras.applyGst }, say.gst(ctx.extras.applyGst));
    }
    case 'SEND_INVOICE':
      return fail(ctx, intent, 'not available', say.notAvailable('Bill WhatsApp pe bhejna'));
    case 'EXPORT_GSTR1':
      return fail(ctx, intent, 'not available', say.notAvailable('GSTR-1 export'));
    case 'EXPORT_PNL':
      return fail(ctx, intent, 'not available', say.notAvailable('Profit-loss report'));
    case 'RECORD_PAYMENT':
    case 'ADD_CREDIT':
    case 'CHECK_BALANCE':
    case 'GET_CUSTOMER_INFO':
    case 'UPDATE_CUSTOMER_PHONE':
    case 'CREATE_REMINDER':
    case 'CANCEL_REMINDER':
      return forCustomer(ctx, frame);
    case 'LIST_REMINDERS': {
      const r = run(ctx, 'reminder-list', {});
      return r.ok ? ok(ctx, intent, r.value, say.reminders(r.value, ctx.now)) : fail(ctx, intent, r.error.message);
    }
    case 'TOTAL_PENDING_AMOUNT':
    case 'LIST_CUSTOMER_BALANCES': {
      const r = run(ctx, 'customer-balances', { onlyOwing: true, limit: 1000 });
      if (!r.ok) return fail(ctx, intent, r.error.message);
      return ok(ctx, intent, r.value, intent === 'TOTAL_PENDING_AMOUNT' ? say.totalPending(r.value) : say.balances(r.value));
    }
    case 'CREATE_CUSTOMER': {
      const name = frame.entities.name;
      if (typeof name !== 'string' || !name) return fail(ctx, intent, 'no name', 'Naye customer ka naam boliye.');
      const r = run(ctx, 'customer-create', { name, phone: typeof frame.entities.phone === 'string' ? frame.entities.phone : null });
      return r.ok ? ok(ctx, intent, r.value, say.customerCreated(r.value.name)) : fail(ctx, intent, r.error.message);
    }
    case 'CHECK_STOCK':
    case 'UPDATE_STOCK':
      return stock(ctx, frame);
    case 'LOW_STOCK': {
      const r = run(ctx, 'product-low-stock', {});
      return r.ok ? ok(ctx, intent, r.value, say.lowStock(r.value)) : fail(ctx, intent, r.error.message);
    }
    case 'DAILY_SUMMARY': {
      const r = run(ctx, 'summary-daily', {});
      return r.ok ? ok(ctx, intent, r.value, say.summary(r.value)) : fail(ctx, intent, r.error.message);
    }
    case 'UNDO':
      return {
        task: { taskId: ctx.taskId, intent, ok: true, result: { awaiting: 'confirm' } },
        reply: say.confirmUndo(),
        ask: {
          kind: 'confirm',
          action: 'undo-last',
          run: (c) => {
            const r = run(c, 'undo-last', {});
            return r.ok ? ok(c, intent, r.value, say.undone(r.value.description)) : fail(c, intent, r.error.message);
          },
        },
      };
    case 'UNKNOWN':
      return fail(ctx, intent, 'not understood', say.notUnderstood());
  }
}

function editBill(ctx: RunContext, frame: UnderstoodFrame): Step {
  const intent = frame.intent;
  const customer = customerOf(ctx, frame);
  if (isQuestion(customer)) return { task: { taskId: ctx.taskId, intent, ok: true, result: { awaiting: 'choice' } }, reply: say.whichCustomer(customer.kind === 'choice' ? customer.options.map((o) => o.name) : []), ask: customer };
  // A name the shop does not know: say so rather than bill a walk-in.
  if (!customer && typeof frame.entities.mention === 'string') return fail(ctx, intent, 'no such customer', say.noSuchCustomer(frame.entities.mention));
  const { draft, data } = ctx.bill.load(ctx.actor);
  if (customer) {
    data.customerId = customer.id;
    data.customerName = customer.name;
  }
  const items = itemsOf(ctx, frame);
  const notes: string[] = [];
  if (intent === 'CREATE_INVOICE') {
    for (const i of items) addLine(data, i.product, i.quantity);
    if (frame.entities.mode) ctx.extras.mode = frame.entities.mode;
  } else if (intent === 'MODIFY_INVOICE_ITEM') {
    if (items.length === 0) return fail(ctx, intent, 'no product', say.productNeeded());
    for (const i of items) {
      const changed = setLine(data, i.product, i.quantity);
      notes.push(i.quantity <= 0 ? (changed ? say.lineRemoved(i.product.name) : `${i.product.name} bill mein tha hi nahi.`) : say.lineChanged(i.product.name, i.quantity, i.product.unit));
    }
  } else {
    const applied = applyDiscount(frame, data, draft?.totals.subtotalPaise ?? 0, items[0]?.product ?? null);
    if (typeof applied === 'string') return fail(ctx, intent, applied, applied);
    notes.push(applied.reply);
  }
  const saved = ctx.bill.save(data, ctx.actor);
  if (!saved.ok) return fail(ctx, intent, saved.message);
  const total = saved.draft?.totals.totalPaise ?? 0;
  const problem = saved.draft?.totals.problem;
  if (problem) return fail(ctx, intent, problem.message);
  const reply = intent === 'CREATE_INVOICE' ? say.billSoFar(data.lines, total, data.customerName) : `${notes.join(' ')} ${data.lines.length ? say.total(total) : say.emptyBill()}`;
  return ok(ctx, intent, saved.draft, reply);
}

function applyDiscount(frame: UnderstoodFrame, data: DraftData, subtotalPaise: number, product: Product | null): { reply: string } | string {
  const percent = typeof frame.entities.discountPercent === 'number' ? frame.entities.discountPercent : null;
  const amount = paiseOf(frame.entities.discountAmount);
  if (percent === null && amount === null) return 'Kitni chhoot? Percent ya rupaye boliye.';
  if (data.lines.length === 0) return say.emptyBill();
  if (product) {
    const line = data.lines.find((l) => l.productId === product.id);
    if (!line) return `${product.name} bill mein nahi hai.`;
    const lineTotal = Math.round(line.quantity * line.unitPricePaise);
    line.discountPaise = percent !== null ? Math.round((lineTotal * percent) / 100) : Math.min(amount!, lineTotal);
    return { reply: say.discount(percent, line.discountPaise, product.name) };
  }
  const base = subtotalPaise || data.lines.reduce((s, l) => s + Math.round(l.quantity * l.unitPricePaise) - l.discountPaise, 0);
  data.discountPaise = percent !== null ? Math.round((base * percent) / 100) : amount!;
  return { reply: say.discount(percent, data.discountPaise, null) };
}

function confirmBill(ctx: RunContext, frame: UnderstoodFrame): Step {
  const intent = frame.intent;
  const customer = customerOf(ctx, frame);
  if (isQuestion(customer)) return { task: { taskId: ctx.taskId, intent, ok: true, result: { awaiting: 'choice' } }, reply: say.whichCustomer(customer.kind === 'choice' ? customer.options.map((o) => o.name) : []), ask: customer };
  const { draft, data } = ctx.bill.load(ctx.actor);
  if (data.lines.length === 0) return fail(ctx, intent, 'empty bill', say.emptyBill());
  if (customer) {
    data.customerId = customer.id;
    data.customerName = customer.name;
  }
  const mode = frame.entities.mode ?? ctx.extras.mode;
  const r = run(ctx, 'invoice-create', {
    customerId: data.customerId,
    items: data.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPricePaise: l.unitPricePaise, discountPaise: l.discountPaise })),
    ...(mode ? { paymentMode: mode } : {}),
    discountPaise: data.discountPaise,
    applyGst: ctx.extras.applyGst,
  });
  if (!r.ok) return fail(ctx, intent, r.error.message);
  ctx.bill.discard(draft, 'sold', ctx.actor);
  ctx.extras.mode = null;
  ctx.extras.applyGst = true;
  return ok(ctx, intent, r.value, say.invoiceDone(r.value));
}

function cancelBill(ctx: RunContext, frame: UnderstoodFrame): Step {
  const intent = frame.intent;
  const customer = customerOf(ctx, frame);
  if (isQuestion(customer)) return { task: { taskId: ctx.taskId, intent, ok: true, result: { awaiting: 'choice' } }, reply: say.whichCustomer(customer.kind === 'choice' ? customer.options.map((o) => o.name) : []), ask: customer };
  // "rehne do, bill mat banao" while a bill is being built: throw the open bill away.
  const { draft, data } = ctx.bill.load(ctx.actor);
  if (!customer && data.lines.length > 0) {
    ctx.bill.discard(draft, 'cleared', ctx.actor);
    ctx.extras.mode = null;
    ctx.extras.applyGst = true;
    return ok(ctx, intent, { cleared: draft?.id ?? null }, say.draftCleared());
  }
  if (ctx.actor.role !== 'owner') return fail(ctx, intent, 'owner only', say.ownerNeeded('Bill cancel karne'));
  const list = run(ctx, 'invoice-list', { limit: 20, ...(customer ? { customerId: customer.id } : {}) });
  if (!list.ok) return fail(ctx, intent, list.error.message);
  const last = list.value.find((i) => i.status === 'ISSUED');
  if (!last) return fail(ctx, intent, 'no bill', customer ? `${customer.name} ka koi bill nahi mila.` : 'Koi bill nahi mila.');
  return {
    task: { taskId: ctx.taskId, intent, ok: true, result: { awaiting: 'confirm', invoiceId: last.id } },
    reply: say.confirmCancel(last),
    ask: {
      kind: 'confirm',
      action: `invoice-cancel ${last.number}`,
      run: (c) => {
        const r = run(c, 'invoice-cancel', { invoiceId: last.id, reason: 'Cancelled by voice' });
        return r.ok ? ok(c, intent, r.value, say.invoiceCancelled(r.value)) : fail(c, intent, r.error.message);
      },
    },
  };
}

function forCustomer(ctx: RunContext, frame: UnderstoodFrame): Step {
  const intent = frame.intent;
  const customer = customerOf(ctx, frame);
  if (isQuestion(customer)) return { task: { taskId: ctx.taskId, intent, ok: true, result: { awaiting: 'choice' } }, reply: say.whichCustomer(customer.kind === 'choice' ? customer.options.map((o) => o.name) : []), ask: customer };
  if (!customer) return fail(ctx, intent, 'no customer', typeof frame.entities.mention === 'string' ? say.noSuchCustomer(frame.entities.mention) : say.whoIsCustomer());
  const e = frame.entities;
  switch (intent) {
    case 'RECORD_PAYMENT': {
      const amountPaise = paiseOf(e.amount);
      if (amountPaise === null) return fail(ctx, intent, 'no amount', say.amountNeeded());
      const mode: PaymentModeName = e.mode === 'upi' || e.mode === 'card' ? e.mode : 'cash';
      const pay = (c: RunContext) => {
        const r = run(c, 'ledger-record-payment', { customerId: customer.id, amountPaise, mode });
        return r.ok ? ok(c, intent, r.value, say.payment(customer.name, r.value)) : fail(c, intent, r.error.message);
      };
      const settings = run(ctx, 'settings-get', {});
      const limit = settings.ok ? settings.value.confirmPaymentAbovePaise : 0;
      if (amountPaise > limit) {
        return { task: { taskId: ctx.taskId, intent, ok: true, result: { awaiting: 'confirm' } }, reply: say.confirmPayment(customer.name, amountPaise, MODE_SAID[mode]), ask: { kind: 'confirm', action: 'ledger-record-payment', run: pay } };
      }
      return pay(ctx);
    }
    case 'ADD_CREDIT': {
      const amountPaise = paiseOf(e.amount);
      if (amountPaise === null) return fail(ctx, intent, 'no amount', say.amountNeeded());
      const r = run(ctx, 'ledger-add-udhaar', { customerId: customer.id, amountPaise, description: 'Udhaar (voice)' });
      return r.ok ? ok(ctx, intent, r.value, say.udhaar(customer.name, r.value)) : fail(ctx, intent, r.error.message);
    }
    case 'CHECK_BALANCE':
    case 'GET_CUSTOMER_INFO': {
      const r = run(ctx, 'customer-get', { customerId: customer.id });
      if (!r.ok) return fail(ctx, intent, r.error.message);
      return ok(ctx, intent, r.value, intent === 'CHECK_BALANCE' ? say.balance(r.value.name, r.value.balancePaise) : say.customerInfo(r.value));
    }
    case 'UPDATE_CUSTOMER_PHONE': {
      if (typeof e.phone !== 'string') return fail(ctx, intent, 'no phone', 'Naya number boliye, das ank.');
      const r = run(ctx, 'customer-update', { customerId: customer.id, phone: e.phone });
      return r.ok ? ok(ctx, intent, r.value, say.phoneUpdated(r.value.name, r.value.phone ?? e.phone)) : fail(ctx, intent, r.error.message);
    }
    case 'CREATE_REMINDER': {
      const amountPaise = paiseOf(e.amount);
      const r = run(ctx, 'reminder-create', { customerId: customer.id, ...(amountPaise ? { amountPaise } : {}), ...(typeof e.datetime === 'string' ? { datetime: e.datetime } : {}) });
      return r.ok ? ok(ctx, intent, r.value, say.reminderSet(r.value, ctx.now)) : fail(ctx, intent, r.error.message);
    }
    case 'CANCEL_REMINDER': {
      const list = run(ctx, 'reminder-list', { customerId: customer.id });
      if (!list.ok) return fail(ctx, intent, list.error.message);
      const cancelled = [];
      for (const rem of list.value) {
        const r = run(ctx, 'reminder-cancel', { reminderId: rem.id });
        if (!r.ok) return fail(ctx, intent, r.error.message);
        cancelled.push(r.value);
      }
      return ok(ctx, intent, cancelled, say.remindersCancelled(customer.name, cancelled.length));
    }
    default:
      return fail(ctx, intent, 'not a customer command', say.notUnderstood());
  }
}

function stock(ctx: RunContext, frame: UnderstoodFrame): Step {
  const intent = frame.intent;
  const product = productOf(ctx, frame);
  if (!product) return fail(ctx, intent, 'no product', say.productNeeded());
  if (intent === 'CHECK_STOCK') {
    const r = run(ctx, 'product-get', { productId: product.id });
    return r.ok ? ok(ctx, intent, r.value, say.stock(r.value)) : fail(ctx, intent, r.error.message);
  }
  const quantity = typeof frame.entities.quantity === 'number' ? frame.entities.quantity : null;
  if (!quantity || quantity <= 0) return fail(ctx, intent, 'no quantity', `${product.name} kitna aaya?`);
  const r = run(ctx, 'stock-in', { productId: product.id, quantity, note: 'Stock aaya (voice)' });
  return r.ok ? ok(ctx, intent, r.value, say.stockIn(r.value.product, quantity)) : fail(ctx, intent, r.error.message);
}
