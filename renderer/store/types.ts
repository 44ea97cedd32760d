// The one store (STYLE note 11), made of feature slices. After a write a slice refetches what the
// write may have changed rather than patching its copy by hand.
import type { StateCreator } from 'zustand';
import type { AppErrorShape } from '../../common/errors';
import type { BillSlice } from './bill';
import type { SearchSlice } from './search';
import type { SessionSlice } from './session';
import type { UiSlice } from './ui';
import type { TenderSlice } from './tender';
import type { PickerSlice } from './picker';
import type { KhataSlice } from './khata';
import type { ProductsSlice } from './products';
import type { TodaySlice } from './today';
import type { SettingsSlice } from './settings';

export type AppState = UiSlice & SessionSlice & SettingsSlice & BillSlice & SearchSlice & TenderSlice & PickerSlice & KhataSlice & ProductsSlice & TodaySlice;
export type Slice<T> = StateCreator<AppState, [], [], T>;

/** A failed command in the cashier's words (an owner-only refusal names the key to press). */
export type ErrorText = (e: AppErrorShape) => string;
