// PocketSphinx 5prealpha (Debian libpocketsphinx3) called in-process through koffi. Loaded only
// inside the decoder process (./worker.ts): a crash or hang there restarts voice, never the till.
import koffi from 'koffi';
import { existsSync } from 'node:fs';

export const SPHINX_LIBS = ['libsphinxbase.so.3', 'libpocketsphinx.so.3'] as const;
export const DEFAULT_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';


type Fn = (...args: unknown[]) => unknown;

interface Api {
  cmd_ln_init: Fn;
  ps_args: Fn;
  ps_init: Fn;
  ps_free: Fn;
  cmd_ln_free_r: Fn;
  ps_start_utt: Fn;
  ps_process_raw: Fn;
  ps_end_utt: Fn;
  ps_get_hyp: Fn;
  ps_get_n_frames: Fn;
  ps_get_prob: Fn;
}

let api: Api | null = null;

/** Loads the two libraries once; throws with the library's name when one is missing. */
export function loadSphinx(): Api {
  if (api) return api;
  const base = koffi.load(SPHINX_LIBS[0]);
  const ps = koffi.load(SPHINX_LIBS[1]);
  void base;
  api = {
    cmd_ln_init: ps.func('cmd_ln_init', 'void *', ['void *', 'void *', 'int', '...']) as Fn,
    ps_args: ps.func('ps_args', 'void *', []) as Fn,
    ps_init: ps.func('ps_init', 'void *', ['void *']) as Fn,
    ps_free: ps.func('ps_free', 'int', ['void *']) as Fn,
    cmd_ln_free_r: ps.func('cmd_ln_free_r', 'int', ['void *']) as Fn,
    ps_start_utt: ps.func('ps_start_utt', 'int', ['void *']) as Fn,
    ps_process_raw: ps.func('ps_process_raw', 'int', ['void *', 'int16 *', 'size_t', 'int', 'int']) as Fn,
    ps_end_utt: ps.func('ps_end_utt', 'int', ['void *']) as Fn,
    ps_get_hyp: ps.func('ps_get_hyp', 'const char *', ['void *', koffi.out(koffi.pointer('int32'))]) as Fn,
    ps_get_n_frames: ps.func('ps_get_n_frames', 'int', ['void *']) as Fn,
    ps_get_prob: ps.func('ps_get_prob', 'int32', ['void *']) as Fn,
  };
  return api;
}

/** Why the engine cannot run here, or null when it can. Checks files only; loading is the worker's. */
export function sphinxMissing(modelDir = DEFAULT_MODEL_DIR): string | null {
  const libDirs = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib', '/usr/local/lib'];
  for (const lib of SPHINX_LIBS) {
    if (process.platform === 'linux' && !libDirs.some((d) => existsSync(`${d}/${lib}`))) {
      return `${lib} not found: install the Debian packages libpocketsphinx3 and libsphinxbase3`;
    }
  }
  if (process.platform !== 'linux') return 'The PocketSphinx grammar engine is wired for Linux (libpocketsphinx.so.3) only';
  if (!existsSync(`${modelDir}/en-us/mdef`)) return `Acoustic model not found in ${modelDir}/en-us: install the Debian package pocketsphinx-en-us`;
  return null;
}

/** One decoder over one JSGF grammar and its dictionary. Not thread-safe: one utterance at a time. */
export class SphinxDecoder {
  private ps: unknown;
  private inUtt = false;

  constructor(paths: { hmm: string; dict: string; jsgf: string }, extra: Record<string, string> = {}) {
    const a = loadSphinx();
    const s = (v: string) => ['str', v];
    const config = a.cmd_ln_init(
      null,
      a.ps_args(),
      1,
      ...s('-hmm'), ...s(paths.hmm),
      // A grammar as JSGF, or as a finite-state grammar written directly (.fsg).
      ...s(paths.jsgf.endsWith('.fsg') ? '-fsg' : '-jsgf'), ...s(paths.jsgf),
      ...s('-dict'), ...s(paths.dict),
      ...s('-logfn'), ...s(process.env.GALLA_SPHINX_LOG ?? '/dev/null'),
      ...Object.entries(extra).flatMap(([k, v]) => [...s(k), ...s(v)]),
      'str', null,
    );
    if (!config) throw new Error('PocketSphinx refused its configuration (cmd_ln_init returned NULL)');
    this.ps = a.ps_init(config);
    a.cmd_ln_free_r(config);
    if (!this.ps) throw new Error(`PocketSphinx could not start with ${paths.jsgf} and ${paths.dict} (ps_init returned NULL)`);
  }

  start(): void {
    const a = loadSphinx();
    if (this.inUtt) a.ps_end_utt(this.ps);
    if ((a.ps_start_utt(this.ps) as number) < 0) throw new Error('ps_start_utt failed');
    this.inUtt = true;
  }

  /** `whole`: this is the entire utterance, so cepstral mean normalisation uses all of it (more accurate than live). */
  feed(pcm: Int16Array, whole = false): void {
    if (!this.inUtt) this.start();
    if (pcm.length === 0) return;
    if ((loadSphinx().ps_process_raw(this.ps, pcm, pcm.length, 0, whole ? 1 : 0) as number) < 0) throw new Error('ps_process_raw failed');
  }

  /** The best hypothesis so far, mid-utterance (a partial transcript). */
  partial(): string {
    return this.inUtt ? ((loadSphinx().ps_get_hyp(this.ps, [0]) as string | null) ?? '').trim() : '';
  }

  finish(): { hyp: string; score: number; frames: number; prob: number } {
    const a = loadSphinx();
    if (!this.inUtt) this.start();
    if ((a.ps_end_utt(this.ps) as number) < 0) throw new Error('ps_end_utt failed');
    this.inUtt = false;
    const out = [0];
    const hyp = ((a.ps_get_hyp(this.ps, out) as string | null) ?? '').trim();
    return { hyp, score: out[0] ?? 0, frames: a.ps_get_n_frames(this.ps) as number, prob: a.ps_get_prob(this.ps) as number };
  }

  free(): void {
    if (this.ps) loadSphinx().ps_free(this.ps);
    this.ps = null;
  }
}
