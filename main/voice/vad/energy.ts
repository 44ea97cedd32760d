// The fallback VAD when the Silero model cannot load: loudness over an adaptive noise floor.
// Cruder (a fan or traffic can hold it open), and status() says so.
import type { EngineStatus, Vad } from '../types';
import { Endpointer, type EndpointerOptions, type VadState, Windower, strongest } from './endpointer';

export class EnergyVad implements Vad {
  readonly name = 'energy';
  private readonly endpointer: Endpointer;
  private readonly windower = new Windower();
  private noiseFloor = 100;
  private last: VadState = 'silence';

  constructor(private readonly why: string | null = null, opts: EndpointerOptions = {}) {
    this.endpointer = new Endpointer(opts);
  }

  async status(): Promise<EngineStatus> {
    return this.why
      ? { name: this.name, ok: true, reason: `Using the energy VAD because Silero VAD could not load: ${this.why}. Pauses in noisy shops end utterances less reliably.` }
      : { name: this.name, ok: true };
  }

  /** Probability-like score of one window: how far its level rises over the noise floor. */
  score(win: Int16Array): number {
    let s = 0;
    for (let i = 0; i < win.length; i++) s += win[i]! * win[i]!;
    const level = Math.sqrt(s / win.length);
    const speech = level > Math.max(this.noiseFloor * 3, 250);
    // The floor follows quiet windows quickly and loud ones slowly.
    if (!speech) this.noiseFloor = this.noiseFloor * 0.9 + level * 0.1;
    else this.noiseFloor = this.noiseFloor * 0.999 + level * 0.001;
    return speech ? 1 : 0;
  }

  async push(pcm: Int16Array): Promise<VadState> {
    const states = this.windower.push(pcm).map((w) => this.endpointer.step(this.score(w)));
    this.last = strongest(states, this.last === 'speech-end' ? 'silence' : this.last);
    return this.last;
  }

  get pauseMs(): number {
    return this.endpointer.pauseMs;
  }

  reset(): void {
    this.endpointer.reset();
    this.windower.reset();
    this.last = 'silence';
  }
}
