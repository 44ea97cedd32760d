// The screen (renderer/) built into dist/renderer: served at / by the services in browser mode and
// from app://galla/ in Electron. No inline scripts or styles, so the strict CSP holds.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // The polyfill would be an inline script; Chromium and Electron support modulepreload.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npx vite` for work on the screen, against `npm run serve` on its default port.
    proxy: { '/api': 'http://127.0.0.1:4417', '/ws': { target: 'ws://127.0.0.1:4417', ws: true } },
  },
});
