// A PocketSphinx worker process (see ./protocol.ts). The grammar worker keeps two decoders over the
// catalog grammar: a live one fed as audio arrives, for partial transcripts, and a batch one for
// the final transcript. Live decoding normalises the cepstral mean with a running estimate that
// starts from the model's defaults and needs several seconds of speech to settle, and until then it
// hears poorly (espeak-ng speech came out as other words); the batch decoder uses the utterance's
// own mean. The phones worker holds the free phone loop.
import { serveRpc } from '../../pipeline/worker-rpc';
import { SphinxDecoder } from './binding';
import type { DecodeResult, SphinxRequest } from './protocol';

let batch: SphinxDecoder | null = null;
let live: SphinxDecoder | null = null;

function need(d: SphinxDecoder | null, what: string): SphinxDecoder {
  if (!d) throw new Error(`The ${what} decoder is not loaded`);
  return d;
}

serveRpc<SphinxRequest>((req) => {
  switch (req.type) {
    case 'load': {
      batch?.free();
      live?.free();
      batch = live = null;
      const paths = { hmm: req.hmm, dict: req.dict, jsgf: req.jsgf };
      batch = new SphinxDecoder(paths, req.args);
      if (req.role === 'grammar') live = new SphinxDecoder(paths, req.args);
      return null;
    }
    case 'live-begin':
      need(live, 'live').start();
      return null;
    case 'live-feed': {
      const d = need(live, 'live');
      d.feed(req.pcm);
      return req.partial ? d.partial() : null;
    }
    case 'live-end':
      need(live, 'live').finish();
      return null;
    case 'decode': {
      const d = need(batch, 'batch');
      const t0 = performance.now();
      d.start();
      d.feed(req.pcm, true);
      const r = d.finish();
      return { ...r, ms: performance.now() - t0 } satisfies DecodeResult;
    }
    default: {
      const never: never = req;
      throw new Error(`Unknown request ${JSON.stringify(never)}`);
    }
  }
});
