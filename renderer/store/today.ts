import type { DailySummary } from '../../common/types';
import { invoke } from '../bridge';
import type { Slice } from './types';

export interface TodaySlice {
  summary: DailySummary | null;
  todayError: string | null;
  loadToday(): Promise<void>;
}

export const createTodaySlice: Slice<TodaySlice> = (set, get) => ({
  summary: null,
  todayError: null,
  loadToday: async () => {
    const r = await invoke('summary-daily', {}, 'keyboard');
    set(r.ok ? { summary: r.value, todayError: null } : { todayError: get().errorText(r.error) });
  },
});
