// The shop window, hardened as Electron's security checklist asks: sandboxed, context-isolated, no
// Node in the page, no navigation away from app://galla, no new windows, no webviews; links to an
// allow-list of sites open in the user's browser instead.
import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { logger } from '../log';
import { APP_ENTRY, isAppUrl } from './origin';

const log = logger('window');

/** Sites a link in the screen may open in the user's browser (WhatsApp chats, the GST portal). */
export const EXTERNAL_ALLOW_LIST = ['wa.me', 'api.whatsapp.com', 'web.whatsapp.com', 'www.gst.gov.in', 'services.gst.gov.in'] as const;

export function isAllowedExternal(url: string, allow: readonly string[] = EXTERNAL_ALLOW_LIST): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '' && allow.includes(u.hostname);
  } catch {
    return false;
  }
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Galla',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
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
      safeDialogs: true,
      spellcheck: false,
      devTools: process.env.GALLA_DEVTOOLS === '1',
    },
  };
}

export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** For every webContents the app creates (app's 'web-contents-created'). */
export function hardenWebContents(contents: HardenableContents, openExternal: (url: string) => Promise<void> = (url) => shell.openExternal(url)): void {
  contents.on('will-navigate', (event) => {
    // Reloads and in-page moves keep app://galla; anything else is refused.
    if (!isAppUrl(event.url)) {
      log.warn(`refused navigation to ${event.url}`);
      event.preventDefault();
      if (isAllowedExternal(event.url)) void openExternal(event.url);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void openExternal(url);
    else log.warn(`refused a new window for ${url}`);
    return { action: 'deny' };
  });
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
