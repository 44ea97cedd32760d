import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  shell: { openExternal: vi.fn(async () => {}) },
  BrowserWindow: vi.fn(),
}));
vi.mock('electron', () => electron);

const { hardenWebContents, isAllowedExternal, mainWindowOptions } = await import('./window');

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
  /** Emits like Electron: the listener gets an event it may preventDefault. */
  fire(name: string, url?: string) {
    const event = { url, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit(name, event);
    return event.defaultPrevented;
  }
}

function harden() {
  const contents = new FakeContents();
  const openExternal = vi.fn(async () => {});
  hardenWebContents(contents as never, openExternal);
  return { contents, openExternal };
}

describe('the shop window', () => {
  it('is sandboxed and isolated, with no Node, no webviews and the preload as the only bridge', () => {
    const o = mainWindowOptions('/app/dist/preload/index.cjs');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/dist/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(o.show).toBe(false);
  });

  it('refuses navigation away from app://galla and keeps navigation inside it', () => {
    const { contents, openExternal } = harden();
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', 'app://other/index.html')).toBe(true);
    expect(contents.fire('will-navigate', 'app://galla/customers')).toBe(false);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('a navigation to an allow-listed site is refused in the window and opened in the browser', () => {
    const { contents, openExternal } = harden();
    expect(contents.fire('will-navigate', 'https://wa.me/919812345678')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://wa.me/919812345678');
  });

  it('denies every new window; only allow-listed http(s) links open externally', () => {
    const { contents, openExternal } = harden();
    for (const url of ['https://evil.example/', 'javascript:alert(1)', 'file:///C:/Windows', 'app://galla/index.html', 'https://wa.me.evil.example/', 'https://user:pw@wa.me/']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.openHandler!({ url: 'https://www.gst.gov.in/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.gst.gov.in/');
  });

  it('refuses webviews', () => {
    const { contents } = harden();
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('opens links with shell.openExternal by default', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never);
    contents.openHandler!({ url: 'https://api.whatsapp.com/send?phone=91' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://api.whatsapp.com/send?phone=91');
  });

  it('knows the allow-list', () => {
    expect(isAllowedExternal('http://wa.me/1')).toBe(true);
    expect(isAllowedExternal('ftp://wa.me/1')).toBe(false);
    expect(isAllowedExternal('not a url')).toBe(false);
    expect(isAllowedExternal('https://example.com/', ['example.com'])).toBe(true);
  });
});
