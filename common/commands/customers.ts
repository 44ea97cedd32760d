import { z } from 'zod';
import { command } from './define';
import { Id, Limit, Name, OptionalText, Phone, PaiseAmount, SignedPaise } from './fields';
import type { Customer, CustomerBalance, CustomerDetail, CustomerMatch } from '../types';
import { isValidGstin } from '../gstin';

const Gstin = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidGstin, 'is not a valid GSTIN (15 characters, state code first, checksum last): check it on the GST certificate');

const customerFields = {
  phone: Phone.optional().nullable(),
  nickname: OptionalText(80),
  landmark: OptionalText(120),
  notes: OptionalText(500),
  gstin: Gstin.optional().nullable(),
  state: OptionalText(60),
  /** null or absent: no limit. */
  creditLimitPaise: PaiseAmount.optional().nullable(),
};

export const CustomerCreateInput = z.object({
  name: Name('Customer name'),
  ...customerFields,
  openingBalancePaise: SignedPaise.optional(),
});

export const CustomerUpdateInput = z.object({
  customerId: Id,
  name: Name('Customer name').optional(),
  ...customerFields,
});

export const customerCommands = {
  'customer-create': command<Customer>()({
    input: CustomerCreateInput,
    mutates: true,
    role: 'cashier',
    undo: 'none',
    description: 'Add a customer (name unique, case-insensitive), with an optional opening balance.',
  }),
  'customer-update': command<Customer>()({
    input: CustomerUpdateInput,
    mutates: true,
    role: 'cashier',
    undo: 'reversible',
    description: 'Change a customer’s details (phone, nickname, landmark, notes, GSTIN, state, credit limit).',
  }),
  'customer-get': command<CustomerDetail>()({
    input: z.object({ customerId: Id }),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'One customer with their last 5 invoices and scheduled reminders.',
  }),
  'customer-search': command<CustomerMatch[]>()({
    input: z.object({ q: z.string({ message: 'q is required' }).trim().min(1, 'q is required: a name, phone, nickname or landmark').max(200), limit: Limit(50, 10) }),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'Fuzzy Hinglish search across name, nickname, landmark, phone and notes; matchScore 0..1, at least 0.3, best first.',
  }),
  'customer-balances': command<CustomerBalance[]>()({
    input: z.object({ onlyOwing: z.boolean().default(true), limit: Limit(1000, 200) }),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'Customers with balances, oldest dues first.',
  }),
} as const;
