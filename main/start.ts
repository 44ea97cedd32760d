// `npm start -- [--data-dir DIR] [--port N] [--demo] [--host H] [--browser] [--no-open]`
// Runs the Electron app when Electron's binary is installed. Otherwise (as on a machine that cannot
// download it) it starts the shop's services as `npm run serve` does, serves the screen on
// 127.0.0.1, opens it in a Chromium --app window if one is installed, prints the URL either way and
// runs until Ctrl+C.
import { parsePort, SERVICE_OPTIONS } from './cli-args';
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from './paths';
import type { Running, StartOptions } from './server-main';

export interface StartArgs {
  dataDir: string;
  port: number;
  host: string;
  /** --host was given: keep it whatever the shop's LAN setting says. */
  hostGiven: boolean;
  demo: boolean;
  /** Browser mode even when Electron is there. */
  browser: boolean;
  /** Print the URL without opening a window. */
  open: boolean;
  help: boolean;
}

/** All interfaces, for LAN devices; the auth guard still asks each of them for a paired token. */
export const LAN_HOST = '0.0.0.0';

/**
 * Starts the services (on loopback unless a host is given). LAN access no longer needs a restart on
 * all interfaces: server-main opens a LAN listener on its own port whenever the owner turns it on
 * (main/api/lan-listener.ts), at start as well.
 */
export async function startHonouringLan(start: (o: StartOptions) => Promise<Running>, o: StartOptions & { hostGiven: boolean }): Promise<Running> {
  const { hostGiven, ...opts } = o;
  void hostGiven;
  return start(opts);
}

export const USAGE = 'Usage: npm start -- [--data-dir DIR] [--port N] [--demo] [--host 127.0.0.1] [--browser] [--no-open]';

export function parseStartArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): StartArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...SERVICE_OPTIONS,
      browser: { type: 'boolean', default: false },
      'no-open': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = parsePort(values.port);
  return {
    dataDir: resolve(values['data-dir'] ?? defaultDataDir(env)),
    port,
    host: values.host,
    hostGiven: argv.some((a) => a === '--host' || a.startsWith('--host=')),
    demo: values.demo,
    browser: values.browser,
    open: !values['no-open'],
    help: values.help,
  };
}

/** What start looks at on the machine; tests pass fakes. */
export interface Probe {
  exists(path: string): boolean;
  readFile(path: string): string;
  /** require.resolve from the project. */
  resolve(id: string): string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  isRoot: boolean;
}

/**
 * Electron's binary, without require('electron'): that would try to download it. The package
 * writes path.txt once its binary is unpacked into dist/.
 */
export function findElectronBinary(p: Probe): { binary: string; packageDir: string } | null {
  let packageDir: string;
  try {
    packageDir = dirname(p.resolve('electron/package.json'));
  } catch {
    return null;
  }
  let relative: string;
  try {
    relative = p.readFile(join(packageDir, 'path.txt')).trim();
  } catch {
    return null;
  }
  if (!relative) return null;
  const distDir = p.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const binary = join(distDir, relative);
  return p.exists(binary) ? { binary, packageDir } : null;
}

export function chromiumCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'win32') {
    const roots = [env['ProgramFiles(x86)'], env.ProgramFiles, env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return [
      ...roots.map((r) => join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
      ...roots.map((r) => join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')),
    ];
  }
  if (platform === 'darwin') {
    return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
}

/** GALLA_BROWSER first, then the usual places. */
export function findChromium(p: Probe): string | null {
  const wanted = p.env.GALLA_BROWSER;
  if (wanted) return p.exists(wanted) ? wanted : null;
  return chromiumCandidates(p.env, p.platform).find((c) => p.exists(c)) ?? null;
}

export type Plan =
  | { mode: 'electron'; electron: string; electronDir: string }
  | { mode: 'browser'; chromium: string | null; why: string; note: string | null };

export function planStart(args: Pick<StartArgs, 'browser' | 'open'>, p: Probe): Plan {
  const electron = args.browser ? null : findElectronBinary(p);
  if (electron) return { mode: 'electron', electron: electron.binary, electronDir: electron.packageDir };
  return planBrowser(args, p, args.browser ? '--browser was given' : "Electron's binary is not installed");
}

export function planBrowser(args: Pick<StartArgs, 'open'>, p: Probe, why: string): Extract<Plan, { mode: 'browser' }> {
  if (!args.open) return { mode: 'browser', chromium: null, why, note: null };
  if (p.platform === 'linux' && !p.env.DISPLAY && !p.env.WAYLAND_DISPLAY) return { mode: 'browser', chromium: null, why, note: 'no display to open a window on' };
  const chromium = findChromium(p);
  return { mode: 'browser', chromium, why, note: chromium ? null : 'no Chromium, Chrome or Edge found (set GALLA_BROWSER to one)' };
}

/** A Chromium app window on a profile of its own, so the mic permission and nothing else stays with Galla. */
export function chromiumArgs(url: string, profileDir: string, isRoot: boolean): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-extensions',
    // Chromium refuses to run as root with its sandbox on; the page is our own, on loopback.
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

export interface BrowserModeDeps {
  startServer(opts: StartOptions): Promise<Running>;
  spawn(cmd: string, args: string[], opts: SpawnOptions): Pick<ChildProcess, 'on' | 'unref'>;
  print(line: string): void;
  /** Registers the Ctrl+C handler. */
  onSignal(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
  isRoot: boolean;
}

/** Starts the services and the screen, opens the window if it can, and stops on Ctrl+C. */
export async function runBrowserMode(args: StartArgs, plan: Extract<Plan, { mode: 'browser' }>, deps: BrowserModeDeps): Promise<{ url: string; stop: () => Promise<void> }> {
  const running = await startHonouringLan(deps.startServer, { dataDir: args.dataDir, port: args.port, host: args.host, hostGiven: args.hostGiven, demo: args.demo });
  // Bound to every interface for the LAN, the screen on this machine still goes through loopback.
  const url = `${running.url.replace(`//${LAN_HOST}:`, '//127.0.0.1:')}/`;
  deps.print(`Galla is running in browser mode (${plan.why}).`);
  deps.print(`Open ${url}`);
  const lanUrls = running.lan?.urls() ?? [];
  if (lanUrls.length) deps.print(`LAN access is on: paired devices open ${lanUrls.join(' or ')}`);
  deps.print(`Shop data: ${running.services.dbFile}`);
  if (plan.chromium) {
    const profile = join(args.dataDir, 'browser-profile');
    const child = deps.spawn(plan.chromium, chromiumArgs(url, profile, deps.isRoot), { stdio: 'ignore', detached: true });
    child.on('error', (e: Error) => deps.print(`Could not open ${plan.chromium}: ${e.message}. Open ${url} yourself.`));
    child.unref();
    deps.print(`Opened it in ${plan.chromium} (profile ${profile}).`);
  } else if (plan.note) deps.print(`Not opening a window: ${plan.note}.`);
  deps.print('Press Ctrl+C to stop.');
  let stopping: Promise<void> | null = null;
  const stop = () => (stopping ??= running.stop());
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    deps.onSignal(sig, () => {
      deps.print(`${sig}: closing the shop`);
      void stop().then(() => process.exit(0));
    });
  }
  return { url, stop };
}

/** The newest modification time under a folder (0 if it is not there). */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return newest;
}

/** Builds the screen when renderer/ is newer than dist/renderer (vite build, as npm run build:renderer). */
export function ensureRendererBuilt(root: string, print: (s: string) => void): void {
  const built = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(join(root, 'renderer', 'index.html'))) return;
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(join(root, 'renderer'))) return;
  print('Building the screen (vite build)...');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) print('The screen did not build; the services still run. See the errors above.');
}

async function runElectron(root: string, args: StartArgs, plan: Extract<Plan, { mode: 'electron' }>, passthrough: string[]): Promise<boolean> {
  const { buildShell } = await import('./electron/build');
  const { electronInfo, ensureElectronSqlite } = await import('./electron/native');
  const info = electronInfo(plan.electronDir);
  const binding = ensureElectronSqlite(root, info);
  if (!binding.ok) {
    console.error(`Cannot run Electron: ${binding.reason}. Starting in browser mode instead.`);
    return false;
  }
  console.log(`Building the Electron shell for Electron ${info.version}...`);
  await buildShell(root);
  const env: NodeJS.ProcessEnv = { ...process.env, GALLA_SQLITE_BINDING: binding.path };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(plan.electron, [join(root, 'dist', 'main', 'electron', 'main.js'), '--data-dir', args.dataDir, '--port', String(args.port), ...(args.hostGiven ? ['--host', args.host] : []), ...(args.demo ? ['--demo'] : []), ...passthrough], { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
  return true;
}

export function realProbe(root: string): Probe {
  const require = createRequire(join(root, 'package.json'));
  return {
    exists: (p) => existsSync(p),
    readFile: (p) => readFileSync(p, 'utf8'),
    resolve: (id) => require.resolve(id),
    env: process.env,
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
  };
}

async function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  let args: StartArgs;
  try {
    args = parseStartArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) return console.log(USAGE);
  const probe = realProbe(root);
  ensureRendererBuilt(root, console.log);
  const first = planStart(args, probe);
  if (first.mode === 'electron' && (await runElectron(root, args, first, []))) return;
  const plan = first.mode === 'browser' ? first : planBrowser(args, probe, 'Electron could not be prepared');
  const { startServer } = await import('./server-main');
  try {
    await runBrowserMode(args, plan, { startServer, spawn, print: console.log, onSignal: (s, h) => process.on(s, h), isRoot: probe.isRoot });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') console.error(`Port ${args.port} is in use: another Galla may be running. Close it, or start with --port ${args.port + 1}.`);
    else if (err.name === 'DatabaseTooNewError') console.error(err.message);
    else console.error('Galla could not start:', e);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
