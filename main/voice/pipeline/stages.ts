// What the pipeline needs beyond the seams in ../types.ts: an STT engine may also take audio as it
// arrives (streaming), which gives partial transcripts and leaves little work after speech ends.
import type { SttEngine, Transcript, Vad } from '../types';

export interface SttStream {
  /** Feeds samples; resolves with the partial transcript when asked for one. */
  feed(pcm: Int16Array, wantPartial: boolean): Promise<string | null>;
  /**
   * Speech may have ended here (the VAD hears a pause): start on the final transcript of the audio
   * so far, so it is ready, or nearly, when the pause turns out to be the end.
   */
  prepare?(): void;
  /** The final transcript. `reusePrepared`: nothing but pause came after the last prepare(). */
  finish(opts?: { reusePrepared?: boolean }): Promise<Transcript>;
  /** Drops the utterance (voice:stop with nothing said, a closed socket). */
  cancel(): void;
}

export interface StreamingSttEngine extends SttEngine {
  stream(): SttStream;
}

/** A VAD that also says how long the current pause in speech has lasted. */
export interface PauseAwareVad extends Vad {
  readonly pauseMs: number;
}

export const isPauseAware = (v: Vad): v is PauseAwareVad => typeof (v as Partial<PauseAwareVad>).pauseMs === 'number';

export const isStreaming = (e: SttEngine): e is StreamingSttEngine => typeof (e as Partial<StreamingSttEngine>).stream === 'function';

/** A transcript the engine heard but did not trust: text is '' and `heard` says what it would have guessed. */
export interface CheckedTranscript extends Transcript {
  rejected?: boolean;
  heard?: string;
  /** The grammar engine's score margin over its phone loop, per frame (what confidence is computed from). */
  margin?: number;
  /** Decode time and audio length, for the real-time factor. */
  decodeMs?: number;
  audioMs?: number;
}
