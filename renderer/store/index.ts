import { create } from 'zustand';
import { createBillSlice } from './bill';
import { createKhataSlice } from './khata';
import { createPickerSlice } from './picker';
import { createProductsSlice } from './products';
import { createSearchSlice } from './search';
import { createSessionSlice } from './session';
import { createSettingsSlice } from './settings';
import { createTenderSlice } from './tender';
import { createTodaySlice } from './today';
import type { AppState } from './types';
import { createUiSlice } from './ui';

export const useApp = create<AppState>()((...a) => ({
  ...createUiSlice(...a),
  ...createSessionSlice(...a),
  ...createSettingsSlice(...a),
  ...createBillSlice(...a),
  ...createSearchSlice(...a),
  ...createTenderSlice(...a),
  ...createPickerSlice(...a),
  ...createKhataSlice(...a),
  ...createProductsSlice(...a),
  ...createTodaySlice(...a),
}));

export type { AppState } from './types';
