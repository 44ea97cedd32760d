import { z } from 'zod';
import { command } from './define';
import type { Gstr1Report, SalesReport } from '../reports';

/** A calendar month, YYYY-MM. */
export const MonthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM, like 2026-03');
/** An IST calendar day, YYYY-MM-DD. */
export const IstDateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD, like 2026-03-01')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a real date');

export const reportCommands = {
  'report-gstr1': command<Gstr1Report>()({
    input: z.object({ month: MonthField.optional() }),
    mutates: false,
    role: 'owner',
    undo: 'none',
    description: 'GSTR-1 for a month (default this IST month) from issued bills: B2B, B2CS and HSN summary in the GST offline tool’s JSON. Owner only.',
  }),
  'report-sales': command<SalesReport>()({
    input: z
      .object({ from: IstDateField.optional(), to: IstDateField.optional() })
      .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'must not be before from', path: ['to'] }),
    mutates: false,
    role: 'owner',
    undo: 'none',
    description: 'Sales and GST for IST days (default this month): gross, discounts, GST, cancelled bills, payments by mode, udhaar. No profit: Galla has no purchase prices. Owner only.',
  }),
} as const;
