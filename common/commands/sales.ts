import { z } from 'zod';
import { command } from './define';
import { BillMode, Id, Limit, OptionalText, PaiseAmount, PaymentMode, PositivePaise, Quantity } from './fields';
import type { Invoice } from '../types';

export const InvoiceItemInput = z
  .object({
    productId: Id.optional(),
    /** Resolved case-insensitively, exact name first, then a partial match. */
    productName: z.string().trim().min(1).max(120).optional(),
    quantity: Quantity,
    /** A price typed at the counter for this line; the catalog price otherwise. */
    unitPricePaise: PaiseAmount.optional(),
    discountPaise: PaiseAmount.default(0),
  })
  .refine((i) => i.productId !== undefined || i.productName !== undefined, { message: 'needs a productId or a productName', path: ['productName'] });

export const InvoiceCreateInput = z.object({
  /** Absent or null: a walk-in bill, which must be paid, not put on udhaar. */
  customerId: Id.optional().nullable(),
  items: z.array(InvoiceItemInput, { message: 'items is required: at least one product' }).min(1, 'needs at least one item').max(200),
  /** Default: `credit` (khata) when a customer is named, `cash` for walk-in. */
  paymentMode: BillMode.optional(),
  /**
   * For `split` (and optionally for one mode): what was paid by each mode; must add up to the total.
   * For `credit`: the parts paid now, adding up to less than the total; the rest goes on the khata.
   */
  payments: z.array(z.object({ mode: PaymentMode, amountPaise: PositivePaise })).max(4).optional(),
  /** Bill-level discount in paise, spread over the lines before tax. */
  discountPaise: PaiseAmount.default(0),
  /** false bills without GST (TOGGLE_GST). */
  applyGst: z.boolean().default(true),
  notes: OptionalText(300),
  /** The owner allows this bill past the customer's credit limit (audited). */
  allowOverCreditLimit: z.boolean().default(false),
  /** The counter's open bill this sale completes: removed in the same transaction, so a crash can never bring a sold bill back. */
  draftId: Id.optional(),
});

export const salesCommands = {
  'invoice-create': command<Invoice>()({
    input: InvoiceCreateInput,
    mutates: true,
    role: 'cashier',
    undo: 'reversible',
    undoRole: 'owner',
    description: 'Create a bill in one transaction: lines with GST, next number, stock out, khata or payment.',
  }),
  'invoice-cancel': command<Invoice>()({
    input: z.object({ invoiceId: Id, reason: OptionalText(200) }),
    mutates: true,
    role: 'owner',
    undo: 'none',
    description: 'Cancel a bill: reversing ledger entries, refunds of what was paid, stock restored, status CANCELLED. Owner only.',
  }),
  'invoice-get': command<Invoice>()({
    input: z.object({ invoiceId: Id }),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'One bill with its lines.',
  }),
  'invoice-list': command<Invoice[]>()({
    input: z.object({ limit: Limit(500, 20), customerId: Id.optional() }),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'Recent bills, newest first.',
  }),
} as const;
