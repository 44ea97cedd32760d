// Shared zod fields. Messages name the field's meaning and the fix, since they reach the cashier.
import { z } from 'zod';
import { isQuantity } from '../quantity';

/** An id: a positive whole number, accepted as a number or a numeric string (API paths, JSON). */
export const Id = z.union([
  z.number().int().positive(),
  z.string().regex(/^\d+$/, 'must be a whole-number id').transform(Number),
]);

/** Paise as a safe non-negative integer. */
export const PaiseAmount = z.number().int('must be whole paise').nonnegative('cannot be negative').max(2 ** 51);
export const PositivePaise = z.number().int('must be whole paise').positive('must be more than zero').max(2 ** 51);
/** Signed paise (opening balances can be an advance). */
export const SignedPaise = z.number().int('must be whole paise').min(-(2 ** 51)).max(2 ** 51);

/** A quantity > 0 with at most 3 decimals (0.25 kg). */
export const Quantity = z
  .number({ message: 'must be a number' })
  .positive('must be more than zero')
  .max(1_000_000, 'is too large')
  .refine(isQuantity, 'can have at most 3 decimals');

export const NonNegativeQuantity = z
  .number({ message: 'must be a number' })
  .nonnegative('cannot be negative')
  .max(1_000_000_000, 'is too large')
  .refine(isQuantity, 'can have at most 3 decimals');

/** Text that must not be blank once trimmed. */
export const Name = (what: string, max = 120) =>
  z.string({ message: `${what} is required` }).trim().min(1, `${what} is required`).max(max, `${what} is longer than ${max} characters`);

export const OptionalText = (max = 500) => z.string().trim().max(max).optional().nullable();

/** A 10-digit Indian mobile; spaces, dashes and a +91/0 prefix are tolerated and removed. */
export const Phone = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').replace(/^(\+91|91(?=\d{10}$)|0(?=\d{10}$))/, ''))
  .refine((s) => /^[6-9]\d{9}$/.test(s), 'must be a 10-digit mobile number starting with 6-9');

export const PAYMENT_MODES = ['cash', 'upi', 'card', 'other'] as const;
export const PaymentMode = z.enum(PAYMENT_MODES);
export type PaymentModeName = (typeof PAYMENT_MODES)[number];

/** How a bill is settled: paid by one mode, a split of several, or `credit` (udhaar, on the khata). */
export const BILL_MODES = ['credit', 'cash', 'upi', 'card', 'other', 'split'] as const;
export const BillMode = z.enum(BILL_MODES);
export type BillModeName = (typeof BILL_MODES)[number];

/** GST rates allowed in India, in basis points. */
export const GST_RATES_BP = [0, 25, 300, 500, 1200, 1800, 2800] as const;
export const GstRateBp = z
  .number()
  .int()
  .refine((r) => (GST_RATES_BP as readonly number[]).includes(r), 'must be one of 0, 0.25, 3, 5, 12, 18 or 28 percent (in basis points: 0, 25, 300, 500, 1200, 1800, 2800)');

export const Limit = (max: number, dflt: number) => z.coerce.number().int('must be a whole number').min(1, `must be between 1 and ${max}`).max(max, `must be between 1 and ${max}`).default(dflt);
