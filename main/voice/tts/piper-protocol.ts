// Messages between the Piper voice and its worker.
export type PiperRequest =
  | { type: 'load'; model: string; tokens: string; dataDir: string }
  | { type: 'speak'; text: string; speed: number };

export interface PiperAudio {
  samples: Float32Array;
  sampleRate: number;
}
