// Silero VAD in a child process (onnxruntime-node, CPU, one thread): one probability per 512-sample
// window. The recurrent state lives here, one per stream id.
import * as ort from 'onnxruntime-node';
import { serveRpc } from '../pipeline/worker-rpc';
import type { SileroRequest } from './silero-protocol';

const CONTEXT = 64;
let session: ort.InferenceSession | null = null;
const streams = new Map<number, { state: Float32Array; context: Float32Array }>();
const sr = new ort.Tensor('int64', BigInt64Array.from([16000n]));

async function probs(id: number, windows: Int16Array[]): Promise<number[]> {
  if (!session) throw new Error('Silero VAD model is not loaded');
  let s = streams.get(id);
  if (!s) {
    s = { state: new Float32Array(2 * 128), context: new Float32Array(CONTEXT) };
    streams.set(id, s);
  }
  const out: number[] = [];
  for (const w of windows) {
    const input = new Float32Array(CONTEXT + w.length);
    input.set(s.context, 0);
    for (let i = 0; i < w.length; i++) input[CONTEXT + i] = w[i]! / 32768;
    const r = await session.run({
      input: new ort.Tensor('float32', input, [1, input.length]),
      state: new ort.Tensor('float32', s.state, [2, 1, 128]),
      sr,
    });
    const names = session.outputNames;
    out.push((r[names[0]!]!.data as Float32Array)[0]!);
    s.state = Float32Array.from(r[names[1]!]!.data as Float32Array);
    s.context = input.slice(input.length - CONTEXT);
  }
  return out;
}

serveRpc<SileroRequest>(async (req) => {
  switch (req.type) {
    case 'load':
      session = await ort.InferenceSession.create(req.model, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' });
      return { inputs: session.inputNames };
    case 'probs':
      return probs(req.stream, req.windows);
    case 'reset':
      streams.delete(req.stream);
      return null;
    default: {
      const never: never = req;
      throw new Error(`Unknown request ${JSON.stringify(never)}`);
    }
  }
});
