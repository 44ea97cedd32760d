// Turns per-window speech probabilities (from Silero or the energy fallback) into utterances:
// speech starts after a short run of speech windows and ends after a pause, so voice activity
// ends an utterance on its own.
export const WINDOW = 512; // samples per decision: 32 ms at 16 kHz (Silero's window)
export const WINDOW_MS = (WINDOW / 16_000) * 1000;

export interface EndpointerOptions {
  /** Speech when the probability reaches this. */
  threshold?: number;
  /** Silence again below this (hysteresis). */
  negThreshold?: number;
  /** Speech must last this long to count (coughs and clicks do not). */
  minSpeechMs?: number;
  /** The pause that ends an utterance. */
  endSilenceMs?: number;
}

export type VadState = 'silence' | 'speech' | 'speech-end';

export class Endpointer {
  private readonly threshold: number;
  private readonly negThreshold: number;
  private readonly minSpeechWindows: number;
  private readonly endSilenceWindows: number;
  private inSpeech = false;
  private speechRun = 0;
  private silenceRun = 0;

  constructor(opts: EndpointerOptions = {}) {
    this.threshold = opts.threshold ?? 0.5;
    this.negThreshold = opts.negThreshold ?? Math.max(0.01, this.threshold - 0.15);
    this.minSpeechWindows = Math.max(1, Math.round((opts.minSpeechMs ?? 96) / WINDOW_MS));
    this.endSilenceWindows = Math.max(1, Math.round((opts.endSilenceMs ?? 480) / WINDOW_MS));
  }

  /** One window's probability in, the state after it out. */
  step(prob: number): VadState {
    if (!this.inSpeech) {
      this.speechRun = prob >= this.threshold ? this.speechRun + 1 : 0;
      if (this.speechRun >= this.minSpeechWindows) {
        this.inSpeech = true;
        this.silenceRun = 0;
        return 'speech';
      }
      return 'silence';
    }
    this.silenceRun = prob < this.negThreshold ? this.silenceRun + 1 : 0;
    if (this.silenceRun >= this.endSilenceWindows) {
      this.reset();
      return 'speech-end';
    }
    return 'speech';
  }

  get speaking(): boolean {
    return this.inSpeech;
  }

  /** How long the current pause inside speech has lasted (0 outside speech). */
  get pauseMs(): number {
    return this.inSpeech ? this.silenceRun * WINDOW_MS : 0;
  }

  reset(): void {
    this.inSpeech = false;
    this.speechRun = 0;
    this.silenceRun = 0;
  }
}

/** Collects samples into whole windows. */
export class Windower {
  private buf = new Int16Array(WINDOW);
  private fill = 0;

  push(pcm: Int16Array): Int16Array[] {
    const out: Int16Array[] = [];
    let i = 0;
    while (i < pcm.length) {
      const n = Math.min(WINDOW - this.fill, pcm.length - i);
      this.buf.set(pcm.subarray(i, i + n), this.fill);
      this.fill += n;
      i += n;
      if (this.fill === WINDOW) {
        out.push(this.buf);
        this.buf = new Int16Array(WINDOW);
        this.fill = 0;
      }
    }
    return out;
  }

  reset(): void {
    this.fill = 0;
  }
}

/** The strongest of several window states: speech-end beats speech beats silence. */
export function strongest(states: VadState[], fallback: VadState): VadState {
  if (states.includes('speech-end')) return 'speech-end';
  if (states.includes('speech')) return 'speech';
  return states.length ? 'silence' : fallback;
}
