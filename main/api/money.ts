// Rupees at the API edge, paise inside. A zod field for rupee amounts that yields paise.
import { z } from 'zod';
import { isRupeeAmount, rupeesToPaise } from '../../common/money';

const rupeeNumber = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'must be an amount in rupees like 45 or 45.50').transform(Number)]);

/** Rupees >= 0 (number or decimal string), at most 2 decimals -> paise. */
export const RupeesToPaise = rupeeNumber
  .refine((n) => n >= 0, 'cannot be negative')
  .refine(isRupeeAmount, 'must be rupees with at most 2 decimals (like 45.50)')
  .transform((n) => rupeesToPaise(n) as number);

/** Rupees > 0 -> paise. */
export const PositiveRupeesToPaise = rupeeNumber
  .refine((n) => n > 0, 'must be more than zero')
  .refine(isRupeeAmount, 'must be rupees with at most 2 decimals (like 45.50)')
  .transform((n) => rupeesToPaise(n) as number);

/** Signed rupees -> paise (opening balance can be an advance). */
export const SignedRupeesToPaise = rupeeNumber.refine(isRupeeAmount, 'must be rupees with at most 2 decimals (like 45.50)').transform((n) => rupeesToPaise(n) as number);
