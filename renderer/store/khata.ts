// The khata: who owes (oldest dues first), one customer's statement with the running balance, a
// payment taken, udhaar written by hand, and the statement shared as text or a wa.me link.
import type { ScreenSource } from '../../common/bridge';
import { formatRupees } from '../../common/money';
import type { Customer, CustomerBalance, LedgerEntry } from '../../common/types';
import type { PaymentModeName } from '../../common/commands/fields';
import { invoke } from '../bridge';
import { parseRupees } from '../lib/parse';
import { statementText } from '../lib/share';
import type { Slice } from './types';

export interface KhataForm {
  kind: 'payment' | 'udhaar';
  amount: string;
  mode: PaymentModeName;
  note: string;
  overLimit: boolean;
  error: string | null;
}

export interface KhataSlice {
  balances: CustomerBalance[];
  khataFilter: string;
  khataSelected: number;
  statementOf: Customer | null;
  entries: LedgerEntry[];
  khataForm: KhataForm | null;
  khataNotice: string | null;
  khataError: string | null;
  shareText: string | null;
  loadKhata(): Promise<void>;
  setKhataFilter(q: string): void;
  moveKhata(delta: number): void;
  openStatement(customerId: number): Promise<void>;
  openKhataForm(kind: KhataForm['kind']): void;
  setKhataForm(patch: Partial<KhataForm>): void;
  saveKhataForm(source: ScreenSource): Promise<boolean>;
  openShare(): void;
}

let seq = 0;

export const createKhataSlice: Slice<KhataSlice> = (set, get) => {
  const selectedId = () => get().balances[get().khataSelected]?.id ?? get().statementOf?.id ?? null;
  return {
    balances: [],
    khataFilter: '',
    khataSelected: 0,
    statementOf: null,
    entries: [],
    khataForm: null,
    khataNotice: null,
    khataError: null,
    shareText: null,

    loadKhata: async () => {
      const mine = ++seq;
      const q = get().khataFilter.trim();
      const r = q ? await invoke('customer-search', { q, limit: 30 }, 'keyboard') : await invoke('customer-balances', { onlyOwing: true, limit: 200 }, 'keyboard');
      if (mine !== seq) return;
      if (!r.ok) return set({ khataError: get().errorText(r.error) });
      const balances: CustomerBalance[] = r.value.map((c) => ('oldestDueAt' in c ? c : { id: c.id, name: c.name, phone: c.phone, balancePaise: c.balancePaise, creditLimitPaise: c.creditLimitPaise, oldestDueAt: null, lastPaymentAt: null }));
      set({ balances, khataError: null, khataSelected: Math.min(get().khataSelected, Math.max(0, balances.length - 1)) });
      const id = selectedId();
      if (id !== null && (get().statementOf === null || !balances.some((b) => b.id === get().statementOf?.id))) await get().openStatement(balances[get().khataSelected]?.id ?? id);
      else if (get().statementOf) await get().openStatement(get().statementOf!.id);
    },
    setKhataFilter: (khataFilter) => {
      set({ khataFilter, khataSelected: 0 });
      void get().loadKhata();
    },
    moveKhata: (delta) => {
      const i = Math.max(0, Math.min(get().balances.length - 1, get().khataSelected + delta));
      set({ khataSelected: i });
      const c = get().balances[i];
      if (c) void get().openStatement(c.id);
    },
    openStatement: async (customerId) => {
      const [c, l] = await Promise.all([invoke('customer-get', { customerId }, 'keyboard'), invoke('ledger-list', { customerId, limit: 100 }, 'keyboard')]);
      if (!c.ok) return set({ khataError: get().errorText(c.error) });
      set({ statementOf: c.value, entries: l.ok ? l.value : [], khataError: l.ok ? null : get().errorText(l.error) });
    },
    openKhataForm: (kind) => {
      if (!get().statementOf) return;
      set({ khataForm: { kind, amount: '', mode: 'cash', note: '', overLimit: false, error: null }, dialog: 'khataForm', khataNotice: null });
    },
    setKhataForm: (patch) => {
      const f = get().khataForm;
      if (f) set({ khataForm: { ...f, ...patch, error: null } });
    },
    saveKhataForm: async (source) => {
      const { khataForm: f, statementOf: c, t } = get();
      if (!f || !c) return false;
      const amount = parseRupees(f.amount, 'error.amount');
      if (!amount.ok) return (set({ khataForm: { ...f, error: t(amount.error) } }), false);
      const note = f.note.trim() || null;
      const r =
        f.kind === 'payment'
          ? await invoke('ledger-record-payment', { customerId: c.id, amountPaise: amount.value, mode: f.mode, notes: note }, source)
          : await invoke('ledger-add-udhaar', { customerId: c.id, amountPaise: amount.value, description: note, allowOverCreditLimit: f.overLimit }, source);
      if (!r.ok) return (set({ khataForm: { ...f, error: get().errorText(r.error) } }), false);
      set({ khataForm: null, dialog: null });
      await get().openStatement(c.id);
      await get().loadKhata();
      const after = get().statementOf;
      set({ khataNotice: t('khata.recorded', { name: c.name, amount: formatRupees(after?.balancePaise ?? 0) }) });
      return true;
    },
    openShare: () => {
      const { statementOf: c, entries, settings } = get();
      if (!c) return;
      set({ shareText: statementText(settings?.name ?? 'Galla', c, entries), dialog: 'share' });
    },
  };
};
