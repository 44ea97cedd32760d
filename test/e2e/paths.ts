import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The screen built for these tests, apart from dist/renderer that `npm start` builds. */
export const E2E_RENDERER_DIR = fileURLToPath(new URL('../../test-results/e2e-renderer', import.meta.url));
export const SHOTS_DIR = fileURLToPath(new URL('../../test-results', import.meta.url));
