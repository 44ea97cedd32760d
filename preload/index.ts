// The one bridge (STYLE note 2), exposed to the sandboxed page as window.galla: a typed invoke and
// event subscriptions. Nothing raw crosses: no ipcRenderer, no IPC event objects, only our channels.
// Bundled into one CommonJS file, since a sandboxed preload cannot load modules of its own.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { GALLA_EVENTS, IPC_EVENT, IPC_INVOKE, SCREEN_SOURCES, type GallaBridge, type GallaEventName, type InvokeMessage } from '../common/bridge';
import type { Result } from '../common/errors';

const failed = (message: string): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

const bridge: GallaBridge = {
  invoke(name, input, source) {
    // Checked here too so a mistake shows at the call, not as a refusal from the main process.
    if (!(SCREEN_SOURCES as readonly string[]).includes(source)) {
      return Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: `source must be one of ${SCREEN_SOURCES.join(', ')}`, field: 'source' } });
    }
    const message: InvokeMessage = { name, input, source };
    return (ipcRenderer.invoke(IPC_INVOKE, message) as Promise<never>).catch(() => failed('Galla’s window lost touch with its services: restart Galla.'));
  },
  on(event, listener) {
    if (!(GALLA_EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown Galla event: ${String(event)}`);
    const handler = (_e: IpcRendererEvent, message: { event?: GallaEventName; payload?: unknown }) => {
      if (message?.event === event) listener(message.payload as never);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('galla', bridge);
