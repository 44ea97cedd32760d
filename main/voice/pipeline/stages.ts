// What the pipeline needs beyond the seams in ../types.ts: an STT engine may also take audio as it
// arrives (streaming), which gives partial transcripts and leaves little work after speech ends.
import type { SttEngine, Transcript } from '../types';

export interface SttStream {
  /** Feeds samples; resolves with the partial transcript when asked for one. */
  feed(pcm: Int16Array, wantPartial: boolean): Promise<string | null>;
  finish(): Promise<Transcript>;
  /** Drops the utterance (voice:stop with nothing said, a closed socket). */
  cancel(): void;
}

export interface StreamingSttEngine extends SttEngine {
  stream(): SttStream;
}

export const isStreaming = (e: SttEngine): e is StreamingSttEngine => typeof (e as Partial<StreamingSttEngine>).stream === 'function';

/** A transcript the engine heard but did not trust: text is '' and `heard` says what it would have guessed. */
export interface CheckedTranscript extends Transcript {
  rejected?: boolean;
  heard?: string;
  /** Decode time and audio length, for the real-time factor. */
  decodeMs?: number;
  audioMs?: number;
}
