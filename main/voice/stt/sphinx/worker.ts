// The PocketSphinx worker thread: two decoders over the same audio, streamed as it arrives: the
// catalog grammar, and a free phone loop whose score is the yardstick for the grammar's (speech the
// grammar cannot explain scores far below the phone loop). Started and restarted by ./engine.ts.
import { parentPort } from 'node:worker_threads';
import { serveRpc } from '../../pipeline/worker-rpc';
import { SphinxDecoder } from './binding';
import type { SphinxRequest, SphinxResult } from './protocol';

let grammar: SphinxDecoder | null = null;
let phones: SphinxDecoder | null = null;
let t0 = 0;
let decodeMs = 0;
let samples = 0;

function need(): { g: SphinxDecoder; p: SphinxDecoder | null } {
  if (!grammar) throw new Error('The grammar is not loaded');
  return { g: grammar, p: phones };
}

function timed<T>(f: () => T): T {
  const t = performance.now();
  try {
    return f();
  } finally {
    decodeMs += performance.now() - t;
  }
}

function finish(): SphinxResult {
  const { g, p } = need();
  const r = timed(() => {
    const gr = g.finish();
    const pr = p ? p.finish() : null;
    return { ...gr, phoneScore: pr ? pr.score : null };
  });
  return { ...r, decodeMs, audioMs: samples / 16, wallMs: performance.now() - t0 };
}

serveRpc<SphinxRequest>(parentPort, (req) => {
  switch (req.type) {
    case 'load': {
      grammar?.free();
      phones?.free();
      grammar = null;
      phones = null;
      grammar = new SphinxDecoder({ hmm: req.hmm, dict: req.dict, jsgf: req.jsgf }, req.args);
      phones = req.phoneJsgf && req.phoneDict ? new SphinxDecoder({ hmm: req.hmm, dict: req.phoneDict, jsgf: req.phoneJsgf }) : null;
      return { ok: true };
    }
    case 'begin': {
      const { g, p } = need();
      t0 = performance.now();
      decodeMs = 0;
      samples = 0;
      timed(() => {
        g.start();
        p?.start();
      });
      return null;
    }
    case 'feed': {
      const { g, p } = need();
      samples += req.pcm.length;
      return timed(() => {
        g.feed(req.pcm);
        p?.feed(req.pcm);
        return req.partial ? g.partial() : null;
      });
    }
    case 'end':
      return finish();
    case 'decode': {
      const { g, p } = need();
      t0 = performance.now();
      decodeMs = 0;
      samples = req.pcm.length;
      timed(() => {
        g.start();
        p?.start();
        g.feed(req.pcm, true);
        p?.feed(req.pcm, true);
      });
      return finish();
    }
    default: {
      const never: never = req;
      throw new Error(`Unknown request ${JSON.stringify(never)}`);
    }
  }
});
