import type { ScreenSource } from '../../common/bridge';
import type { ShopSettings } from '../../common/types';
import { invoke } from '../bridge';
import { loadScaleLayout, saveScaleLayout, type ScaleLayout } from '../lib/scale';
import type { Slice } from './types';

export interface SettingsSlice {
  settings: ShopSettings | null;
  scale: ScaleLayout;
  settingsError: { message: string; field: string | null } | null;
  settingsNotice: string | null;
  loadSettings(): Promise<void>;
  saveSettings(patch: Partial<ShopSettings>, source: ScreenSource): Promise<boolean>;
  setOwnerPin(pin: string, source: ScreenSource): Promise<boolean>;
  saveScale(layout: ScaleLayout): void;
}

export const createSettingsSlice: Slice<SettingsSlice> = (set, get) => ({
  settings: null,
  scale: loadScaleLayout(),
  settingsError: null,
  settingsNotice: null,

  loadSettings: async () => {
    const r = await invoke('settings-get', {}, 'keyboard');
    if (!r.ok) return;
    set({ settings: r.value });
    if (!get().langChosen) set({ lang: r.value.language });
  },
  saveSettings: async (patch, source) => {
    set({ settingsError: null, settingsNotice: null });
    const r = await invoke('settings-update', patch, source);
    if (!r.ok) {
      set({ settingsError: { message: get().errorText(r.error), field: r.error.field ?? null } });
      if (r.error.code === 'FORBIDDEN') get().askOwner(() => void get().saveSettings(patch, source), get().errorText(r.error));
      return false;
    }
    await get().loadSettings();
    set({ settingsNotice: get().t('settings.saved') });
    return true;
  },
  setOwnerPin: async (pin, source) => {
    set({ settingsError: null, settingsNotice: null });
    const r = await invoke('owner-pin-set', { pin }, source);
    if (!r.ok) {
      set({ settingsError: { message: get().errorText(r.error), field: 'pin' } });
      if (r.error.code === 'FORBIDDEN') get().askOwner(() => void get().setOwnerPin(pin, source), get().errorText(r.error));
      return false;
    }
    set({ settingsNotice: get().t('settings.pinSaved'), pinSet: true });
    return true;
  },
  saveScale: (scale) => {
    saveScaleLayout(scale);
    set({ scale, settingsNotice: get().t('settings.saved') });
  },
});
