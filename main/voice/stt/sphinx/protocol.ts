// Messages between the grammar engine and its PocketSphinx workers. Two workers: one holds the
// grammar (a live decoder for partial transcripts, a batch decoder for the final one), the other
// the free phone loop that the final is measured against. They decode the same audio in parallel.
export type SphinxRole = 'grammar' | 'phones';

export type SphinxRequest =
  | { type: 'load'; role: SphinxRole; hmm: string; dict: string; jsgf: string; args: Record<string, string> }
  /** Starts the live decoder (partial transcripts) for a new utterance. */
  | { type: 'live-begin' }
  /** Feeds the live decoder; returns its hypothesis so far when `partial` is set, else null. */
  | { type: 'live-feed'; pcm: Int16Array; partial: boolean }
  | { type: 'live-end' }
  /** Decodes a whole utterance with cepstral mean normalisation over all of it. */
  | { type: 'decode'; pcm: Int16Array };

export interface DecodeResult {
  hyp: string;
  /** Best path score in the decoder's log base (1.0001), relative to the best senone per frame. */
  score: number;
  frames: number;
  ms: number;
}

export interface SphinxResult {
  hyp: string;
  score: number;
  /** The phone loop's score over the same audio; null without the phone loop. */
  phoneScore: number | null;
  frames: number;
  /** Decode time (the slower of the two workers) and the audio's length. */
  decodeMs: number;
  audioMs: number;
}
