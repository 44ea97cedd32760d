// The bill being built. The screen's copy changes at once (a scan shows its line without waiting);
// every change is then kept by the services (draft-save-open), which answer with the totals as the
// bill will be computed. Draft commands run one after another so a hold never overtakes a save.
import type { ScreenSource } from '../../common/bridge';
import type { Draft, DraftData, DraftLine, DraftTotals } from '../../common/commands/drafts';
import type { Customer, Invoice, Product } from '../../common/types';
import { invoke } from '../bridge';
import { parseQuantity, parseRupees, paiseToInput } from '../lib/parse';
import type { Slice } from './types';

export const EMPTY_BILL: DraftData = { lines: [], customerId: null, customerName: null, discountPaise: 0 };
export const EMPTY_TOTALS: DraftTotals = { lines: [], subtotalPaise: 0, discountPaise: 0, taxPaise: 0, totalPaise: 0, problem: null };

export type EditField = 'quantity' | 'price' | 'lineDiscount' | 'billDiscount';

export interface Receipt {
  invoice: Invoice;
  cashGivenPaise: number | null;
  changePaise: number | null;
}

export interface BillSlice {
  counter: string;
  draftId: number | null;
  data: DraftData;
  savedData: DraftData;
  totals: DraftTotals;
  /** Bumped by every change; a save's answer is taken only if nothing changed since. */
  billVersion: number;
  saving: boolean;
  selectedLine: number;
  billError: string | null;
  billNotice: string | null;
  editor: { field: EditField; line: number; text: string; error: string | null } | null;
  customer: Customer | null;
  held: Draft[];
  heldSelected: number;
  receipt: Receipt | null;
  loadBill(): Promise<void>;
  /** Waits until every change so far is kept by the services. */
  flush(): Promise<void>;
  addProduct(p: Pick<Product, 'id' | 'name' | 'unit' | 'pricePaise'>, opts: { quantity?: number; unitPricePaise?: number; newLine?: boolean }, source: ScreenSource): void;
  selectLine(i: number): void;
  moveLine(delta: number): void;
  openEditor(field: EditField): void;
  setEditorText(text: string): void;
  applyEditor(source: ScreenSource): void;
  /** For voice and tests: the same checks as the editor. */
  editLine(field: EditField, line: number, text: string, source: ScreenSource): string | null;
  bumpQuantity(delta: number, source: ScreenSource): void;
  removeLine(source: ScreenSource): void;
  setCustomer(c: { id: number; name: string } | null, source: ScreenSource): Promise<void>;
  loadCustomer(): Promise<void>;
  hold(source: ScreenSource): Promise<void>;
  loadHeld(): Promise<void>;
  moveHeld(delta: number): void;
  recall(draftId: number, source: ScreenSource): Promise<void>;
  discardHeld(draftId: number, source: ScreenSource): Promise<void>;
  clearBill(source: ScreenSource): Promise<void>;
  /** After a sale: the open bill is gone and a new one starts. */
  finishSale(receipt: Receipt, source: ScreenSource): Promise<void>;
  setBillError(text: string | null): void;
}

/**
 * Which counter this screen is: its open bill is its own. The shop's own machine is "main"; a
 * tablet on the LAN gets a name of its own, kept in its storage.
 */
export function counterId(): string {
  const local = typeof window === 'undefined' || window.galla !== undefined || ['127.0.0.1', 'localhost', '[::1]'].includes(window.location.hostname);
  if (local) return 'main';
  try {
    const known = localStorage.getItem('galla.counter');
    if (known) return known;
    const made = `lan-${Math.random().toString(36).slice(2, 8)}`;
    localStorage.setItem('galla.counter', made);
    return made;
  } catch {
    return 'lan';
  }
}

/** How soon a save that found the services down is tried again. */
const RETRY_MS = 2000;

let chain: Promise<unknown> = Promise.resolve();
/** Draft commands in order, one at a time. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const next = chain.then(fn, fn);
  chain = next.catch(() => undefined);
  return next;
}

export const createBillSlice: Slice<BillSlice> = (set, get) => {
  const takeDraft = (d: Draft | null) =>
    set({ draftId: d?.id ?? null, data: d?.data ?? EMPTY_BILL, savedData: d?.data ?? EMPTY_BILL, totals: d?.totals ?? EMPTY_TOTALS, billVersion: get().billVersion + 1, saving: false });

  /** Shows a change at once and queues its save. */
  const change = (data: DraftData, source: ScreenSource, selectedLine?: number) => {
    const version = get().billVersion + 1;
    set({ data, billVersion: version, saving: true, billError: null, billNotice: null, ...(selectedLine === undefined ? {} : { selectedLine }) });
    void serial(async () => {
      // A later change queued its own save: this one would only be overwritten.
      if (get().billVersion !== version) return;
      const r = await invoke('draft-save-open', { counter: get().counter, data }, source);
      if (get().billVersion !== version) {
        if (r.ok) set({ draftId: r.value?.id ?? null, savedData: data });
        return;
      }
      if (r.ok) set({ draftId: r.value?.id ?? null, savedData: data, totals: r.value?.totals ?? EMPTY_TOTALS, saving: false });
      else if (r.error.code === 'UNAVAILABLE') {
        // The services are not answering: the bill stays as the cashier sees it and is saved again.
        set({ billError: get().errorText(r.error) });
        setTimeout(() => {
          if (get().billVersion === version) change(get().data, source);
        }, RETRY_MS);
      } else {
        // Not kept: the bill goes back to what the services hold, and the reason is shown.
        const back = get().savedData;
        set({ data: back, billVersion: version + 1, saving: false, billError: get().errorText(r.error), selectedLine: Math.min(get().selectedLine, back.lines.length - 1) });
      }
    });
  };

  const withLine = (i: number, patch: Partial<DraftLine>): DraftData => {
    const data = get().data;
    return { ...data, lines: data.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) };
  };

  return {
    counter: counterId(),
    draftId: null,
    data: EMPTY_BILL,
    savedData: EMPTY_BILL,
    totals: EMPTY_TOTALS,
    billVersion: 0,
    saving: false,
    selectedLine: -1,
    billError: null,
    billNotice: null,
    editor: null,
    customer: null,
    held: [],
    heldSelected: 0,
    receipt: null,

    loadBill: async () => {
      const r = await serial(() => invoke('draft-get-open', { counter: get().counter }, 'keyboard'));
      if (!r.ok) {
        set({ billError: get().errorText(r.error) });
        return;
      }
      takeDraft(r.value);
      set({ selectedLine: (r.value?.data.lines.length ?? 0) - 1 });
      await Promise.all([get().loadCustomer(), get().loadHeld()]);
    },
    flush: () => serial(async () => undefined),

    addProduct: (p, opts, source) => {
      const data = get().data;
      const unitPricePaise = opts.unitPricePaise ?? p.pricePaise;
      const quantity = opts.quantity ?? 1;
      // The same item again adds to its line, unless the line was priced or discounted by hand.
      const same = opts.newLine ? -1 : data.lines.findIndex((l) => l.productId === p.id && l.unitPricePaise === unitPricePaise && l.discountPaise === 0);
      if (same >= 0) {
        const q = Math.round((data.lines[same]!.quantity + quantity) * 1000) / 1000;
        change(withLine(same, { quantity: q }), source, same);
        return;
      }
      const line: DraftLine = { productId: p.id, name: p.name, unit: p.unit, quantity, unitPricePaise, discountPaise: 0 };
      change({ ...data, lines: [...data.lines, line] }, source, data.lines.length);
    },

    selectLine: (i) => set({ selectedLine: Math.max(-1, Math.min(i, get().data.lines.length - 1)) }),
    moveLine: (delta) => {
      const n = get().data.lines.length;
      if (n === 0) return;
      const cur = get().selectedLine < 0 ? (delta > 0 ? -1 : n) : get().selectedLine;
      set({ selectedLine: Math.max(0, Math.min(n - 1, cur + delta)) });
    },

    openEditor: (field) => {
      const { data, selectedLine, t } = get();
      if (field !== 'billDiscount') {
        if (data.lines.length === 0) return set({ billError: t('error.noLines') });
        if (selectedLine < 0) return set({ billError: t('error.noLine') });
      }
      const line = data.lines[selectedLine];
      const text =
        field === 'quantity' ? String(line!.quantity) : field === 'price' ? paiseToInput(line!.unitPricePaise) : field === 'lineDiscount' ? (line!.discountPaise ? paiseToInput(line!.discountPaise) : '') : data.discountPaise ? paiseToInput(data.discountPaise) : '';
      set({ editor: { field, line: selectedLine, text, error: null }, dialog: 'editor', billError: null });
    },
    setEditorText: (text) => {
      const e = get().editor;
      if (e) set({ editor: { ...e, text, error: null } });
    },
    applyEditor: (source) => {
      const e = get().editor;
      if (!e) return;
      const error = get().editLine(e.field, e.line, e.text, source);
      if (error) set({ editor: { ...e, error } });
      else set({ editor: null, dialog: null });
    },
    editLine: (field, line, text, source) => {
      const { t, data } = get();
      if (field !== 'billDiscount' && !data.lines[line]) return t('error.noLine');
      if (field === 'quantity') {
        const q = parseQuantity(text);
        if (!q.ok) return t(q.error);
        change(withLine(line, { quantity: q.value }), source);
      } else if (field === 'price') {
        const p = parseRupees(text, 'error.price');
        if (!p.ok) return t(p.error);
        change(withLine(line, { unitPricePaise: p.value }), source);
      } else {
        const d = text.trim() === '' ? ({ ok: true, value: 0 } as const) : parseRupees(text, 'error.discount', { allowZero: true });
        if (!d.ok) return t(d.error);
        change(field === 'lineDiscount' ? withLine(line, { discountPaise: d.value }) : { ...data, discountPaise: d.value }, source);
      }
      return null;
    },
    bumpQuantity: (delta, source) => {
      const { data, selectedLine, t } = get();
      const line = data.lines[selectedLine];
      if (!line) return set({ billError: t('error.noLine') });
      const q = Math.round((line.quantity + delta) * 1000) / 1000;
      if (q <= 0) return set({ billError: t('error.quantity') });
      change(withLine(selectedLine, { quantity: q }), source);
    },
    removeLine: (source) => {
      const { data, selectedLine, t } = get();
      if (!data.lines[selectedLine]) return set({ billError: t('error.noLine') });
      const lines = data.lines.filter((_, i) => i !== selectedLine);
      change({ ...data, lines }, source, Math.min(selectedLine, lines.length - 1));
    },

    setCustomer: async (c, source) => {
      change({ ...get().data, customerId: c?.id ?? null, customerName: c?.name ?? null }, source);
      await get().loadCustomer();
    },
    loadCustomer: async () => {
      const id = get().data.customerId;
      if (id === null) return set({ customer: null });
      const r = await invoke('customer-get', { customerId: id }, 'keyboard');
      set({ customer: r.ok ? r.value : null });
    },

    hold: async (source) => {
      const { data, t } = get();
      if (data.lines.length === 0) return set({ billError: t('error.noLines') });
      const r = await serial(() => invoke('draft-hold', { counter: get().counter, data, label: null }, source));
      if (!r.ok) return set({ billError: get().errorText(r.error) });
      takeDraft(null);
      set({ selectedLine: -1, customer: null, billNotice: `${t('action.hold')}: ${r.value.label ?? ''}` });
      await get().loadHeld();
    },
    loadHeld: async () => {
      const r = await invoke('draft-list-held', {}, 'keyboard');
      if (r.ok) set({ held: r.value, heldSelected: Math.min(get().heldSelected, Math.max(0, r.value.length - 1)) });
    },
    moveHeld: (delta) => set({ heldSelected: Math.max(0, Math.min(get().held.length - 1, get().heldSelected + delta)) }),
    recall: async (draftId, source) => {
      await get().flush();
      const r = await serial(() => invoke('draft-recall', { draftId, counter: get().counter }, source));
      if (!r.ok) {
        set({ billError: get().errorText(r.error) });
        await get().loadHeld();
        return;
      }
      takeDraft(r.value);
      set({ selectedLine: r.value.data.lines.length - 1, dialog: null });
      await Promise.all([get().loadHeld(), get().loadCustomer()]);
    },
    discardHeld: async (draftId, source) => {
      const r = await serial(() => invoke('draft-discard', { draftId, reason: 'cleared' }, source));
      if (!r.ok) set({ billError: get().errorText(r.error) });
      await get().loadHeld();
    },
    clearBill: async (source) => {
      await get().flush();
      const id = get().draftId;
      if (id !== null) {
        const r = await serial(() => invoke('draft-discard', { draftId: id, reason: 'cleared' }, source));
        if (!r.ok) return set({ billError: get().errorText(r.error), dialog: null });
      }
      takeDraft(null);
      set({ selectedLine: -1, customer: null, dialog: null, billError: null });
    },
    finishSale: async (receipt) => {
      // invoice-create removed the draft in the sale's own transaction (its draftId).
      takeDraft(null);
      set({ selectedLine: -1, customer: null, receipt, dialog: 'receipt', billError: null });
    },
    setBillError: (billError) => set({ billError }),
  };
};
