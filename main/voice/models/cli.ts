// `npm run models -- status | download NAME... | path NAME`: installs and checks model files.
// Exit codes: 0 done, 1 failed (the message says what to do next), 2 wrong usage.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { downloadModel } from './download';
import { isModelError, mb } from './errors';
import { DEFAULT_MANIFEST_PATH, findModel, loadManifest, type Manifest } from './manifest';
import { defaultModelsDir } from './paths';
import { progressSink } from './progress';
import { describeStatus, engineAvailability, modelStatus, modelStatuses } from './status';

const USAGE = `Usage: npm run models -- <command> [options]

Commands:
  status              what is installed (present / missing / partial / corrupt) and what each missing model adds
  download NAME...    fetch models by id (resumes a partial download, checks size and sha256)
  path NAME           print the installed file's path (exit 1 when not installed)

Options:
  --verify            status: also check each installed file's sha256 (slow for large models)
  --json              status: print JSON
  --trust-size-only   download: install a file whose sha256 the manifest does not know
  --base-url URL      download from a mirror holding the files by name (or env GALLA_MODELS_BASE_URL)
  --models-dir DIR    where models live (or env GALLA_MODELS_DIR; default <data dir>/models)
  --manifest FILE     another manifest (default ${DEFAULT_MANIFEST_PATH})`;

interface Io {
  out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  err: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr, env: process.env }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        verify: { type: 'boolean' },
        json: { type: 'boolean' },
        'trust-size-only': { type: 'boolean' },
        'base-url': { type: 'string' },
        'models-dir': { type: 'string' },
        manifest: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err.write(`${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...names] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const line = (s: string) => io.out.write(`${s}\n`);
  let manifest: Manifest;
  try {
    manifest = loadManifest(values.manifest ?? DEFAULT_MANIFEST_PATH);
  } catch (e) {
    io.err.write(`${(e as Error).message}\n`);
    return 1;
  }
  const modelsDir = values['models-dir'] ?? defaultModelsDir(io.env);

  switch (command) {
    case 'status': {
      const statuses = await modelStatuses(manifest, modelsDir, { verify: values.verify });
      const engines = await engineAvailability(manifest, modelsDir);
      if (values.json) {
        line(JSON.stringify({ modelsDir, models: statuses.map((s) => ({ id: s.model.id, engine: s.model.engine, state: s.state, bytesOnDisk: s.bytesOnDisk, expectedBytes: s.expectedBytes, path: s.path, problem: s.problem, adds: s.model.adds })), engines }, null, 2));
      } else {
        line(`Models in ${modelsDir}`);
        for (const s of statuses) line(`  ${describeStatus(s)}`);
        line('Engines');
        for (const e of engines) line(`  ${e.engine}: ${e.ok ? `ready (${e.model})` : e.reason}`);
      }
      return statuses.some((s) => s.state === 'corrupt') ? 1 : 0;
    }
    case 'path': {
      const model = names[0] ? findModel(manifest, names[0]) : undefined;
      if (!model) {
        io.err.write(`Name a model: ${manifest.models.map((m) => m.id).join(', ')}\n`);
        return 2;
      }
      const s = await modelStatus(model, modelsDir);
      if (!s.path) {
        io.err.write(`${describeStatus(s)}\n`);
        return 1;
      }
      line(s.path);
      return 0;
    }
    case 'download': {
      if (names.length === 0) {
        io.err.write(`Name a model to download: ${manifest.models.filter((m) => !m.bundled).map((m) => m.id).join(', ')}\n`);
        return 2;
      }
      const bar = progressSink(io.out);
      for (const name of names) {
        try {
          const { files } = await downloadModel(name, {
            manifest,
            modelsDir,
            baseUrl: values['base-url'] ?? (io.env.GALLA_MODELS_BASE_URL || undefined),
            trustSizeOnly: values['trust-size-only'],
            onProgress: (p) => bar.update(p),
            onNote: (n) => {
              bar.end();
              line(n);
            },
          });
          bar.end();
          for (const f of files) {
            line(`${f.name}: ${f.action === 'already-installed' ? 'already installed and intact' : f.action === 'resumed' ? 'resumed, checked and installed' : 'downloaded, checked and installed'} (${mb(f.size)}) at ${f.path}`);
          }
        } catch (e) {
          bar.end();
          io.err.write(`${isModelError(e) ? e.message : `Download of ${name} failed: ${(e as Error).message}`}\n`);
          return 1;
        }
      }
      return 0;
    }
    default:
      io.err.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 2;
  }
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}
if (invokedDirectly()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`models: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
