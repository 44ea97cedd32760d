// Bills over HTTP: rupee amounts in, decimal strings out.
import { z } from 'zod';
import { Id, Quantity } from '../../../common/commands/fields';
import { presentInvoice } from '../present';
import { IdParam } from '../route';
import type { RouteModule } from './index';
import { BillModeField, LimitQuery, PaymentModeField, rupeesField, shopRoute } from './shop-route';

const ItemBody = z
  .object({
    productId: Id.optional(),
    productName: z.string().trim().min(1, 'productName is required: the product’s name as on the shelf').max(120).optional(),
    quantity: Quantity,
    /** A price typed at the counter, in rupees; the catalog price otherwise. */
    price: rupeesField({ positive: false, example: '45.50' }).optional(),
    discount: rupeesField({ positive: false, example: '5' }).optional(),
  })
  .refine((i) => i.productId !== undefined || i.productName !== undefined, { message: 'needs a productId or a productName', path: ['productName'] });

const InvoiceBody = z.object({
  customerId: Id.optional().nullable(),
  items: z.array(ItemBody, { message: 'items is required: at least one product' }).min(1, 'needs at least one item').max(200),
  paymentMode: BillModeField.optional(),
  /** With `split` or one mode: what each mode paid, adding up to the total. With `credit`: paid now, less than the total; the rest on the khata. */
  payments: z.array(z.object({ mode: PaymentModeField, amount: rupeesField({ positive: true, example: '200' }) })).max(4).optional(),
  discount: rupeesField({ positive: false, example: '10' }).optional(),
  applyGst: z.boolean().optional(),
  notes: z.string().trim().max(300).optional().nullable(),
  allowOverCreditLimit: z.boolean().optional(),
});

const ListQuery = z.object({ limit: LimitQuery(500), customerId: z.string().regex(/^\d{1,15}$/, 'must be a customer id').optional() });
const CancelBody = z.object({ reason: z.string().trim().max(200).optional().nullable() }).optional();

export const salesRoutes: RouteModule = (app, deps) => {
  shopRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/invoices',
    summary: 'Recent bills, newest first (?limit= 1..500, default 20; ?customerId=).',
    query: ListQuery,
    responseKey: 'invoices',
    run: ({ query }, call) => ({
      invoices: call('invoice-list', {
        ...(query.limit !== undefined ? { limit: query.limit as unknown as number } : {}),
        ...(query.customerId !== undefined ? { customerId: query.customerId } : {}),
      }).map(presentInvoice),
    }),
  });

  shopRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/invoices/:id',
    summary: 'One bill with its items, tax and payments.',
    params: IdParam,
    responseKey: 'invoice',
    run: ({ params }, call) => ({ invoice: presentInvoice(call('invoice-get', { invoiceId: params.id })) }),
  });

  shopRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/invoices',
    summary: 'Create a bill in one transaction: items by name or id, GST, the next number, stock out, then the khata (credit) or the payment.',
    body: InvoiceBody,
    responseKey: 'invoice',
    successStatus: 201,
    run: ({ body }, call) => {
      const invoice = call('invoice-create', {
        ...(body.customerId != null ? { customerId: body.customerId } : {}),
        items: body.items.map((i) => ({
          ...(i.productId !== undefined ? { productId: i.productId } : {}),
          ...(i.productName !== undefined ? { productName: i.productName } : {}),
          quantity: i.quantity,
          ...(i.price !== undefined ? { unitPricePaise: i.price } : {}),
          ...(i.discount !== undefined ? { discountPaise: i.discount } : {}),
        })),
        ...(body.paymentMode ? { paymentMode: body.paymentMode } : {}),
        ...(body.payments ? { payments: body.payments.map((p) => ({ mode: p.mode, amountPaise: p.amount })) } : {}),
        ...(body.discount !== undefined ? { discountPaise: body.discount } : {}),
        ...(body.applyGst !== undefined ? { applyGst: body.applyGst } : {}),
        notes: body.notes ?? null,
        ...(body.allowOverCreditLimit !== undefined ? { allowOverCreditLimit: body.allowOverCreditLimit } : {}),
      });
      return { invoice: presentInvoice(invoice) };
    },
  });

  shopRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/invoices/:id/cancel',
    summary: 'Cancel a bill (owner): a reversing khata entry or refunds, stock back, status CANCELLED.',
    params: IdParam,
    body: CancelBody,
    responseKey: 'invoice',
    run: ({ params, body }, call) => ({ invoice: presentInvoice(call('invoice-cancel', { invoiceId: params.id, reason: body?.reason ?? null })) }),
  });
};
