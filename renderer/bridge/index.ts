// The one way the screen reaches the shop's services: window.galla from Electron's preload when it
// is there, else the HTTP bridge to the server that served this page.
import type { GallaBridge } from '../../common/bridge';
import { createHttpBridge, type HttpBridge, type PairingApi } from './http-bridge';

declare global {
  interface Window {
    galla?: GallaBridge;
  }
}

let current: GallaBridge | null = null;

export function bridge(): GallaBridge {
  current ??= window.galla ?? createHttpBridge();
  return current;
}

/** Tests and the voice panel may swap in a bridge of their own. */
export function setBridge(b: GallaBridge): void {
  current = b;
}

export const invoke: GallaBridge['invoke'] = (name, input, source) => bridge().invoke(name, input, source);

/** Pairing, where the screen speaks HTTP (browser mode, LAN devices); null in Electron's window. */
export function pairingApi(): PairingApi | null {
  const b = bridge();
  return 'pairing' in b ? (b as { pairing: PairingApi }).pairing : null;
}

/** Routes that are not commands, where the screen speaks HTTP; null in Electron's window. */
export function httpApi(): HttpBridge['http'] | null {
  const b = bridge();
  return 'http' in b ? (b as HttpBridge).http : null;
}
