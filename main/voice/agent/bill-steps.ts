// The open bill's steps: add, change or remove lines, discounts, billing it (invoice-create) and
// throwing it away or cancelling the last bill (owner only, read back first).
import type { DraftData } from '../../../common/commands/drafts';
import type { PaymentModeName } from '../../../common/commands/fields';
import { toIstDate } from '../../../common/hinglish/datetime';
import type { PaymentPart } from '../../../common/hinglish/payment';
import { rupeesInWords } from '../../../common/hinglish/spoken';
import { rupeesToPaise } from '../../../common/money';
import type { Invoice, Product } from '../../../common/types';
import type { UnderstoodFrame } from '../intent/engine';
import { say } from '../reply/say';
import { addLine, setLine } from './bill';
import { askChoice, customerOf, fail, isQuestion, itemsOf, ok, paiseOf, run, type RunContext, type Step } from './steps';

export function editBill(ctx: RunContext, frame: UnderstoodFrame): Step {
  const intent = frame.intent;
  const customer = customerOf(ctx, frame);
  if (isQuestion(customer)) return askChoice(ctx, intent, customer);
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
    if (Array.isArray(frame.entities.payments)) ctx.extras.payments = frame.entities.payments as PaymentPart[];
    if (typeof frame.entities.gst === 'boolean') ctx.extras.applyGst = frame.entities.gst;
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

export function confirmBill(ctx: RunContext, frame: UnderstoodFrame): Step {
  const intent = frame.intent;
  const customer = customerOf(ctx, frame);
  if (isQuestion(customer)) return askChoice(ctx, intent, customer);
  const { draft, data } = ctx.bill.load(ctx.actor);
  if (data.lines.length === 0) return fail(ctx, intent, 'empty bill', say.emptyBill());
  if (customer) {
    data.customerId = customer.id;
    data.customerName = customer.name;
  }
  const mode = frame.entities.mode ?? ctx.extras.mode;
  const parts = Array.isArray(frame.entities.payments) ? (frame.entities.payments as PaymentPart[]) : ctx.extras.payments;
  const totals = draft?.totals;
  const payments = parts && totals ? splitPayments(parts, ctx.extras.applyGst ? totals.totalPaise : totals.totalPaise - totals.taxPaise) : null;
  if (typeof payments === 'string') return fail(ctx, intent, payments, payments);
  const r = run(ctx, 'invoice-create', {
    customerId: data.customerId,
    items: data.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPricePaise: l.unitPricePaise, discountPaise: l.discountPaise })),
    ...(payments ? { paymentMode: payments.paymentMode, ...(payments.payments.length > 0 ? { payments: payments.payments } : {}) } : mode ? { paymentMode: mode } : {}),
    discountPaise: data.discountPaise,
    applyGst: ctx.extras.applyGst,
    // The sale removes the open bill in its own transaction: a crash can never leave both.
    ...(draft ? { draftId: draft.id } : {}),
  });
  if (!r.ok) return fail(ctx, intent, r.error.message);
  ctx.extras.mode = null;
  ctx.extras.payments = null;
  ctx.extras.applyGst = true;
  return ok(ctx, intent, r.value, billDoneReply(r.value));
}

/** How the bill is settled from the parts said: a split by modes, or a khata bill with the parts paid now. */
export interface SpokenSettlement {
  paymentMode: 'split' | 'credit';
  payments: { mode: PaymentModeName; amountPaise: number }[];
}

/**
 * The paise each mode paid: amounts as said, shares ("aadha") of the total, and "baaki" (or the
 * last share, so rounding never leaves a paisa over) the rest. A part on udhaar ("200 cash baaki
 * udhaar") makes it a khata bill paid in part: the other parts are what was paid now. A message
 * when they cannot add up.
 */
export function splitPayments(parts: readonly PaymentPart[], totalPaise: number): SpokenSettlement | string {
  const amounts: number[] = [];
  const restAt = parts.findIndex((p) => 'rest' in p);
  const lastShare = parts.map((p) => 'share' in p).lastIndexOf(true);
  const filler = restAt >= 0 ? restAt : lastShare;
  for (const p of parts) amounts.push('amount' in p ? rupeesToPaise(p.amount) : 'share' in p ? Math.round(totalPaise * p.share) : 0);
  if (filler >= 0) amounts[filler] = totalPaise - amounts.reduce((sum, a, i) => (i === filler ? sum : sum + a), 0);
  const onKhata = parts.flatMap((p, i) => (p.mode === 'credit' ? [i] : []));
  if (onKhata.length > 1) return 'Udhaar ek hi baar boliye: kitna diya, baaki udhaar.';
  if (onKhata.length === 1 && amounts[onKhata[0]!]! <= 0) {
    return `Bill ${rupeesInWords(totalPaise)} ka hai, itna diya to udhaar kuch nahi bachta: cash, UPI ya card boliye.`;
  }
  if (amounts.some((a) => a <= 0)) return `Bill ${rupeesInWords(totalPaise)} ka hai, itna alag alag nahi banta.`;
  const payments = parts.flatMap((p, i) => (p.mode === 'credit' ? [] : [{ mode: p.mode, amountPaise: amounts[i]! }]));
  return { paymentMode: onKhata.length === 1 ? 'credit' : 'split', payments };
}

/** "Bill ban gaya ... 200 mile, 300 khate mein." for a khata bill paid in part. */
function billDoneReply(inv: Invoice): string {
  const paid = inv.totalPaise - inv.balanceDuePaise;
  if (inv.paymentMode !== 'credit' || paid <= 0) return say.invoiceDone(inv);
  return `${say.invoiceDone(inv)} ${rupeesInWords(paid)} mile, ${rupeesInWords(inv.balanceDuePaise)} khate mein.`;
}

export function cancelBill(ctx: RunContext, frame: UnderstoodFrame): Step {
  const intent = frame.intent;
  const customer = customerOf(ctx, frame);
  if (isQuestion(customer)) return askChoice(ctx, intent, customer);
  // "rehne do, bill mat banao" while a bill is being built: throw the open bill away.
  // "kal ka bill cancel karo": the last bill of the day said, never the open one.
  const day = typeof frame.entities.date === 'string' ? frame.entities.date : null;
  const { draft, data } = ctx.bill.load(ctx.actor);
  if (!customer && data.lines.length > 0 && day === null) {
    ctx.bill.discard(draft, 'cleared', ctx.actor);
    ctx.extras.mode = null;
    ctx.extras.payments = null;
    ctx.extras.applyGst = true;
    return ok(ctx, intent, { cleared: draft?.id ?? null }, say.draftCleared());
  }
  if (ctx.actor.role !== 'owner') return fail(ctx, intent, 'owner only', say.ownerNeeded('Bill cancel karne'));
  const list = run(ctx, 'invoice-list', { limit: 20, ...(customer ? { customerId: customer.id } : {}) });
  if (!list.ok) return fail(ctx, intent, list.error.message);
  const last = list.value.find((i) => i.status === 'ISSUED' && (day === null || toIstDate(new Date(i.createdAt)) === day));
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

