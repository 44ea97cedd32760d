// The wiring of the main process, with every Electron module faked: order (scheme before ready),
// sandbox, hardening of every webContents, the window, and a call from the screen through IPC to a
// fake utilityProcess and back.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: EE } = require('node:events') as typeof import('node:events');
  const order: string[] = [];
  let readyResolve!: () => void;
  const app = Object.assign(new EE(), {
    isPackaged: false,
    enableSandbox: () => order.push('enableSandbox'),
    requestSingleInstanceLock: () => true,
    whenReady: () => new Promise<void>((r) => (readyResolve = r)),
    quit: () => order.push('quit'),
  });
  const child = Object.assign(new EE(), { postMessage: (m: unknown) => fake.toChild.push(m), kill: () => true });
  const windows: { options: unknown; url: string; webContents: { getURL(): string; isDestroyed(): boolean; send: (...a: unknown[]) => void } }[] = [];
  class BrowserWindow extends EE {
    webContents: { getURL(): string; isDestroyed(): boolean; send: (...a: unknown[]) => void; sent: unknown[] };
    url = '';
    constructor(readonly options: unknown) {
      super();
      const sent: unknown[] = [];
      this.webContents = { getURL: () => this.url, isDestroyed: () => false, send: (...a: unknown[]) => sent.push(a), sent };
      windows.push(this);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    focus() {}
  }
  return {
    order,
    ready: () => readyResolve(),
    app,
    child,
    toChild: [] as unknown[],
    windows,
    forks: [] as unknown[][],
    handlers: new Map<string, (...a: unknown[]) => Promise<unknown>>(),
    BrowserWindow,
    session: { defaultSession: Object.assign(new EE(), { setPermissionRequestHandler: () => order.push('permissions'), setPermissionCheckHandler: () => {}, setDevicePermissionHandler: () => {}, protocol: { handle: (s: string) => order.push(`handle ${s}`) } }) },
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.BrowserWindow,
  dialog: { showErrorBox: vi.fn() },
  ipcMain: { handle: (ch: string, h: (...a: unknown[]) => Promise<unknown>) => fake.handlers.set(ch, h) },
  protocol: { registerSchemesAsPrivileged: () => fake.order.push('registerSchemesAsPrivileged') },
  session: fake.session,
  shell: { openExternal: vi.fn() },
  utilityProcess: {
    fork: (...a: unknown[]) => {
      fake.forks.push(a);
      return fake.child;
    },
  },
}));

await import('./main');

describe('Electron main process', () => {
  it('registers app:// and the sandbox before ready, and nothing else until then', () => {
    expect(fake.order).toEqual(['registerSchemesAsPrivileged', 'enableSandbox']);
    expect(fake.windows).toHaveLength(0);
    expect(fake.handlers.has('galla:invoke')).toBe(true);
  });

  it('on ready: session policy, app:// handler, services in a utilityProcess, a sandboxed window on app://galla', async () => {
    fake.ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.order).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'permissions', 'handle app']);
    expect(fake.forks[0]![0]).toMatch(/services-entry\.js$/);
    const win = fake.windows[0]!;
    expect(win.url).toBe('app://galla/index.html');
    expect(win.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, preload: expect.stringMatching(/preload[\\/]index\.cjs$/) } });
  });

  it('hardens every webContents the app creates', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('relays a screen call to the services as cashier and the reply back; events reach the window', async () => {
    const invoke = fake.handlers.get('galla:invoke')!;
    const pending = invoke({ senderFrame: { url: 'app://galla/index.html', parent: null } }, { name: 'settings-get', input: {}, source: 'scanner' });
    const call = fake.toChild.at(-1) as { id: number; actor: unknown; type: string };
    expect(call).toMatchObject({ type: 'call', name: 'settings-get', actor: { role: 'cashier', source: 'scanner' } });
    fake.child.emit('message', { type: 'reply', id: call.id, result: { ok: true, value: { name: 'Meri Dukaan' } } });
    expect(await pending).toEqual({ ok: true, value: { name: 'Meri Dukaan' } });

    fake.child.emit('message', { type: 'event', event: 'command', payload: { name: 'invoice-create', ok: true, mutates: true } });
    const sent = (fake.windows[0]!.webContents as unknown as { sent: unknown[] }).sent;
    expect(sent).toEqual([['galla:event', { event: 'command', payload: { name: 'invoice-create', ok: true, mutates: true } }]]);
  });

  it('on quit, asks the services to stop before letting the app go', () => {
    const event = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(fake.toChild.at(-1)).toEqual({ type: 'stop' });
  });
});
