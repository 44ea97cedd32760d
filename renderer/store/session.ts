// Cashier or owner. The screen only hides what the role may not do; the command table decides.
import type { ScreenSource } from '../../common/bridge';
import { invoke } from '../bridge';
import type { Slice } from './types';
import type { Dialog } from './ui';

export interface SessionSlice {
  role: 'cashier' | 'owner';
  ownerUntil: string | null;
  pinSet: boolean;
  pinText: string;
  pinError: string | null;
  /** What to do once the owner has unlocked (the action that was refused). */
  afterUnlock: (() => void) | null;
  /** The dialog the PIN interrupted, shown again afterwards. */
  pinReturn: Dialog;
  /** Why the PIN was asked for (the refusal, in the cashier's words). */
  pinReason: string | null;
  loadSession(): Promise<void>;
  setSession(role: 'cashier' | 'owner', expiresAt: string | null): void;
  /** Opens the PIN dialog; `then` runs after a good PIN. */
  askOwner(then?: (() => void) | null, reason?: string | null): void;
  cancelPin(): void;
  setPinText(text: string): void;
  unlock(source: ScreenSource): Promise<void>;
  lock(source: ScreenSource): Promise<void>;
}

export const createSessionSlice: Slice<SessionSlice> = (set, get) => ({
  role: 'cashier',
  ownerUntil: null,
  pinSet: false,
  pinText: '',
  pinError: null,
  afterUnlock: null,
  pinReturn: null,
  pinReason: null,

  loadSession: async () => {
    const r = await invoke('auth-status', {}, 'keyboard');
    if (r.ok) set({ role: r.value.role, ownerUntil: r.value.expiresAt, pinSet: r.value.pinSet });
  },
  setSession: (role, expiresAt) => set({ role, ownerUntil: expiresAt }),
  askOwner: (then = null, reason = null) => {
    const d = get().dialog;
    set({ dialog: 'pin', pinReturn: d === 'pin' ? get().pinReturn : d, pinText: '', pinError: null, afterUnlock: then, pinReason: reason });
  },
  cancelPin: () => set({ dialog: get().pinReturn, pinText: '', pinError: null, afterUnlock: null, pinReason: null }),
  setPinText: (pinText) => set({ pinText: pinText.replace(/\D/g, '').slice(0, 8), pinError: null }),
  unlock: async (source) => {
    const { pinText, t } = get();
    if (!/^\d{4,8}$/.test(pinText)) {
      set({ pinError: t('pin.placeholder') });
      return;
    }
    const r = await invoke('owner-unlock', { pin: pinText }, source);
    if (!r.ok) {
      set({ pinError: get().errorText(r.error), pinText: '' });
      return;
    }
    const then = get().afterUnlock;
    set({ role: 'owner', ownerUntil: r.value.expiresAt, pinText: '', pinError: null, afterUnlock: null, pinReason: null, dialog: get().pinReturn });
    then?.();
  },
  lock: async (source) => {
    await invoke('owner-lock', {}, source);
    set({ role: 'cashier', ownerUntil: null });
  },
});
