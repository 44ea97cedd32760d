// The catalog grammar engine: PocketSphinx (Debian libpocketsphinx3 and pocketsphinx-en-us) in a
// worker process, decoding against a JSGF grammar generated from the shop's products and customers,
// with a pronunciation dictionary generated for its Hinglish words. Works with no download on
// Linux. Out-of-grammar speech is forced into some grammar sentence, so every result is checked
// against a free phone loop over the same audio and rejected, not guessed, when it scores low.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logger } from '../../../log';
import type { EngineStatus, Transcript } from '../../types';
import type { CheckedTranscript, StreamingSttEngine, SttStream } from '../../pipeline/stages';
import { concatPcm, SAMPLE_RATE } from '../../audio/wav';
import { WorkerRpc } from '../../pipeline/worker-rpc';
import { DEFAULT_MODEL_DIR, sphinxMissing } from './binding';
import { type AdaptSample, adaptationFile, adaptToVoice } from './adapt';
import { buildDictionary, phoneLoop, type DictionaryOptions } from './dictionary';
import { buildGrammar, type GrammarCatalog } from './grammar';
import type { DecodeResult, SphinxRequest, SphinxResult } from './protocol';

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
  /** An MLLR transform for the voice (./adapt.ts), used by both decoders. */
  mllr?: string | null;
}

/**
 * Confidence from the per-frame score margin of the grammar path over the free phone loop (log base
 * 1.0001). Each decoder scores frames against its own best active senone, so the margin is a rough
 * yardstick, not a probability. Measured on the bench over espeak-ng speech with room noise (both
 * voices, with DECODER_ARGS): at -16, 55 of 71 commands heard right are kept, 17 of 57 heard wrong
 * and none of 17 sentences outside the grammar; at -13, 43 right and 10 wrong; at -19, 61 and 30.
 */
export const MARGIN_MIDPOINT = -16;
export const MARGIN_SCALE = 1.5;

export function marginOf(r: Pick<SphinxResult, 'score' | 'phoneScore' | 'frames'>): number | null {
  return r.phoneScore === null || r.frames <= 0 ? null : (r.score - r.phoneScore) / r.frames;
}

export function confidenceOf(r: Pick<SphinxResult, 'score' | 'phoneScore' | 'frames'>): number | null {
  const margin = marginOf(r);
  return margin === null ? null : 1 / (1 + Math.exp(-(margin - MARGIN_MIDPOINT) / MARGIN_SCALE));
}

/**
 * Grammar decoder settings, measured on the bench (bench/voice.bench.ts, 64 commands, understood
 * right before rejection, en-us + hi voices): the defaults 40 + 21; with dither (half a bit of noise
 * on the samples: espeak-ng's clean formant speech and digital silence otherwise make odd cepstra),
 * 8 Gaussians a frame and a low word insertion penalty 44 + 31. Wide beams (1e-80) added 0 + 2 at
 * four times the decoding time; language weights 2 to 15, -pip, -silprob and no noise removal were
 * no better. A cap on active HMMs bounds the time on long utterances.
 */
export const DECODER_ARGS: Record<string, string> = { '-topn': '8', '-dither': 'yes', '-seed': '1', '-wip': '0.01', '-maxhmmpf': '5000' };

/** The phone loop hears the audio through the same front end, so the two scores compare. */
export const PHONE_LOOP_ARGS = (args: Record<string, string>): Record<string, string> => ({ '-topn': args['-topn'] ?? '4', '-dither': args['-dither'] ?? 'no', '-seed': args['-seed'] ?? '-1' });

type LoadRequest = Extract<SphinxRequest, { type: 'load' }>;

export class GrammarSttEngine implements StreamingSttEngine {
  readonly name = 'pocketsphinx-grammar';
  private readonly modelDir: string;
  /** The catalog grammar (live and batch decoders) and the phone loop, in two workers that run in parallel. */
  private readonly grammarRpc: WorkerRpc<SphinxRequest>;
  private readonly phonesRpc: WorkerRpc<SphinxRequest>;
  private loads: { grammar: LoadRequest; phones: LoadRequest } | null = null;
  private pendingLoad = false;
  private streaming = 0;
  private building: Promise<void> | null = null;
  private lastError: string | null = null;
  readonly minConfidence: number;
  /** Words the last catalog had that no source could pronounce (left out of the grammar). */
  unpronounceable: string[] = [];

  private mllr: string | null;

  constructor(private readonly opts: GrammarEngineOptions) {
    this.modelDir = opts.modelDir ?? DEFAULT_MODEL_DIR;
    // The shop's voice, if the engine was adapted to it before (kept in the work folder).
    const kept = adaptationFile(join(opts.workDir, 'sphinx'));
    this.mllr = opts.mllr !== undefined ? opts.mllr : existsSync(kept) ? kept : null;
    this.minConfidence = opts.minConfidence ?? 0.5;
    const rpc = (role: 'grammar' | 'phones') =>
      new WorkerRpc<SphinxRequest>({
        url: new URL('./worker.ts', import.meta.url),
        name: `pocketsphinx-${role}`,
        timeoutMs: opts.timeoutMs ?? 10_000,
        initTimeoutMs: 60_000,
        init: () => {
          if (!this.loads) throw new Error('no grammar yet');
          return this.loads[role];
        },
      });
    this.grammarRpc = rpc('grammar');
    this.phonesRpc = rpc('phones');
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
      const hmm = join(this.modelDir, 'en-us');
      const args = withMllr({ ...DECODER_ARGS, ...this.opts.decoderArgs }, this.mllr);
      this.loads = {
        grammar: { type: 'load', role: 'grammar', hmm, ...files, args },
        phones: { type: 'load', role: 'phones', hmm, ...phoneFiles, args: withMllr(PHONE_LOOP_ARGS(args), this.mllr) },
      };
      log.info(`grammar ${grammar.key}: ${grammar.words.length} words (${JSON.stringify(dict.sources)}) in ${(performance.now() - t0).toFixed(0)} ms`);
      if (this.streaming > 0) this.pendingLoad = true;
      else await this.reload();
    };
    const p = (this.building ?? Promise.resolve()).then(run, run);
    this.building = p.catch((e) => {
      this.lastError = e instanceof Error ? e.message : String(e);
      if (!this.closed) log.error('grammar build failed', e);
    });
    return p;
  }

  private async reload(): Promise<void> {
    this.pendingLoad = false;
    if (!this.loads) return;
    try {
      await Promise.all([this.grammarRpc.call(this.loads.grammar, { timeoutMs: 60_000 }), this.phonesRpc.call(this.loads.phones, { timeoutMs: 60_000 })]);
      this.lastError = null;
    } catch (e) {
      this.lastError = e instanceof Error ? e.message : String(e);
      throw e;
    }
  }

  async status(): Promise<EngineStatus> {
    const missing = sphinxMissing(this.modelDir);
    if (missing) return { name: this.name, ok: false, reason: missing };
    if (!this.loads) return { name: this.name, ok: false, reason: 'The catalog grammar has not been built yet' };
    if (this.lastError) return { name: this.name, ok: false, reason: `PocketSphinx failed: ${this.lastError}` };
    return { name: this.name, ok: true };
  }

  /** Decodes a whole utterance against the grammar and the phone loop at once. */
  private async decodeBoth(pcm: Int16Array, timeoutMs?: number): Promise<SphinxResult> {
    await this.building;
    const opts = timeoutMs ? { timeoutMs } : {};
    const [g, p] = await Promise.all([
      this.grammarRpc.call<DecodeResult>({ type: 'decode', pcm }, opts),
      this.phonesRpc.call<DecodeResult>({ type: 'decode', pcm }, opts).catch((e) => {
        // Without the yardstick the result cannot be checked; it is still better than nothing.
        log.warn('the phone loop failed; this result is not checked', e);
        return null;
      }),
    ]);
    return { hyp: g.hyp, score: g.score, phoneScore: p ? p.score : null, frames: g.frames, decodeMs: Math.max(g.ms, p?.ms ?? 0), audioMs: (pcm.length / SAMPLE_RATE) * 1000 };
  }

  private check(r: SphinxResult): CheckedTranscript {
    const confidence = confidenceOf(r);
    const margin = marginOf(r);
    const base = { engine: this.name, confidence, decodeMs: r.decodeMs, audioMs: r.audioMs, ...(margin !== null ? { margin } : {}) };
    if (!r.hyp || (confidence !== null && confidence < this.minConfidence)) {
      return { ...base, text: '', rejected: true, heard: r.hyp };
    }
    return { ...base, text: r.hyp };
  }

  async transcribe(pcm: Int16Array, opts: { timeoutMs?: number } = {}): Promise<Transcript> {
    return this.check(await this.decodeBoth(pcm, opts.timeoutMs));
  }

  stream(): SttStream {
    this.streaming++;
    let open = true;
    const chunks: Int16Array[] = [];
    let samples = 0;
    let prepared: { samples: number; result: Promise<SphinxResult> } | null = null;
    let pendingLive: Int16Array[] = [];
    let wantPartialLive = false;
    let liveBatch: Promise<string | null> | null = null;
    let finishing = false;
    // Live calls are queued in order on the grammar worker; the first waits for the grammar.
    let live: Promise<unknown> = (this.building ?? Promise.resolve()).then(() => this.grammarRpc.call({ type: 'live-begin' }));
    const close = () => {
      if (!open) return;
      open = false;
      this.streaming--;
      void live.then(() => this.grammarRpc.call({ type: 'live-end' })).catch(() => undefined);
      if (this.streaming === 0 && this.pendingLoad) void this.reload().catch(() => undefined);
    };
    return {
      // Audio for the live decoder waits here while a live call is in flight and goes over as one
      // call: on a busy machine the worker's queue never holds more than one live call, so the
      // final transcript (on the same worker) is never stuck behind a backlog of them. Once the
      // utterance is being finished, no more live audio is sent at all.
      feed: (pcm, wantPartial) => {
        if (!open) return Promise.resolve(null);
        chunks.push(pcm);
        samples += pcm.length;
        pendingLive.push(pcm);
        wantPartialLive ||= wantPartial;
        if (!liveBatch) {
          liveBatch = live.then(() => {
            liveBatch = null;
            if (!open || finishing || pendingLive.length === 0) return null;
            const batch = concatPcm(pendingLive.splice(0));
            const partial = wantPartialLive;
            wantPartialLive = false;
            return this.grammarRpc.call<string | null>({ type: 'live-feed', pcm: batch, partial });
          });
          live = liveBatch.catch(() => undefined);
        }
        const p = liveBatch;
        return wantPartial ? p : p.then(() => null);
      },
      prepare: () => {
        if (!open || (prepared && prepared.samples === samples)) return;
        const result = this.decodeBoth(concatPcm(chunks));
        result.catch(() => undefined);
        prepared = { samples, result };
      },
      finish: async (opts = {}) => {
        finishing = true;
        pendingLive = [];
        try {
          const r = opts.reusePrepared && prepared ? await prepared.result : await this.decodeBoth(concatPcm(chunks));
          return this.check(r);
        } finally {
          close();
        }
      },
      cancel: close,
    };
  }

  /**
   * Adapts the engine to the voice that read `samples` (./adapt.ts): an MLLR transform computed from
   * them, used by both decoders from the next utterance on. The grammar's dictionary must know their words.
   */
  async adapt(samples: AdaptSample[], name = 'voice'): Promise<{ mllr: string; used: number; skipped: string[] }> {
    await this.building;
    if (!this.loads) throw new Error('The catalog grammar has not been built yet');
    const r = await adaptToVoice({ modelDir: this.modelDir, workDir: join(this.opts.workDir, 'sphinx'), dict: this.loads.grammar.dict, samples, name });
    await this.useAdaptation(r.mllr);
    return r;
  }

  /** The transform in use, or null. */
  get adaptation(): string | null {
    return this.mllr;
  }

  /** Decodes with this MLLR transform from now on (null: the model as it is; `forget` also deletes the kept one). */
  async useAdaptation(file: string | null, opts: { forget?: boolean } = {}): Promise<void> {
    if (file === null && opts.forget) rmSync(adaptationFile(join(this.opts.workDir, 'sphinx')), { force: true });
    this.mllr = file;
    if (!this.loads) return;
    const { grammar, phones } = this.loads;
    this.loads = { grammar: { ...grammar, args: withMllr(grammar.args, file) }, phones: { ...phones, args: withMllr(phones.args, file) } };
    if (this.streaming > 0) this.pendingLoad = true;
    else await this.reload();
  }

  /** The grammar worker's process id, for tests and diagnostics. */
  get grammarWorkerPid(): number | undefined {
    return this.grammarRpc.pid;
  }

  /** The grammar files in use (after the last catalog change). */
  get grammarFile(): string | null {
    return this.loads?.grammar.jsgf ?? null;
  }

  /** How often the workers were (re)started; for tests of the restart path. */
  get workerStarts(): number {
    return this.grammarRpc.starts + this.phonesRpc.starts;
  }

  private closed = false;

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.grammarRpc.close(), this.phonesRpc.close()]);
  }
}

function withMllr(args: Record<string, string>, file: string | null): Record<string, string> {
  const rest = Object.fromEntries(Object.entries(args).filter(([k]) => k !== '-mllr'));
  return file ? { ...rest, '-mllr': file } : rest;
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
