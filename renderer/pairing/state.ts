// Whether this screen may use the shop's services: 'ok', or a LAN device that must pair first, or
// LAN access turned off on the counter. Its own small store, as voice/state.ts is: the bridge
// reports it before the app's store has anything to show.
import { create } from 'zustand';
import type { LanAccess } from '../bridge/http-bridge';

export const usePairing = create<{ access: LanAccess; message: string }>(() => ({ access: 'ok', message: '' }));

/** "2:59" for the time left until an ISO instant; "0:00" once past. */
export function timeLeft(until: string, now: number): string {
  const s = Math.max(0, Math.ceil((Date.parse(until) - now) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "25 Nov" (the shop's day, IST) for when a device was paired. */
export function dateIST(iso: string, lang: 'en' | 'hi'): string {
  return new Date(iso).toLocaleDateString(lang === 'hi' ? 'hi-IN' : 'en-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Kolkata' });
}
