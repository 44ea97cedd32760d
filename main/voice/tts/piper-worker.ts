// A Piper (VITS) voice run by sherpa-onnx-node's OfflineTts in a child process.
import { createRequire } from 'node:module';
import { serveRpc } from '../pipeline/worker-rpc';
import type { PiperAudio, PiperRequest } from './piper-protocol';

const require = createRequire(import.meta.url);
interface OfflineTts {
  generate(req: { text: string; sid: number; speed: number }): PiperAudio;
}
let tts: OfflineTts | null = null;

serveRpc<PiperRequest>((req) => {
  switch (req.type) {
    case 'load': {
      const sherpa = require('sherpa-onnx-node') as { OfflineTts: new (config: unknown) => OfflineTts };
      tts = new sherpa.OfflineTts({
        model: { vits: { model: req.model, tokens: req.tokens, dataDir: req.dataDir }, numThreads: 1, provider: 'cpu', debug: 0 },
        maxNumSentences: 1,
      });
      return null;
    }
    case 'speak': {
      if (!tts) throw new Error('The Piper voice is not loaded');
      const a = tts.generate({ text: req.text, sid: 0, speed: req.speed });
      return { samples: a.samples, sampleRate: a.sampleRate } satisfies PiperAudio;
    }
    default: {
      const never: never = req;
      throw new Error(`Unknown request ${JSON.stringify(never)}`);
    }
  }
});
