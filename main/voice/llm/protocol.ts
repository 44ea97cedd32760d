// Messages between the llama fallback parser and its child process (main/voice/models/model-process.ts).
export interface LlamaSetup {
  modelPath: string;
  /** 1 on the shop's PC: a second thread on two cores made a 50-token answer take 13 s instead of 25 ms. */
  threads: number;
  contextSize: number;
}

export type LlamaProtocol = {
  /** Loads (or keeps) the model and a context; fails with the loader's own error name (InvalidGgufMagicError, ...). */
  load: { req: LlamaSetup; res: { loadMs: number; architecture: string | null } };
  /** One utterance in, the grammar-constrained JSON text out (the parent validates it). */
  parse: {
    req: LlamaSetup & { system: string; text: string; schema: Record<string, unknown>; maxTokens: number; temperature: number; seed: number };
    res: { json: string; ms: number; grammarMs: number };
  };
};
