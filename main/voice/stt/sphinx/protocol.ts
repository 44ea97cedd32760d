// Messages between the grammar engine and its PocketSphinx worker.
export type SphinxRequest =
  | { type: 'load'; hmm: string; dict: string; jsgf: string; phoneDict: string | null; phoneJsgf: string | null; args: Record<string, string> }
  | { type: 'begin' }
  /** Returns the partial hypothesis when `partial` is set, else null. */
  | { type: 'feed'; pcm: Int16Array; partial: boolean }
  | { type: 'end' }
  | { type: 'decode'; pcm: Int16Array };

export interface SphinxResult {
  hyp: string;
  /** Best path score in the decoder's log base (1.0001), relative to the best senone per frame. */
  score: number;
  /** The phone loop's score over the same audio; null without the phone loop. */
  phoneScore: number | null;
  frames: number;
  /** Time spent decoding this utterance (both decoders), and the audio's length. */
  decodeMs: number;
  audioMs: number;
  wallMs: number;
}
