// Builds the screen once for the end-to-end tests (into test-results/e2e-renderer).
import { build } from 'vite';
import { join } from 'node:path';
import { E2E_RENDERER_DIR, ROOT } from './paths';

export default async function setup() {
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: E2E_RENDERER_DIR, emptyOutDir: true } });
  process.env.GALLA_RENDERER_DIR = E2E_RENDERER_DIR;
}
