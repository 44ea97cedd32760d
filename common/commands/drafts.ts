// Bills being built at the counter, kept by the services so a reload, a crash or a restart brings
// them back: one OPEN bill per counter and any number of HELD ones. A draft is scratch, not books:
// nothing here touches stock, the khata or the bill series; invoice-create does that at the end.
import { z } from 'zod';
import { command } from './define';
import { Id, PaiseAmount, Quantity } from './fields';

const Counter = z
  .string()
  .trim()
  .regex(/^[\w-]{1,40}$/, 'must be 1 to 40 letters, digits, - or _')
  .default('main');

export const DraftLineInput = z.object({
  productId: Id,
  /** As shown when the line was added (the product may be renamed later; the bill uses the catalog). */
  name: z.string().trim().min(1).max(120),
  unit: z.string().trim().min(1).max(20),
  quantity: Quantity,
  /** The price on this line: the catalog's, a typed one, or one from a weighing-scale label. */
  unitPricePaise: PaiseAmount,
  discountPaise: PaiseAmount.default(0),
});

export const DraftDataInput = z.object({
  lines: z.array(DraftLineInput).max(200, 'a bill can have at most 200 lines').default([]),
  customerId: Id.nullable().default(null),
  customerName: z.string().trim().max(120).nullable().default(null),
  /** Bill-level discount in paise. */
  discountPaise: PaiseAmount.default(0),
});

export type DraftLine = z.output<typeof DraftLineInput>;
export type DraftData = z.output<typeof DraftDataInput>;

export type DraftStatus = 'OPEN' | 'HELD';

/** The bill's arithmetic as invoice-create will do it (GST per line, bill discount spread). */
export interface DraftTotals {
  lines: { taxablePaise: number; taxPaise: number; totalPaise: number }[];
  /** After line discounts, before the bill discount. */
  subtotalPaise: number;
  discountPaise: number;
  taxPaise: number;
  totalPaise: number;
  /** Why the totals could not be worked out (a discount larger than its line or the bill); null when they could. */
  problem: { message: string; field: string } | null;
}

export interface Draft {
  id: number;
  counter: string;
  status: DraftStatus;
  label: string | null;
  data: DraftData;
  totals: DraftTotals;
  createdAt: string;
  updatedAt: string;
}

export const draftCommands = {
  'draft-get-open': command<Draft | null>()({
    input: z.object({ counter: Counter }),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'The bill being built at this counter, if any, with its totals.',
  }),
  'draft-save-open': command<Draft | null>()({
    input: z.object({ counter: Counter, data: DraftDataInput }),
    // Saved on every change to the bill: scratch, not books, so it skips the audit row (one
    // statement, atomic on its own). An empty bill removes the row; null comes back.
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'Keep the bill being built at this counter (every change), with its totals.',
  }),
  'draft-hold': command<Draft>()({
    input: z.object({ counter: Counter, data: DraftDataInput, label: z.string().trim().max(60).nullable().default(null) }),
    mutates: true,
    role: 'cashier',
    undo: 'none',
    description: 'Put the bill being built aside (held) and start a new one.',
  }),
  'draft-list-held': command<Draft[]>()({
    input: z.object({}),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'Held bills at every counter, oldest first.',
  }),
  'draft-recall': command<Draft>()({
    input: z.object({ draftId: Id, counter: Counter }),
    mutates: true,
    role: 'cashier',
    undo: 'none',
    description: 'Bring a held bill back to this counter; a bill being built here is held in its place.',
  }),
  'draft-discard': command<{ discarded: number }>()({
    input: z.object({ draftId: Id, reason: z.enum(['sold', 'cleared']).default('cleared') }),
    mutates: true,
    role: 'cashier',
    undo: 'none',
    description: 'Throw away an open or held bill (after it was sold, or when the customer left).',
  }),
} as const;
