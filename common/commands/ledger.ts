import { z } from 'zod';
import { command } from './define';
import { Id, Limit, OptionalText, PaymentMode, PositivePaise } from './fields';
import type { LedgerEntry } from '../types';

export const ledgerCommands = {
  'ledger-record-payment': command<LedgerEntry>()({
    input: z
      .object({
        customerId: Id,
        amountPaise: PositivePaise,
        mode: PaymentMode.default('cash'),
        notes: OptionalText(200),
        /** Paid by several modes at once ("700 cash aur 300 UPI"): one entry per part, in one transaction. */
        parts: z.array(z.object({ mode: PaymentMode, amountPaise: PositivePaise })).min(2).max(4).optional(),
      })
      .superRefine((v, ctx) => {
        const sum = v.parts?.reduce((a, p) => a + p.amountPaise, 0);
        if (sum !== undefined && sum !== v.amountPaise) {
          ctx.addIssue({ code: 'custom', path: ['parts'], message: `The parts add up to ${sum} paise but the payment is ${v.amountPaise}: make them add up to the amount` });
        }
      }),
    mutates: true,
    role: 'cashier',
    undo: 'reversible',
    description: 'A payment received from a customer: a CREDIT entry with its mode (one per part when paid by several modes).',
  }),
  'ledger-add-udhaar': command<LedgerEntry>()({
    input: z.object({ customerId: Id, amountPaise: PositivePaise, description: OptionalText(200), allowOverCreditLimit: z.boolean().default(false) }),
    mutates: true,
    role: 'cashier',
    undo: 'reversible',
    description: 'Udhaar written by hand: a DEBIT entry (the customer owes more), checked against the credit limit.',
  }),
  'ledger-credit-adjust': command<LedgerEntry>()({
    input: z.object({ customerId: Id, amountPaise: PositivePaise, description: OptionalText(200) }),
    mutates: true,
    role: 'owner',
    undo: 'reversible',
    description: 'A credit adjustment (return, discount): a CREDIT entry without a payment mode. Owner only.',
  }),
  'ledger-list': command<LedgerEntry[]>()({
    input: z.object({ customerId: Id, limit: Limit(1000, 50) }),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'A customer’s ledger, newest first, with the running balance.',
  }),
} as const;
