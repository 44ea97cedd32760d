import type { Gstr1Report, SalesReport } from '../../common/reports';
import type { ScreenSource } from '../../common/bridge';
import type { DailySummary } from '../../common/types';
import type { AppErrorShape } from '../../common/errors';
import { invoke } from '../bridge';
import { istMonth, monthDays } from '../lib/report-month';
import { saveTextFile } from '../lib/save-file';
import type { Slice } from './types';

export interface TodaySlice {
  summary: DailySummary | null;
  todayError: string | null;
  loadToday(): Promise<void>;
  /** The owner's reports on the Today screen: one month (YYYY-MM), by default the last one. */
  reportMonth: string;
  gstr1: Gstr1Report | null;
  gstr1Error: string | null;
  gstr1Busy: boolean;
  sales: SalesReport | null;
  salesError: string | null;
  setReportMonth(month: string): void;
  loadSales(): Promise<void>;
  downloadGstr1(source: ScreenSource): Promise<void>;
}

export const createTodaySlice: Slice<TodaySlice> = (set, get) => {
  // The GSTIN errors name the setting and the API for other programs; the owner needs where on this screen.
  const reportErrorText = (e: AppErrorShape): string => {
    if (e.code === 'CONFLICT' && /GSTIN is not set/.test(e.message)) return get().t('reports.noGstin');
    if (e.code === 'CONFLICT' && /is not a valid GSTIN/.test(e.message) && /setting "gstin"/.test(e.message)) return get().t('reports.badGstin');
    return get().errorText(e);
  };
  return {
    summary: null,
    todayError: null,
    loadToday: async () => {
      const r = await invoke('summary-daily', {}, 'keyboard');
      set(r.ok ? { summary: r.value, todayError: null } : { todayError: get().errorText(r.error) });
      // The reports are the owner's: a cashier's screen does not ask (the command would refuse).
      if (get().role === 'owner') await get().loadSales();
    },
    reportMonth: istMonth(Date.now(), 1),
    gstr1: null,
    gstr1Error: null,
    gstr1Busy: false,
    sales: null,
    salesError: null,
    setReportMonth: (month) => {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || month === get().reportMonth) return;
      set({ reportMonth: month, gstr1: null, gstr1Error: null, sales: null, salesError: null });
      void get().loadSales();
    },
    loadSales: async () => {
      const month = get().reportMonth;
      const r = await invoke('report-sales', monthDays(month), 'keyboard');
      // A month changed while this was on its way: the newer request's answer is the one to show.
      if (get().reportMonth !== month) return;
      set(r.ok ? { sales: r.value, salesError: null } : { sales: null, salesError: reportErrorText(r.error) });
    },
    downloadGstr1: async (source) => {
      if (get().gstr1Busy) return;
      const month = get().reportMonth;
      set({ gstr1Busy: true, gstr1Error: null });
      const r = await invoke('report-gstr1', { month }, source);
      set({ gstr1Busy: false });
      if (get().reportMonth !== month) return;
      if (!r.ok) return set({ gstr1: null, gstr1Error: reportErrorText(r.error) });
      saveTextFile(r.value.fileName, JSON.stringify(r.value.gstr1));
      set({ gstr1: r.value, gstr1Error: null });
    },
  };
};
