// The llama.cpp fallback parser (node-llama-cpp), asked when the rules are not confident. It runs in
// a child process with one thread and a timeout; its answer is grammar-constrained JSON, checked
// again with zod and turned into a Frame with path 'llm'. Any failure (timeout, crash, a bad
// answer) returns null: the till goes on with what the rules understood.
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../common/errors';
import { logger } from '../../log';
import { loadManifest, type Manifest } from '../models/manifest';
import { ModelProcess, ModelProcessError } from '../models/model-process';
import { defaultModelsDir } from '../models/paths';
import { engineAvailability, modelStatuses, pickModel, runtimeInstalled } from '../models/status';
import type { FallbackParser, Frame } from '../types';
import { SYSTEM_PROMPT } from './prompt';
import type { LlamaProtocol, LlamaSetup } from './protocol';
import { choicesFor, jsonSchemaFor, toFrame, zodSchemaFor, type Catalog } from './schema';

const log = logger('llm');

export interface LlamaParserOptions {
  /** A GGUF file to use; otherwise the installed llama model from the manifest. */
  modelPath?: string;
  /** Which installed manifest model to prefer (env GALLA_LLM_MODEL); else the recommended one. */
  modelId?: string;
  modelsDir?: string;
  manifest?: Manifest;
  /** Per utterance, once the model is loaded. */
  timeoutMs?: number;
  loadTimeoutMs?: number;
  /** 1 unless the machine has cores to spare: see LlamaSetup.threads. */
  threads?: number;
  contextSize?: number;
  maxTokens?: number;
  /** Sampling: 0 (the default) decodes greedily; tests sample to reach every branch of the grammar. */
  temperature?: number;
  seed?: number;
}

const DOWNLOAD_HINT = 'npm run models -- download qwen2.5-0.5b-instruct';

/** The first bytes of a GGUF file. */
function ggufMagic(path: string): string | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const b = Buffer.alloc(4);
    return readSync(fd, b, 0, 4, 0) === 4 ? b.toString('latin1') : '';
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export class LlamaFallbackParser implements FallbackParser {
  readonly name = 'llama';
  private readonly proc = new ModelProcess<LlamaProtocol>({
    name: 'Llama',
    entry: new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url),
  });
  private loaded: { generation: number; path: string } | null = null;
  private calls = 0;
  /** Why the last parse() returned null, for diagnostics and the voice screen. */
  lastError: string | null = null;

  constructor(private readonly opts: LlamaParserOptions = {}) {}

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get starts(): number {
    return this.proc.generation;
  }

  private async resolveModel(): Promise<{ path: string; id: string } | { problem: string }> {
    if (this.opts.modelPath) return { path: this.opts.modelPath, id: basename(this.opts.modelPath) };
    const manifest = this.opts.manifest ?? loadManifest();
    const modelsDir = this.opts.modelsDir ?? defaultModelsDir();
    const preferred = this.opts.modelId ?? process.env.GALLA_LLM_MODEL;
    const picked = pickModel(await modelStatuses(manifest, modelsDir), 'llama', preferred);
    if (picked?.path) return { path: picked.path, id: picked.model.id };
    const [llama] = (await engineAvailability(manifest, modelsDir, { preferred: preferred ? { llama: preferred } : {} })).filter((e) => e.engine === 'llama');
    return { problem: llama?.reason ?? `No language model is installed: ${DOWNLOAD_HINT}.` };
  }

  private setup(path: string): LlamaSetup {
    return { modelPath: path, threads: this.opts.threads ?? 1, contextSize: this.opts.contextSize ?? 2048 };
  }

  /** Cheap: the file and the runtime are there (no model is loaded). */
  async available(): Promise<{ ok: boolean; reason?: string }> {
    if (!runtimeInstalled('node-llama-cpp')) return { ok: false, reason: 'The language-model fallback needs the npm package node-llama-cpp, which is not installed: run npm install (it is an optional dependency).' };
    const model = await this.resolveModel();
    if ('problem' in model) return { ok: false, reason: model.problem };
    const magic = ggufMagic(model.path);
    if (magic === null) return { ok: false, reason: `Language model file not found: ${model.path} (ENOENT). ${DOWNLOAD_HINT}` };
    if (magic !== 'GGUF') return { ok: false, reason: `${model.path} is not a GGUF model (it starts with "${magic.replace(/[^\x20-\x7e]/g, '?')}", not "GGUF"). ${DOWNLOAD_HINT}` };
    return { ok: true };
  }

  /** Loads the model in the child now; throws an AppError that says what is wrong with the file. */
  async load(): Promise<void> {
    const model = await this.resolveModel();
    if ('problem' in model) throw new AppError('UNAVAILABLE', model.problem);
    await this.ensureLoaded(model.path);
  }

  private async ensureLoaded(path: string) {
    if (this.proc.running && this.loaded?.generation === this.proc.generation && this.loaded.path === path) return;
    try {
      const { loadMs, architecture } = await this.proc.call('load', this.setup(path), this.opts.loadTimeoutMs ?? 120_000);
      this.loaded = { generation: this.proc.generation, path };
      log.info(`loaded ${path} (${architecture ?? 'unknown architecture'}) in ${Math.round(loadMs)} ms`);
    } catch (e) {
      this.loaded = null;
      throw loadError(e, path);
    }
  }

  async parse(text: string, catalog: Catalog): Promise<Frame | null> {
    try {
      return await this.parseOrThrow(text, catalog);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      // The same reason every utterance (no model installed) is worth one warning, not one per word said.
      (why === this.lastError ? log.debug : log.warn)(`fallback gave no frame: ${why}`);
      this.lastError = why;
      return null;
    }
  }

  /** parse() without the safety net: throws why there is no frame (tests, diagnostics). */
  async parseOrThrow(text: string, catalog: Catalog, opts: { timeoutMs?: number } = {}): Promise<Frame> {
    const timeoutMs = opts.timeoutMs ?? this.opts.timeoutMs ?? 15_000;
    const utterance = text.trim().slice(0, 500);
    if (!utterance) throw new AppError('VALIDATION', 'Nothing was said.', 'text');
    const model = await this.resolveModel();
    if ('problem' in model) throw new AppError('UNAVAILABLE', model.problem);
    await this.ensureLoaded(model.path);
    const choices = choicesFor(utterance, catalog);
    let json: string;
    let ms: number;
    let grammarMs: number;
    try {
      ({ json, ms, grammarMs } = await this.proc.call(
        'parse',
        { ...this.setup(model.path), system: SYSTEM_PROMPT, text: utterance, schema: jsonSchemaFor(choices), maxTokens: this.opts.maxTokens ?? 256, temperature: this.opts.temperature ?? 0, seed: (this.opts.seed ?? 0) + this.calls++ },
        timeoutMs,
      ));
    } catch (e) {
      if (e instanceof ModelProcessError && e.kind === 'timeout') throw new AppError('UNAVAILABLE', `The language model took longer than ${timeoutMs} ms and was restarted.`);
      if (e instanceof ModelProcessError) throw new AppError('UNAVAILABLE', `The language model failed: ${e.message}`);
      throw e;
    }
    let answer: unknown;
    try {
      answer = JSON.parse(json);
    } catch {
      throw new AppError('UNAVAILABLE', `The language model's answer is not JSON (probably cut at the token limit): ${json.slice(0, 120)}`);
    }
    const checked = zodSchemaFor(choices).safeParse(answer);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new AppError('UNAVAILABLE', `The language model's answer does not fit the shop: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
    }
    log.debug(`answered in ${Math.round(ms)} ms (grammar ${Math.round(grammarMs)} ms)`);
    return toFrame(checked.data as Record<string, unknown>);
  }

  close(): Promise<void> {
    return this.proc.close();
  }
}

/** The loader's error, named, with the next step. */
function loadError(e: unknown, path: string): AppError {
  if (!(e instanceof ModelProcessError)) return new AppError('INTERNAL', `The language model could not load: ${String(e)}`);
  if (e.kind === 'timeout') return new AppError('UNAVAILABLE', `The language model took too long to load ${path} and was stopped.`);
  if (e.kind !== 'failed') return new AppError('UNAVAILABLE', `The language model stopped while loading ${path}: ${e.message}`);
  const name = e.childError?.name ?? 'Error';
  if (e.childError?.code === 'ENOENT') return new AppError('UNAVAILABLE', `Language model file not found: ${path} (ENOENT). ${DOWNLOAD_HINT}`);
  if (name === 'InvalidGgufMagicError') return new AppError('UNAVAILABLE', `${path} is not a GGUF model (InvalidGgufMagicError: ${e.message}). ${DOWNLOAD_HINT}`);
  if (name === 'TypeError' || name === 'RangeError') {
    return new AppError('UNAVAILABLE', `${path} could not be read as a GGUF model (${name}: ${e.message}); it is probably cut short. ${DOWNLOAD_HINT}`);
  }
  return new AppError('UNAVAILABLE', `The language model could not load ${path} (${name}: ${e.message}).`);
}

export const createLlamaFallbackParser = (opts: LlamaParserOptions = {}): LlamaFallbackParser => new LlamaFallbackParser(opts);
