// Whisper speech to text (@fugood/whisper.node, whisper.cpp on the CPU) behind the SttEngine seam.
// Transcription runs in a child process (ModelProcess) with a timeout: a bad model file can hang
// or abort the native code, and then only that child dies; the next request starts a new one.
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { AppError } from '../../../../common/errors';
import { logger } from '../../../log';
import { loadManifest, type Manifest } from '../../models/manifest';
import { ModelProcess, ModelProcessError } from '../../models/model-process';
import { defaultModelsDir } from '../../models/paths';
import { engineAvailability, modelStatuses, pickModel, runtimeInstalled } from '../../models/status';
import type { EngineStatus, SttEngine, Transcript } from '../../types';
import { checkWhisperFile } from './ggml-file';
import type { WhisperProtocol } from './protocol';

const log = logger('stt:whisper');

export interface WhisperSttOptions {
  /** A model file to use; otherwise the installed Whisper model from the manifest. */
  modelPath?: string;
  /** Which installed manifest model to prefer (env GALLA_WHISPER_MODEL); else the recommended one. */
  modelId?: string;
  modelsDir?: string;
  manifest?: Manifest;
  /** Whisper language code; "hi" also transcribes Hinglish, in Devanagari or Latin script as spoken. */
  language?: string;
  /** Per transcription, after the model is loaded. */
  timeoutMs?: number;
  /** For loading the model into a fresh child (a large model takes seconds). */
  loadTimeoutMs?: number;
  threads?: number;
  /** Words to bias decoding towards (product and customer names). */
  prompt?: string;
  /** Walk the file's headers before the native loader (default on); off only to reproduce native failures. */
  checkFile?: boolean;
}

const LANGUAGE = /^(auto|[a-z]{2,3})$/;
/** Whisper's notes for non-speech ("[BLANK_AUDIO]", "(music)"): not words the cashier said. */
const NON_SPEECH = /\[[^\]]*\]|\([^)]*\)|\*[^*]*\*/g;

export const cleanTranscript = (text: string): string => text.replace(NON_SPEECH, ' ').replace(/\s+/g, ' ').trim();

const defaultThreads = () => {
  const n = availableParallelism();
  return n >= 6 ? 4 : Math.max(1, n - 1);
};

export class WhisperStt implements SttEngine {
  readonly name = 'whisper';
  private readonly proc = new ModelProcess<WhisperProtocol>({
    name: 'Whisper',
    entry: new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url),
  });
  private loadedGeneration = -1;
  private loadedPath: string | null = null;
  private lastModelError: string | null = null;
  readonly language: string;

  constructor(private readonly opts: WhisperSttOptions = {}) {
    this.language = opts.language ?? 'hi';
    if (!LANGUAGE.test(this.language)) throw new AppError('VALIDATION', `Whisper language must be a code like "hi" or "en", not "${this.language}"`, 'language');
  }

  /** The child's pid, for tests and diagnostics. */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** How many child processes were started (more than one: it was restarted). */
  get starts(): number {
    return this.proc.generation;
  }

  private modelsDir() {
    return this.opts.modelsDir ?? defaultModelsDir();
  }

  /** The model file to load, or why there is none. */
  private async resolveModel(): Promise<{ path: string; id: string } | { problem: string }> {
    if (this.opts.modelPath) return { path: this.opts.modelPath, id: basename(this.opts.modelPath) };
    const manifest = this.opts.manifest ?? loadManifest();
    const preferred = this.opts.modelId ?? process.env.GALLA_WHISPER_MODEL;
    const picked = pickModel(await modelStatuses(manifest, this.modelsDir()), 'whisper', preferred);
    if (picked?.path) return { path: picked.path, id: picked.model.id };
    const [whisper] = (await engineAvailability(manifest, this.modelsDir(), { preferred: preferred ? { whisper: preferred } : {} })).filter((e) => e.engine === 'whisper');
    return { problem: whisper?.reason ?? 'No Whisper model is installed: npm run models -- download whisper-small.' };
  }

  async status(): Promise<EngineStatus> {
    if (!runtimeInstalled('@fugood/whisper.node')) {
      return { name: this.name, ok: false, reason: 'Whisper needs the npm package @fugood/whisper.node, which is not installed: run npm install (it is an optional dependency).' };
    }
    const model = await this.resolveModel();
    if ('problem' in model) return { name: this.name, ok: false, reason: model.problem };
    if (this.opts.checkFile !== false) {
      const check = checkWhisperFile(model.path);
      if (!check.ok) return { name: this.name, ok: false, reason: `Whisper model cannot be used: ${check.problem}.${this.downloadHint()}` };
    }
    if (this.lastModelError && this.loadedPath === null) return { name: this.name, ok: false, reason: this.lastModelError };
    return { name: this.name, ok: true };
  }

  private downloadHint(): string {
    return this.opts.modelPath ? '' : ' Replace it: npm run models -- download whisper-small.';
  }

  /** Loads the model into the child now (otherwise the first transcription does). */
  async load(): Promise<void> {
    const model = await this.resolveModel();
    if ('problem' in model) throw new AppError('UNAVAILABLE', model.problem);
    await this.ensureLoaded(model.path);
  }

  private async ensureLoaded(path: string) {
    if (this.proc.running && this.loadedGeneration === this.proc.generation && this.loadedPath === path) return;
    try {
      const { loadMs } = await this.proc.call('load', { modelPath: path, checkFile: this.opts.checkFile !== false }, this.opts.loadTimeoutMs ?? 120_000);
      this.loadedGeneration = this.proc.generation;
      this.loadedPath = path;
      this.lastModelError = null;
      log.info(`loaded ${path} in ${Math.round(loadMs)} ms`);
    } catch (e) {
      this.loadedPath = null;
      throw this.toAppError(e, 'load');
    }
  }

  async transcribe(pcm: Int16Array, opts: { language?: string; timeoutMs?: number } = {}): Promise<Transcript> {
    return (await this.transcribeDetailed(pcm, opts)).transcript;
  }

  /** transcribe() plus what whisper reported: the language it decoded in and the time it took. */
  async transcribeDetailed(pcm: Int16Array, opts: { language?: string; timeoutMs?: number } = {}): Promise<{ transcript: Transcript; language: string | null; ms: number }> {
    const language = opts.language ?? this.language;
    if (!LANGUAGE.test(language)) throw new AppError('VALIDATION', `Whisper language must be a code like "hi" or "en", not "${language}"`, 'language');
    const model = await this.resolveModel();
    if ('problem' in model) throw new AppError('UNAVAILABLE', model.problem);
    const engine = `whisper:${model.id}`;
    if (pcm.length === 0) return { transcript: { text: '', confidence: null, engine }, language, ms: 0 };
    await this.ensureLoaded(model.path);
    try {
      const out = await this.proc.call(
        'transcribe',
        { modelPath: model.path, checkFile: this.opts.checkFile !== false, pcm, language, threads: this.opts.threads ?? defaultThreads(), ...(this.opts.prompt ? { prompt: this.opts.prompt } : {}) },
        opts.timeoutMs ?? this.opts.timeoutMs ?? 30_000,
      );
      log.debug(`transcribed ${(pcm.length / 16).toFixed(0)} ms of audio in ${Math.round(out.ms)} ms`);
      // whisper.cpp gives no calibrated score here: null, so callers judge by the text.
      return { transcript: { text: cleanTranscript(out.text), confidence: null, engine }, language: out.language, ms: out.ms };
    } catch (e) {
      throw this.toAppError(e, 'transcribe');
    }
  }

  private toAppError(e: unknown, what: 'load' | 'transcribe'): AppError {
    if (e instanceof AppError) return e;
    if (e instanceof ModelProcessError) {
      if (e.kind === 'failed' && e.childError?.name === 'WhisperModelFileError') {
        this.lastModelError = `Whisper model cannot be used: ${e.message}.${this.downloadHint()}`;
        return new AppError('UNAVAILABLE', this.lastModelError);
      }
      if (e.kind === 'timeout') return new AppError('UNAVAILABLE', `Whisper took too long to ${what === 'load' ? 'load its model' : 'transcribe'} and was restarted: say it again, or type it.`);
      if (e.kind === 'crashed') return new AppError('UNAVAILABLE', `Whisper stopped unexpectedly (${e.message}): say it again, or type it.`);
      return new AppError('UNAVAILABLE', `Whisper could not ${what}: ${e.message}`);
    }
    log.error(`whisper ${what} failed`, e);
    return new AppError('INTERNAL', `Whisper could not ${what}.`);
  }

  /** Stops the child (the services are shutting down). */
  close(): Promise<void> {
    return this.proc.close();
  }
}

export const createWhisperStt = (opts: WhisperSttOptions = {}): WhisperStt => new WhisperStt(opts);
