// Messages between the Whisper engine and its child process (main/voice/models/model-process.ts).
export type WhisperProtocol = {
  /** Loads (or keeps) the model; fails with the reason the file cannot be used. */
  load: { req: { modelPath: string; checkFile: boolean }; res: { loadMs: number } };
  /** 16 kHz mono 16-bit PCM in; text out. Loads the model first when this child has not. */
  transcribe: {
    req: { modelPath: string; checkFile: boolean; pcm: Int16Array; language: string; threads: number; prompt?: string };
    res: { text: string; language: string | null; ms: number };
  };
};
