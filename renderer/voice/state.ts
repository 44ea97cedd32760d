// What the voice corner shows beyond the store's VoiceView: the socket, the engines, the microphone.
import { create } from 'zustand';

export interface EngineStatus {
  name: string;
  ok: boolean;
  /** When not ok: what is missing and what it would add. */
  reason?: string;
}

export interface VoiceStatus {
  /** connecting | ready | closed | unsupported (Electron without a voice URL) */
  connection: 'connecting' | 'ready' | 'closed' | 'unsupported';
  /** The speech engines from voice:start: which are ready, which are missing and what each would add. */
  engines: EngineStatus[];
  /** The microphone is missing or refused, or another problem to show; '' when none. */
  problem: string;
  /** The reply is being spoken. */
  speaking: boolean;
}

export const useVoiceStatus = create<VoiceStatus & { patch(p: Partial<VoiceStatus>): void }>((set) => ({
  connection: 'connecting',
  engines: [],
  problem: '',
  speaking: false,
  patch: (p) => set(p),
}));
