import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { chromiumArgs, findElectronBinary, parseStartArgs, planStart, runBrowserMode, type Probe, type StartArgs } from './start';
import type { Running } from './server-main';

const ELECTRON_DIR = '/repo/node_modules/electron';

function probe(o: { electronInstalled?: boolean; pathTxt?: boolean; binary?: boolean; files?: string[]; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform } = {}): Probe {
  const files = new Set(o.files ?? []);
  if (o.binary) files.add(join(ELECTRON_DIR, 'dist', 'electron'));
  return {
    exists: (p) => files.has(p),
    readFile: (p) => {
      if (p === join(ELECTRON_DIR, 'path.txt') && o.pathTxt) return 'electron';
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    },
    resolve: (id) => {
      if (id === 'electron/package.json' && o.electronInstalled) return join(ELECTRON_DIR, 'package.json');
      throw new Error(`Cannot find module '${id}'`);
    },
    env: o.env ?? { DISPLAY: ':0' },
    platform: o.platform ?? 'linux',
    isRoot: false,
  };
}

const args = (o: Partial<StartArgs> = {}) => ({ browser: false, open: true, ...o });

describe('npm start: Electron or browser', () => {
  it('runs Electron when the package and its unpacked binary are there', () => {
    expect(planStart(args(), probe({ electronInstalled: true, pathTxt: true, binary: true }))).toEqual({
      mode: 'electron',
      electron: join(ELECTRON_DIR, 'dist', 'electron'),
      electronDir: ELECTRON_DIR,
    });
  });

  it('falls back to the browser when Electron is missing, not unpacked, or its binary is gone', () => {
    for (const p of [probe(), probe({ electronInstalled: true }), probe({ electronInstalled: true, pathTxt: true })]) {
      expect(planStart(args(), p)).toMatchObject({ mode: 'browser', why: "Electron's binary is not installed" });
    }
  });

  it('--browser skips Electron even when it is there', () => {
    expect(planStart(args({ browser: true }), probe({ electronInstalled: true, pathTxt: true, binary: true }))).toMatchObject({ mode: 'browser', why: '--browser was given' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const p = probe({ electronInstalled: true, pathTxt: true, files: ['/opt/electron/electron'], env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' } });
    expect(findElectronBinary(p)).toEqual({ binary: '/opt/electron/electron', packageDir: ELECTRON_DIR });
  });

  it('opens the first Chromium it finds, or none, saying why', () => {
    expect(planStart(args(), probe({ files: ['/usr/bin/chromium-browser', '/usr/bin/google-chrome'] }))).toEqual({ mode: 'browser', chromium: '/usr/bin/chromium-browser', why: expect.any(String), note: null });
    expect(planStart(args(), probe())).toMatchObject({ chromium: null, note: expect.stringMatching(/no Chromium.*GALLA_BROWSER/) });
    expect(planStart(args(), probe({ files: ['/usr/bin/chromium'], env: {} }))).toMatchObject({ chromium: null, note: 'no display to open a window on' });
    expect(planStart(args({ open: false }), probe({ files: ['/usr/bin/chromium'] }))).toMatchObject({ chromium: null, note: null });
    expect(planStart(args(), probe({ files: ['/usr/bin/chromium', '/opt/my-chrome'], env: { DISPLAY: ':1', GALLA_BROWSER: '/opt/my-chrome' } }))).toMatchObject({ chromium: '/opt/my-chrome' });
  });

  it('finds Edge or Chrome on Windows (no display check there)', () => {
    const edge = join('C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe');
    const p = probe({ platform: 'win32', env: { 'ProgramFiles(x86)': 'C:\\Program Files (x86)', ProgramFiles: 'C:\\Program Files' }, files: [edge] });
    expect(planStart(args(), p)).toMatchObject({ mode: 'browser', chromium: edge });
  });

  it('opens an app window on a profile of its own', () => {
    expect(chromiumArgs('http://127.0.0.1:4417/', '/shop/browser-profile', false)).toEqual(
      expect.arrayContaining(['--app=http://127.0.0.1:4417/', '--user-data-dir=/shop/browser-profile', '--no-first-run']),
    );
    expect(chromiumArgs('u', 'p', false)).not.toContain('--no-sandbox');
    expect(chromiumArgs('u', 'p', true)).toContain('--no-sandbox');
  });
});

describe('npm start arguments', () => {
  it('pass --data-dir, --port and --demo through, with serve’s defaults', () => {
    expect(parseStartArgs(['--data-dir', '/shop', '--port', '5000', '--demo'])).toMatchObject({ dataDir: '/shop', port: 5000, demo: true, host: '127.0.0.1', browser: false, open: true });
    expect(parseStartArgs([], { GALLA_DATA_DIR: '/d' })).toMatchObject({ dataDir: '/d', port: 4417, demo: false });
    expect(parseStartArgs(['--no-open', '--browser'])).toMatchObject({ open: false, browser: true, hostGiven: false });
    expect(parseStartArgs(['--host', '0.0.0.0'])).toMatchObject({ host: '0.0.0.0', hostGiven: true });
    expect(() => parseStartArgs(['--port', '99999'])).toThrow(/--port/);
    expect(() => parseStartArgs(['--bogus'])).toThrow();
  });
});

describe('browser mode', () => {
  function deps(url = 'http://127.0.0.1:4417', lanAccess = false) {
    const stop = vi.fn(async () => {});
    const dispatch = () => ({ ok: true, value: { lanAccess } });
    const lan = { urls: () => (lanAccess ? ['http://192.168.1.5:4418'] : []) };
    const running = { url, services: { dbFile: '/shop/galla.db', dispatcher: { dispatch } }, lan, stop } as unknown as Running;
    const lines: string[] = [];
    const signals = new Map<string, () => void>();
    const child = { on: vi.fn(), unref: vi.fn() };
    return {
      stop,
      lines,
      signals,
      d: {
        startServer: vi.fn(async () => running),
        spawn: vi.fn(() => child as never),
        print: (l: string) => lines.push(l),
        onSignal: (s: 'SIGINT' | 'SIGTERM', h: () => void) => signals.set(s, h),
        isRoot: false,
      },
    };
  }
  const start: StartArgs = { dataDir: '/shop', port: 4417, host: '127.0.0.1', hostGiven: false, demo: true, browser: false, open: true, help: false };

  it('starts the services as serve does, prints the URL and opens Chromium on the shop’s own profile', async () => {
    const t = deps();
    const r = await runBrowserMode(start, { mode: 'browser', chromium: '/usr/bin/chromium', why: 'x', note: null }, t.d);
    expect(t.d.startServer).toHaveBeenCalledTimes(1);
    expect(t.d.startServer).toHaveBeenCalledWith({ dataDir: '/shop', port: 4417, host: '127.0.0.1', demo: true });
    expect(r.url).toBe('http://127.0.0.1:4417/');
    expect(t.lines).toContain('Open http://127.0.0.1:4417/');
    expect(t.d.spawn).toHaveBeenCalledWith('/usr/bin/chromium', expect.arrayContaining(['--app=http://127.0.0.1:4417/', `--user-data-dir=${join('/shop', 'browser-profile')}`]), expect.objectContaining({ detached: true }));
    expect(t.lines.at(-1)).toBe('Press Ctrl+C to stop.');
    expect([...t.signals.keys()].sort()).toEqual(['SIGINT', 'SIGTERM']);
  });

  it('without Chromium prints the URL and why no window opened', async () => {
    const t = deps();
    await runBrowserMode(start, { mode: 'browser', chromium: null, why: 'x', note: 'no display to open a window on' }, t.d);
    expect(t.d.spawn).not.toHaveBeenCalled();
    expect(t.lines).toEqual(expect.arrayContaining(['Open http://127.0.0.1:4417/', 'Not opening a window: no display to open a window on.']));
  });

  it('when the owner has turned LAN access on, starts once (the LAN listener opens by itself) and prints its URLs', async () => {
    const t = deps('http://127.0.0.1:4417', true);
    const r = await runBrowserMode(start, { mode: 'browser', chromium: null, why: 'x', note: null }, t.d);
    expect(t.d.startServer).toHaveBeenCalledTimes(1);
    expect(t.stop).not.toHaveBeenCalled();
    expect(r.url).toBe('http://127.0.0.1:4417/');
    expect(t.lines).toContain('LAN access is on: paired devices open http://192.168.1.5:4418');
  });

  it('stop closes the shop once', async () => {
    const t = deps();
    const r = await runBrowserMode(start, { mode: 'browser', chromium: null, why: 'x', note: null }, t.d);
    await Promise.all([r.stop(), r.stop()]);
    expect(t.stop).toHaveBeenCalledTimes(1);
  });
});
