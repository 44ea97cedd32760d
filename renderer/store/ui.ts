import type { Lang } from '../i18n/dict';
import { translate, type DictKey } from '../i18n/dict';
import type { AppErrorShape } from '../../common/errors';
import type { Slice } from './types';

export const SCREENS = ['billing', 'khata', 'products', 'today', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];
/** At most one dialog at a time; keys go to it first. */
export type Dialog = 'customer' | 'tender' | 'held' | 'receipt' | 'pin' | 'help' | 'editor' | 'confirmClear' | 'khataForm' | 'productForm' | 'share' | null;

const LANG_KEY = 'galla.lang';

/** The voice corner, filled in by the voice pipeline: push-to-talk state, transcript, intent, reply. */
export interface VoiceView {
  listening: boolean;
  transcript: string;
  understood: string;
  reply: string;
}

export interface UiSlice {
  screen: Screen;
  dialog: Dialog;
  lang: Lang;
  /** Set once at start from the settings unless this counter chose a language. */
  langChosen: boolean;
  t(key: DictKey, vars?: Record<string, string | number>): string;
  errorText(e: AppErrorShape): string;
  go(screen: Screen): void;
  openDialog(d: Dialog): void;
  closeDialog(): void;
  toggleLang(): void;
  voice: VoiceView;
  setVoice(patch: Partial<VoiceView>): void;
}

function storedLang(): Lang | null {
  try {
    const l = localStorage.getItem(LANG_KEY);
    return l === 'en' || l === 'hi' ? l : null;
  } catch {
    return null;
  }
}

export const createUiSlice: Slice<UiSlice> = (set, get) => ({
  screen: 'billing',
  dialog: null,
  lang: storedLang() ?? 'en',
  langChosen: storedLang() !== null,
  t: (key, vars) => translate(get().lang, key, vars),
  errorText: (e) => {
    const t = get().t;
    if (e.code === 'FORBIDDEN' && /owner/i.test(e.message)) return t('error.forbidden');
    if (e.code === 'UNAVAILABLE' && /not answering/.test(e.message)) return t('error.offline');
    return e.message;
  },
  go: (screen) => set({ screen, dialog: null }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  voice: { listening: false, transcript: '', understood: '', reply: '' },
  setVoice: (patch) => set({ voice: { ...get().voice, ...patch } }),
  toggleLang: () => {
    const lang: Lang = get().lang === 'en' ? 'hi' : 'en';
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Storage off: the choice lasts until the page closes.
    }
    set({ lang, langChosen: true });
  },
});
