// The screen in browser mode: dist/renderer (built by vite) at /, index.html for any other path that
// is not the API's, with a strict CSP (no inline script or style, nothing from other origins).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply } from 'fastify';
import { SCREEN_CSP, SCREEN_MIME } from '../../../common/screen-policy';
import type { RouteModule } from './index';

export { SCREEN_CSP };

/** Paths that belong to the services, never to the screen: an unknown one stays a 404. */
export const NOT_SCREEN = /^\/(api|ws|health|metrics)(\/|$)/;

/** dist/renderer from the source tree (main/api/routes) or from the built one (dist/main/api/routes). */
export function rendererDir(): string {
  const fromEnv = process.env.GALLA_RENDERER_DIR;
  if (fromEnv) return resolve(fromEnv);
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', '..', '..', 'dist', 'renderer'), join(here, '..', '..', '..', 'renderer')];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? candidates[0]!;
}

function sendFile(reply: FastifyReply, file: string) {
  const ext = extname(file);
  const html = ext === '.html';
  reply.header('content-type', SCREEN_MIME[ext] ?? 'application/octet-stream');
  reply.header('x-content-type-options', 'nosniff');
  // Vite names assets by their content hash; index.html must always be fresh to pick up a new build.
  reply.header('cache-control', html ? 'no-store' : 'public, max-age=31536000, immutable');
  if (html) {
    reply.header('content-security-policy', SCREEN_CSP);
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
  }
  return reply.send(createReadStream(file));
}

const isFile = (p: string) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

export const staticRoutes: RouteModule = (app) => {
  const root = rendererDir();
  app.get('/*', async (req, reply) => {
    const path = decodeURIComponentSafe(req.url.split('?')[0] ?? '/');
    if (path === null || NOT_SCREEN.test(path)) return reply.callNotFound();
    const index = join(root, 'index.html');
    if (!isFile(index)) return reply.code(404).type('text/plain; charset=utf-8').send('The screen is not built: run `npm run build:renderer`, then reload.');
    const file = resolve(root, '.' + path);
    if (path !== '/' && (file === root || file.startsWith(root + sep)) && isFile(file)) return sendFile(reply, file);
    // A path with a file extension that is not there is a missing asset, not a screen route.
    if (/\.[a-z0-9]{1,5}$/i.test(path)) return reply.callNotFound();
    return sendFile(reply, index);
  });
};

function decodeURIComponentSafe(s: string): string | null {
  try {
    const d = decodeURIComponent(s);
    return d.includes('\0') ? null : d;
  } catch {
    return null;
  }
}
