// Electron's main process, kept thin (STYLE note 1): it registers app://, hardens every window,
// starts the shop's services in a utilityProcess, opens the window and relays messages between the
// preload bridge and the services. It never opens the database.
import './before-ready';
import { app, dialog, ipcMain, session, utilityProcess, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logger } from '../log';
import { createInvokeHandler, registerIpc, sendEvent } from './ipc';
import { applySessionPolicy } from './permissions';
import { serveAppProtocol } from './protocol';
import { connectServices, type RelayTimers, type ServicesClient } from './relay';
import { createOwnerSession } from './session';
import { createMainWindow, hardenWebContents } from './window';

const log = logger('electron');

/** Built layout: dist/main/electron/main.js, dist/preload/index.cjs, dist/renderer/. */
const here = dirname(fileURLToPath(import.meta.url));
export const shellPaths = {
  renderer: join(here, '..', '..', 'renderer'),
  preload: join(here, '..', '..', 'preload', 'index.cjs'),
  services: join(here, 'services-entry.js'),
};

const MAX_RESTARTS = 3;
const timers: RelayTimers = { set: setTimeout, clear: (h) => clearTimeout(h as NodeJS.Timeout) };

/** --data-dir, --port, --demo, --host: as `npm run serve` takes them. Packaged apps have no script path in argv. */
const servicesArgs = process.argv.slice(app.isPackaged ? 1 : 2);

function forkServices(): ServicesClient {
  const child = utilityProcess.fork(shellPaths.services, servicesArgs, { serviceName: 'Galla services', stdio: 'inherit' });
  return connectServices(child, timers);
}

export function startShell(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  let win: BrowserWindow | null = null;
  let services: ServicesClient | null = null;
  let restarts = 0;
  let quitting = false;

  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });

  const ownerSession = createOwnerSession({
    now: () => Date.now(),
    timers,
    onChange: (s) => win && sendEvent(win.webContents, { event: 'session', payload: s }),
  });

  const launchServices = () => {
    const s = forkServices();
    services = s;
    s.onEvent((e) => win && sendEvent(win.webContents, { event: 'command', payload: e.payload }));
    s.onExit((code) => {
      if (quitting) return;
      // The unlock does not outlive the process that checked the PIN.
      ownerSession.lock();
      if (++restarts > MAX_RESTARTS) {
        dialog.showErrorBox('Galla stopped', `Galla’s services stopped ${restarts} times (last exit code ${code}). Nothing after the last saved bill is lost; start Galla again.`);
        app.quit();
        return;
      }
      log.error(`services exited with code ${code}; restarting (${restarts} of ${MAX_RESTARTS})`);
      launchServices();
    });
    s.ready.then(
      (r) => log.info(`services ready: ${r.url}, shop data ${r.dbFile}`),
      (e: Error) => {
        if (quitting) return;
        quitting = true;
        dialog.showErrorBox('Galla could not start', e.message);
        app.quit();
      },
    );
  };

  registerIpc(
    ipcMain,
    createInvokeHandler({
      services: { call: (name, input, actor) => (services ? services.call(name, input, actor) : Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'Galla is starting: try again in a moment.' } })) },
      session: ownerSession,
    }),
  );

  void app.whenReady().then(() => {
    applySessionPolicy(session.defaultSession);
    serveAppProtocol(session.defaultSession, shellPaths.renderer);
    launchServices();
    win = createMainWindow(shellPaths.preload);
    win.on('closed', () => {
      win = null;
    });
  });

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (quitting || !services) return;
    // Let the services close SQLite cleanly (WAL checkpoint) before the process goes.
    event.preventDefault();
    quitting = true;
    void services.stop().finally(() => app.quit());
  });
}

startShell();
