import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (..._a: unknown[]): Promise<unknown> => ({ ok: true, value: 'v' })),
      on: vi.fn((ch: string, l: (...a: unknown[]) => void) => {
        if (!listeners.has(ch)) listeners.set(ch, new Set());
        listeners.get(ch)!.add(l);
      }),
      removeListener: vi.fn((ch: string, l: (...a: unknown[]) => void) => listeners.get(ch)?.delete(l)),
    },
  };
});
vi.mock('electron', () => electron);

await import('./index');
const [[key, galla]] = electron.contextBridge.exposeInMainWorld.mock.calls as unknown as [[string, import('../common/bridge').GallaBridge]];
const emit = (message: unknown) => {
  for (const l of electron.listeners.get('galla:event') ?? []) l({ sender: 'raw ipc event' }, message);
};

describe('preload bridge', () => {
  it('exposes window.galla with exactly invoke and on', () => {
    expect(key).toBe('galla');
    expect(Object.keys(galla).sort()).toEqual(['invoke', 'on']);
  });

  it('invoke sends name, input and source on galla:invoke and returns the Result', async () => {
    const r = await galla.invoke('customer-search', { q: 'ramu' }, 'keyboard');
    expect(r).toEqual({ ok: true, value: 'v' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('galla:invoke', { name: 'customer-search', input: { q: 'ramu' }, source: 'keyboard' });
  });

  it('a source the screen may not name is refused before IPC', async () => {
    electron.ipcRenderer.invoke.mockClear();
    const r = await galla.invoke('settings-get', {}, 'job' as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'source' } });
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('a lost main process becomes a Result, not a thrown error', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    expect(await galla.invoke('settings-get', {}, 'touch')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('on delivers only its event’s payload (never the IPC event) and unsubscribes', () => {
    const sessions: unknown[] = [];
    const commands: unknown[] = [];
    const off = galla.on('session', (p) => sessions.push(p));
    galla.on('command', (p) => commands.push(p));
    emit({ event: 'session', payload: { role: 'owner', expiresAt: 'x' } });
    emit({ event: 'command', payload: { name: 'invoice-create', ok: true, mutates: true } });
    off();
    emit({ event: 'session', payload: { role: 'cashier', expiresAt: null } });
    expect(sessions).toEqual([{ role: 'owner', expiresAt: 'x' }]);
    expect(commands).toEqual([{ name: 'invoice-create', ok: true, mutates: true }]);
    expect(() => galla.on('everything' as never, () => {})).toThrow(/Unknown Galla event/);
  });
});
