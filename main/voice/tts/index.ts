// Chooses the reply voice by what is installed: a Piper voice, else espeak-ng, else none (the
// reply is on screen only). Every engine's status goes to the client so the screen can say what
// is missing and what it would add.
import type { EngineStatus, TtsEngine } from '../types';
import { EspeakTts, espeakInstalled } from './espeak';
import { PiperTts } from './piper';

export { EspeakTts } from './espeak';
export { PiperTts, findPiperVoice } from './piper';

export interface TtsChoice {
  engine: TtsEngine | null;
  statuses: EngineStatus[];
}

export async function chooseTts(opts: { modelsDir?: string; prefer?: 'piper' | 'espeak' | 'none' } = {}): Promise<TtsChoice> {
  const piper = new PiperTts({ ...(opts.modelsDir ? { modelsDir: opts.modelsDir } : {}) });
  const espeak = new EspeakTts();
  const statuses = [await piper.status(), await espeak.status()];
  if (opts.prefer === 'none') return { engine: null, statuses };
  if (opts.prefer !== 'espeak' && statuses[0]!.ok) return { engine: piper, statuses };
  if (espeakInstalled()) return { engine: espeak, statuses };
  return { engine: null, statuses };
}
