// Runs one understood frame through the command table (source 'voice'), the same commands a key
// or a tap runs (STYLE note 12). Each run answers with the task's outcome and the line to say, or
// with a question back (which customer? is this right?) and what to do once it is answered.
import type { PaymentModeName } from '../../../common/commands/fields';
import { toIstDate } from '../../../common/hinglish/datetime';
import type { PaymentPart } from '../../../common/hinglish/payment';
import { rupeesToPaise } from '../../../common/money';
import type { UnderstoodFrame } from '../intent/engine';
import { say } from '../reply/say';
import { cancelBill, confirmBill, editBill } from './bill-steps';
import { cancelReminder } from './reminder-steps';
import { exportGstr1, salesReport } from './report-steps';
import { askChoice, customerOf, fail, isQuestion, ok, paiseOf, productOf, run, type RunContext, type Step } from './steps';

export type { BillExtras, Question, RunContext, Step } from './steps';

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
      ctx.extras.applyGst = frame.entities.gst !== false;
      return ok(ctx, intent, { applyGst: ctx.extras.applyGst }, say.gst(ctx.extras.applyGst));
    }
    case 'SEND_INVOICE':
      return fail(ctx, intent, 'not available', say.notAvailable('Bill WhatsApp pe bhejna'));
    case 'EXPORT_GSTR1':
      return exportGstr1(ctx, frame);
    case 'EXPORT_PNL':
      // Sales and GST, not profit: Galla records no purchase prices (the reply says so).
      return salesReport(ctx, frame);
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
      // summary-daily is today's: "kal ki bikri" must not be answered with today's figures.
      if (typeof frame.entities.date === 'string' && frame.entities.date !== toIstDate(ctx.now)) return fail(ctx, intent, 'not available', say.notAvailable('Pichhle din ki bikri'));
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

function forCustomer(ctx: RunContext, frame: UnderstoodFrame): Step {
  const intent = frame.intent;
  const customer = customerOf(ctx, frame);
  if (isQuestion(customer)) return askChoice(ctx, intent, customer);
  if (!customer) return fail(ctx, intent, 'no customer', typeof frame.entities.mention === 'string' ? say.noSuchCustomer(frame.entities.mention) : say.whoIsCustomer());
  const e = frame.entities;
  // "kal 500 diye the": the ledger has no back-dating, so the day said goes into the entry's note.
  const saidDay = typeof e.date === 'string' && e.date !== toIstDate(ctx.now) ? e.date : null;
  switch (intent) {
    case 'RECORD_PAYMENT': {
      const amountPaise = paiseOf(e.amount);
      if (amountPaise === null) return fail(ctx, intent, 'no amount', say.amountNeeded());
      const mode: PaymentModeName = e.mode === 'upi' || e.mode === 'card' ? e.mode : 'cash';
      // "700 cash aur 300 online": one payment by two modes (an entry per mode, one transaction).
      const parts = Array.isArray(e.payments) ? (e.payments as PaymentPart[]).flatMap((p) => ('amount' in p && p.mode !== 'credit' ? [{ mode: p.mode, amountPaise: rupeesToPaise(p.amount) }] : [])) : [];
      const split = parts.length > 1 ? parts : null;
      const totalPaise = split ? split.reduce((a, p) => a + p.amountPaise, 0) : amountPaise;
      const pay = (c: RunContext) => {
        const r = run(c, 'ledger-record-payment', {
          customerId: customer.id,
          amountPaise: totalPaise,
          mode: split ? split[0]!.mode : mode,
          ...(split ? { parts: split } : {}),
          ...(saidDay ? { notes: `Voice: ${saidDay} ko mile` } : {}),
        });
        if (!r.ok) return fail(c, intent, r.error.message);
        return ok(c, intent, r.value, say.payment(customer.name, r.value, totalPaise));
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
      const r = run(ctx, 'ledger-add-udhaar', { customerId: customer.id, amountPaise, description: saidDay ? `Udhaar (voice), ${saidDay} ka` : 'Udhaar (voice)' });
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
    case 'CANCEL_REMINDER':
      return cancelReminder(ctx, frame, customer);
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
