// Messages between the Silero VAD and its worker.
export type SileroRequest =
  | { type: 'load'; model: string }
  | { type: 'probs'; stream: number; windows: Int16Array[] }
  | { type: 'reset'; stream: number };
