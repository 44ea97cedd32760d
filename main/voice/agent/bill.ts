// The bill being built at a counter, kept where the screen keeps it: the counter's open draft
// (draft-get-open / draft-save-open). Voice and touch then edit one bill, and a restart loses
// nothing. What drafts do not hold (the payment mode said, GST off) the agent remembers.
import type { Actor } from '../../../common/actor';
import type { Draft, DraftData, DraftLine } from '../../../common/commands/drafts';
import type { Product } from '../../../common/types';
import type { Dispatcher } from '../../commands/dispatch';

export const EMPTY_BILL: DraftData = { lines: [], customerId: null, customerName: null, discountPaise: 0 };

export class OpenBill {
  constructor(
    private readonly dispatcher: Dispatcher,
    readonly counter: string,
  ) {}

  load(actor: Actor): { draft: Draft | null; data: DraftData } {
    const r = this.dispatcher.dispatch('draft-get-open', { counter: this.counter }, actor);
    if (!r.ok || !r.value) return { draft: null, data: structuredClone(EMPTY_BILL) };
    return { draft: r.value, data: structuredClone(r.value.data) };
  }

  /** Saves the bill; the saved draft with its totals, or null when it is now empty. */
  save(data: DraftData, actor: Actor): { ok: true; draft: Draft | null } | { ok: false; message: string } {
    const r = this.dispatcher.dispatch('draft-save-open', { counter: this.counter, data }, actor);
    return r.ok ? { ok: true, draft: r.value } : { ok: false, message: r.error.message };
  }

  /** Throws the open bill away (sold, or the customer left). */
  discard(draft: Draft | null, reason: 'sold' | 'cleared', actor: Actor): void {
    if (draft) this.dispatcher.dispatch('draft-discard', { draftId: draft.id, reason }, actor);
  }
}

/** Adds to a line, or a new line at the catalog price. */
export function addLine(data: DraftData, product: Product, quantity: number): void {
  const line = data.lines.find((l) => l.productId === product.id);
  if (line) line.quantity = round3(line.quantity + quantity);
  else data.lines.push(lineFor(product, quantity));
}

/** Sets a line's quantity; 0 removes it. A product not on the bill is added. Returns false when there was nothing to remove. */
export function setLine(data: DraftData, product: Product, quantity: number): boolean {
  const idx = data.lines.findIndex((l) => l.productId === product.id);
  if (quantity <= 0) {
    if (idx < 0) return false;
    data.lines.splice(idx, 1);
    return true;
  }
  if (idx >= 0) data.lines[idx]!.quantity = round3(quantity);
  else data.lines.push(lineFor(product, quantity));
  return true;
}

function lineFor(product: Product, quantity: number): DraftLine {
  return { productId: product.id, name: product.name, unit: product.unit, quantity: round3(quantity), unitPricePaise: product.pricePaise, discountPaise: 0 };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
