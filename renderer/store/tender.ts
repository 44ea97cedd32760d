// Taking the money: cash (with change), UPI (a QR for the amount), card, khata (udhaar) or a split;
// Enter completes. A refusal (credit limit, stock) is shown in the payment panel and the bill stays.
import type { ScreenSource } from '../../common/bridge';
import type { CommandInput } from '../../common/commands';
import { formatRupees } from '../../common/money';
import { invoke } from '../bridge';
import { parseRupees } from '../lib/parse';
import { expectedNextBillNumber } from '../lib/upi';
import type { Slice } from './types';

export const TENDER_MODES = ['cash', 'upi', 'card', 'credit', 'split'] as const;
export type TenderMode = (typeof TENDER_MODES)[number];
export type SplitPart = 'cash' | 'upi' | 'card';

export interface TenderSlice {
  tenderMode: TenderMode;
  /** Empty means the exact amount (shown as the box's placeholder). */
  cashText: string;
  splitText: Record<SplitPart, string>;
  tenderError: string | null;
  tenderBusy: boolean;
  /** The bill number the UPI reference carries. */
  expectedBill: string | null;
  allowOverLimit: boolean;
  openTender(source: ScreenSource, mode?: TenderMode): Promise<void>;
  setTenderMode(mode: TenderMode): void;
  setCashText(text: string): void;
  setSplitText(part: SplitPart, text: string): void;
  setAllowOverLimit(v: boolean): void;
  completeSale(source: ScreenSource): Promise<boolean>;
}

/** Cash received in paise, or null when the box does not hold an amount. */
export function cashGiven(text: string): number | null {
  if (text.trim() === '') return null;
  const r = parseRupees(text, 'error.amount', { allowZero: true });
  return r.ok ? r.value : null;
}

export const createTenderSlice: Slice<TenderSlice> = (set, get) => ({
  tenderMode: 'cash',
  cashText: '',
  splitText: { cash: '', upi: '', card: '' },
  tenderError: null,
  tenderBusy: false,
  expectedBill: null,
  allowOverLimit: false,

  openTender: async (source, mode = 'cash') => {
    const { data, t } = get();
    if (data.lines.length === 0) return set({ billError: t('error.noLines') });
    // The panel opens at once so the next key (C, U, K...) lands in it; the total comes after the save.
    set({ dialog: 'tender', tenderMode: mode, cashText: '', splitText: { cash: '', upi: '', card: '' }, tenderError: null, allowOverLimit: false });
    await get().flush();
    const { totals } = get();
    if (totals.problem) return set({ billError: totals.problem.message, dialog: null });
    const last = await invoke('invoice-list', { limit: 1 }, source);
    const prefix = get().settings?.billPrefix ?? 'GA';
    set({ expectedBill: expectedNextBillNumber(last.ok ? (last.value[0]?.number ?? null) : null, prefix, new Date()) });
  },
  setTenderMode: (tenderMode) => set({ tenderMode, tenderError: null }),
  setCashText: (cashText) => set({ cashText, tenderError: null }),
  setSplitText: (part, text) => set({ splitText: { ...get().splitText, [part]: text }, tenderError: null }),
  setAllowOverLimit: (allowOverLimit) => set({ allowOverLimit }),

  completeSale: async (source) => {
    if (get().tenderBusy) return false;
    await get().flush();
    const { data, totals, tenderMode, cashText, splitText, t, allowOverLimit } = get();
    const total = totals.totalPaise;
    let cash: number | null = null;
    const input: CommandInput<'invoice-create'> = {
      customerId: data.customerId,
      items: data.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPricePaise: l.unitPricePaise, discountPaise: l.discountPaise })),
      discountPaise: data.discountPaise,
      allowOverCreditLimit: allowOverLimit,
      ...(get().draftId !== null ? { draftId: get().draftId! } : {}),
    };
    if (tenderMode === 'cash') {
      cash = cashText.trim() === '' ? total : cashGiven(cashText);
      if (cash === null) return (set({ tenderError: t('error.amount') }), false);
      if (cash < total) return (set({ tenderError: `${t('tender.short')} ${formatRupees(total - cash)}` }), false);
      input.paymentMode = 'cash';
    } else if (tenderMode === 'credit') {
      if (data.customerId === null) return (set({ tenderError: t('tender.needCustomer') }), false);
      input.paymentMode = 'credit';
    } else if (tenderMode === 'split') {
      const payments: { mode: 'cash' | 'upi' | 'card'; amountPaise: number }[] = [];
      for (const part of ['cash', 'upi', 'card'] as const) {
        if (splitText[part].trim() === '') continue;
        const a = parseRupees(splitText[part], 'error.amount');
        if (!a.ok) return (set({ tenderError: t(a.error) }), false);
        payments.push({ mode: part, amountPaise: a.value });
      }
      input.paymentMode = 'split';
      input.payments = payments;
    } else {
      input.paymentMode = tenderMode;
    }
    set({ tenderBusy: true, tenderError: null });
    const r = await invoke('invoice-create', input, source);
    set({ tenderBusy: false });
    if (!r.ok) {
      set({ tenderError: get().errorText(r.error) });
      const m = /^items\.(\d+)\./.exec(r.error.field ?? '');
      if (m) set({ selectedLine: Number(m[1]) });
      return false;
    }
    await get().finishSale({ invoice: r.value, cashGivenPaise: cash, changePaise: cash === null ? null : cash - r.value.totalPaise }, source);
    void get().loadHeld();
    return true;
  },
});
