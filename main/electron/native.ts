// better-sqlite3 is compiled for one ABI at a time: Node's (npm ci, npm test) or Electron's. So that
// `npm start` and `npm test` both work on one checkout in either order, Electron's services load
// their own build from a cache folder (main/db's nativeBinding, env GALLA_SQLITE_BINDING) and
// node_modules keeps Node's. Every build is checked by the ABI it registers, not by a tool's word:
// with npm's `nodedir` set, node-gyp (and electron-rebuild) can report success against Node's ABI.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The NODE_MODULE_VERSION a V8-API addon registers (node_register_module_v<ABI>); null if none. */
export function nodeModuleAbiOf(binary: Buffer): number | null {
  const m = /node_register_module_v(\d+)/.exec(binary.toString('latin1'));
  return m ? Number(m[1]) : null;
}

export interface ElectronInfo {
  dir: string;
  version: string;
  /** Electron's NODE_MODULE_VERSION, from the package's abi_version file. */
  abi: number;
}

export function electronInfo(electronDir: string): ElectronInfo {
  const version = (JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
  const abi = Number(readFileSync(join(electronDir, 'abi_version'), 'utf8').trim());
  return { dir: electronDir, version, abi };
}

export function cachedBindingPath(root: string, e: Pick<ElectronInfo, 'version' | 'abi'>, platform = process.platform, arch = process.arch): string {
  return join(root, 'node_modules', '.cache', 'galla', `better-sqlite3-electron-${e.version}-abi${e.abi}-${platform}-${arch}`, 'better_sqlite3.node');
}

const abiOfFile = (file: string): number | null => (existsSync(file) ? nodeModuleAbiOf(readFileSync(file)) : null);

/** node-gyp: the project's, else the one npm ships with. */
export function findNodeGyp(root: string, execPath = process.execPath): string | null {
  const candidates = [
    join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}

export type Runner = (cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }) => { status: number | null; output: string };

const defaultRunner: Runner = (cmd, args, opts) => {
  const r = spawnSync(cmd, args, { ...opts, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
};

/** The environment for building against Electron's headers: no nodedir pointing at Node's. */
export function electronBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!/^(npm_config_nodedir|nodedir|npm_config_target|npm_config_runtime|npm_config_disturl)$/i.test(k)) out[k] = v;
  return out;
}

export type BindingResult = { ok: true; path: string; built: boolean } | { ok: false; reason: string };

/**
 * An Electron-ABI better_sqlite3.node in the cache: the cached one if its ABI is right, else a fresh
 * build from a copy of node_modules/better-sqlite3 (node_modules itself stays built for Node).
 */
export function ensureElectronSqlite(root: string, electron: ElectronInfo, run: Runner = defaultRunner): BindingResult {
  const target = cachedBindingPath(root, electron);
  if (abiOfFile(target) === electron.abi) return { ok: true, path: target, built: false };
  const gyp = findNodeGyp(root);
  if (!gyp) return { ok: false, reason: 'node-gyp was not found (it comes with npm) to build better-sqlite3 for Electron' };
  const work = mkdtempSync(join(tmpdir(), 'galla-sqlite-electron-'));
  try {
    cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });
    const args = [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${electron.version}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`];
    const r = run(process.execPath, args, { cwd: work, env: electronBuildEnv(process.env) });
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (r.status !== 0) return { ok: false, reason: `building better-sqlite3 for Electron ${electron.version} failed (it needs Electron's headers from the internet and a C++ compiler): ${r.output.trim().split('\n').slice(-3).join(' | ')}` };
    const abi = abiOfFile(built);
    if (abi !== electron.abi) return { ok: false, reason: `the build reported success but is for ABI ${abi ?? 'unknown'}, not Electron's ${electron.abi} (is npm's nodedir set?)` };
    mkdirSync(dirname(target), { recursive: true });
    cpSync(built, target);
    return { ok: true, path: target, built: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
