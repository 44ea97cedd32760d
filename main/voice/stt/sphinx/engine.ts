// The catalog grammar engine: PocketSphinx (Debian libpocketsphinx3 and pocketsphinx-en-us) in a
// worker thread, decoding against a JSGF grammar generated from the shop's products and customers,
// with a pronunciation dictionary generated for its Hinglish words. Works with no download on
// Linux. Out-of-grammar speech is forced into some grammar sentence, so every result is checked
// against a free phone loop over the same audio and rejected, not guessed, when it scores low.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logger } from '../../../log';
import type { EngineStatus, Transcript } from '../../types';
import type { CheckedTranscript, StreamingSttEngine, SttStream } from '../../pipeline/stages';
import { WorkerRpc } from '../../pipeline/worker-rpc';
import { DEFAULT_MODEL_DIR, sphinxMissing } from './binding';
import { buildDictionary, phoneLoop, type DictionaryOptions } from './dictionary';
import { buildGrammar, type GrammarCatalog } from './grammar';
import type { SphinxRequest, SphinxResult } from './protocol';

const log = logger('stt-grammar');

export interface GrammarEngineOptions {
  /** Folder with the en-us acoustic model and cmudict-en-us.dict. */
  modelDir?: string;
  /** Where the generated grammar and dictionary files go. */
  workDir: string;
  timeoutMs?: number;
  /** Results below this confidence are rejected (0..1). */
  minConfidence?: number;
  /** Use espeak-ng's readings in the dictionary when it is installed. */
  espeak?: boolean;
  /** Pronunciation sources and how many readings a word keeps (see ./dictionary.ts). */
  dictionary?: Pick<DictionaryOptions, 'englishOrder' | 'hinglishOrder' | 'maxVariants'>;
  /** Extra PocketSphinx settings for the grammar decoder ({"-wip": "1e-4"}). */
  decoderArgs?: Record<string, string>;
}

/**
 * Confidence from the per-frame score margin of the grammar path over the phone loop (log base
 * 1.0001). In-grammar commands measure about +3 to +8 per frame; speech outside the grammar -5 and
 * lower (bench/voice.bench.ts prints the spread). The midpoint sits between the two.
 */
export const MARGIN_MIDPOINT = -1.5;
export const MARGIN_SCALE = 1.5;

export function confidenceOf(r: Pick<SphinxResult, 'score' | 'phoneScore' | 'frames'>): number | null {
  if (r.phoneScore === null || r.frames <= 0) return null;
  const margin = (r.score - r.phoneScore) / r.frames;
  return 1 / (1 + Math.exp(-(margin - MARGIN_MIDPOINT) / MARGIN_SCALE));
}

/**
 * Grammar decoder settings measured on the bench (bench/voice.bench.ts): scoring 16 Gaussians a
 * frame instead of 4 made synthetic and accented speech noticeably more exact for little time.
 */
export const DECODER_ARGS: Record<string, string> = { '-topn': '16' };

export class GrammarSttEngine implements StreamingSttEngine {
  readonly name = 'pocketsphinx-grammar';
  private readonly modelDir: string;
  private readonly rpc: WorkerRpc<SphinxRequest>;
  private load: Extract<SphinxRequest, { type: 'load' }> | null = null;
  private pendingLoad = false;
  private streaming = 0;
  private building: Promise<void> | null = null;
  private lastError: string | null = null;
  readonly minConfidence: number;
  /** Words the last catalog had that no source could pronounce (left out of the grammar). */
  unpronounceable: string[] = [];

  constructor(private readonly opts: GrammarEngineOptions) {
    this.modelDir = opts.modelDir ?? DEFAULT_MODEL_DIR;
    this.minConfidence = opts.minConfidence ?? 0.5;
    this.rpc = new WorkerRpc<SphinxRequest>({
      url: new URL('./worker.ts', import.meta.url),
      name: 'pocketsphinx',
      timeoutMs: opts.timeoutMs ?? 5_000,
      init: () => {
        if (!this.load) throw new Error('no grammar yet');
        return this.load;
      },
    });
  }

  /** Generates the grammar and dictionary for this catalog and loads them (after the utterance in progress). */
  setCatalog(catalog: GrammarCatalog): Promise<void> {
    const run = async () => {
      const t0 = performance.now();
      const grammar = buildGrammar(catalog);
      const dict = await buildDictionary(grammar.words, {
        cmudictFile: existsSync(join(this.modelDir, 'cmudict-en-us.dict')) ? join(this.modelDir, 'cmudict-en-us.dict') : null,
        espeak: this.opts.espeak ?? true,
        ...this.opts.dictionary,
      });
      this.unpronounceable = dict.missing;
      // A word without a pronunciation would make PocketSphinx refuse the whole grammar.
      const jsgf = dict.missing.length ? dropWords(grammar.jsgf, new Set(dict.missing)) : grammar.jsgf;
      const dir = join(this.opts.workDir, 'sphinx');
      mkdirSync(dir, { recursive: true });
      const files = { jsgf: join(dir, `galla-${grammar.key}.gram`), dict: join(dir, `galla-${grammar.key}.dict`) };
      writeFileSync(files.jsgf, jsgf);
      writeFileSync(files.dict, dict.text);
      const loop = phoneLoop();
      const phoneFiles = { jsgf: join(dir, 'phones.gram'), dict: join(dir, 'phones.dict') };
      writeFileSync(phoneFiles.jsgf, loop.jsgf);
      writeFileSync(phoneFiles.dict, loop.dict);
      this.load = { type: 'load', hmm: join(this.modelDir, 'en-us'), ...files, phoneJsgf: phoneFiles.jsgf, phoneDict: phoneFiles.dict, args: { ...DECODER_ARGS, ...this.opts.decoderArgs } };
      log.info(`grammar ${grammar.key}: ${grammar.words.length} words (${JSON.stringify(dict.sources)}) in ${(performance.now() - t0).toFixed(0)} ms`);
      if (this.streaming > 0) this.pendingLoad = true;
      else await this.reload();
    };
    const p = (this.building ?? Promise.resolve()).then(run, run);
    this.building = p.catch((e) => {
      this.lastError = e instanceof Error ? e.message : String(e);
      log.error('grammar build failed', e);
    });
    return p;
  }

  private async reload(): Promise<void> {
    this.pendingLoad = false;
    if (!this.load) return;
    try {
      await this.rpc.call(this.load, { timeoutMs: 30_000 });
      this.lastError = null;
    } catch (e) {
      this.lastError = e instanceof Error ? e.message : String(e);
      throw e;
    }
  }

  async status(): Promise<EngineStatus> {
    const missing = sphinxMissing(this.modelDir);
    if (missing) return { name: this.name, ok: false, reason: missing };
    if (!this.load) return { name: this.name, ok: false, reason: 'The catalog grammar has not been built yet' };
    if (this.lastError) return { name: this.name, ok: false, reason: `PocketSphinx failed: ${this.lastError}` };
    return { name: this.name, ok: true };
  }

  private check(r: SphinxResult): CheckedTranscript {
    const confidence = confidenceOf(r);
    const base = { engine: this.name, confidence, decodeMs: r.decodeMs, audioMs: r.audioMs };
    if (!r.hyp || (confidence !== null && confidence < this.minConfidence)) {
      return { ...base, text: '', rejected: true, heard: r.hyp };
    }
    return { ...base, text: r.hyp };
  }

  async transcribe(pcm: Int16Array, opts: { timeoutMs?: number } = {}): Promise<Transcript> {
    await this.building;
    const copy = pcm.slice();
    const r = await this.rpc.call<SphinxResult>({ type: 'decode', pcm: copy }, { transfer: [copy.buffer as ArrayBuffer], timeoutMs: opts.timeoutMs ?? 10_000 });
    return this.check(r);
  }

  stream(): SttStream {
    this.streaming++;
    let open = true;
    // Calls are queued in order on the worker; the first one waits for the grammar.
    let chain: Promise<unknown> = (this.building ?? Promise.resolve()).then(() => this.rpc.call({ type: 'begin' }));
    const close = () => {
      if (!open) return;
      open = false;
      this.streaming--;
      if (this.streaming === 0 && this.pendingLoad) void this.reload().catch(() => undefined);
    };
    return {
      feed: (pcm, wantPartial) => {
        if (!open) return Promise.resolve(null);
        const copy = pcm.slice();
        const p = chain.then(() => this.rpc.call<string | null>({ type: 'feed', pcm: copy, partial: wantPartial }, { transfer: [copy.buffer as ArrayBuffer] }));
        chain = p.catch(() => undefined);
        return p;
      },
      finish: async () => {
        try {
          await chain;
          return this.check(await this.rpc.call<SphinxResult>({ type: 'end' }));
        } finally {
          close();
        }
      },
      cancel: close,
    };
  }

  /** How often the worker was (re)started; for tests of the restart path. */
  get workerStarts(): number {
    return this.rpc.starts;
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}

/** Removes words from a JSGF grammar's alternatives (a rule left empty becomes a never-matching <VOID>). */
export function dropWords(jsgf: string, words: Set<string>): string {
  return jsgf
    .split('\n')
    .map((line) => {
      const eq = line.indexOf(' = ');
      if (eq < 0 || !line.startsWith('<')) return line;
      const alts = line.slice(eq + 3, -1).split(' | ').filter((a) => !a.split(/\s+/).some((t) => words.has(t.replace(/[[\]()]/g, ''))));
      return `${line.slice(0, eq)} = ${alts.length ? alts.join(' | ') : '<VOID>'};`;
    })
    .join('\n');
}
