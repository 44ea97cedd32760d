// Picking the bill's customer with the fuzzy search (customer-search), or adding one on the spot.
import type { ScreenSource } from '../../common/bridge';
import type { CustomerMatch } from '../../common/types';
import { invoke } from '../bridge';
import { parseRupees } from '../lib/parse';
import type { Slice } from './types';

export interface PickerSlice {
  pickerQuery: string;
  pickerResults: CustomerMatch[];
  pickerSelected: number;
  pickerError: string | null;
  /** The quick add form: name (from the query), phone, credit limit. */
  newCustomer: { name: string; phone: string; limit: string } | null;
  openPicker(): void;
  setPickerQuery(q: string): void;
  movePicker(delta: number): void;
  pickSelected(source: ScreenSource): Promise<void>;
  startNewCustomer(): void;
  setNewCustomer(patch: Partial<{ name: string; phone: string; limit: string }>): void;
  saveNewCustomer(source: ScreenSource): Promise<void>;
}

let seq = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

export const createPickerSlice: Slice<PickerSlice> = (set, get) => ({
  pickerQuery: '',
  pickerResults: [],
  pickerSelected: 0,
  pickerError: null,
  newCustomer: null,

  openPicker: () => set({ dialog: 'customer', pickerQuery: '', pickerResults: [], pickerSelected: 0, pickerError: null, newCustomer: null }),
  setPickerQuery: (pickerQuery) => {
    set({ pickerQuery, pickerError: null });
    if (timer) clearTimeout(timer);
    const mine = ++seq;
    if (!pickerQuery.trim()) return set({ pickerResults: [] });
    timer = setTimeout(async () => {
      const r = await invoke('customer-search', { q: pickerQuery, limit: 8 }, 'keyboard');
      if (mine !== seq) return;
      set(r.ok ? { pickerResults: r.value, pickerSelected: 0 } : { pickerError: get().errorText(r.error) });
    }, 30);
  },
  movePicker: (delta) => set({ pickerSelected: Math.max(0, Math.min(get().pickerResults.length - 1, get().pickerSelected + delta)) }),
  pickSelected: async (source) => {
    const c = get().pickerResults[get().pickerSelected];
    if (!c) return;
    set({ dialog: null });
    await get().setCustomer({ id: c.id, name: c.name }, source);
  },
  startNewCustomer: () => set({ newCustomer: { name: get().pickerQuery.trim(), phone: '', limit: '' }, pickerError: null }),
  setNewCustomer: (patch) => {
    const n = get().newCustomer;
    if (n) set({ newCustomer: { ...n, ...patch }, pickerError: null });
  },
  saveNewCustomer: async (source) => {
    const n = get().newCustomer;
    if (!n) return;
    let creditLimitPaise: number | null = null;
    if (n.limit.trim()) {
      const l = parseRupees(n.limit, 'error.amount');
      if (!l.ok) return set({ pickerError: get().t(l.error) });
      creditLimitPaise = l.value;
    }
    const r = await invoke('customer-create', { name: n.name, phone: n.phone.trim() || null, creditLimitPaise }, source);
    if (!r.ok) return set({ pickerError: get().errorText(r.error) });
    set({ dialog: null, newCustomer: null });
    await get().setCustomer({ id: r.value.id, name: r.value.name }, source);
  },
});
