// The screen is served from app://galla/, not file://: one origin the CSP, the permission handler
// and the IPC sender check can name, and a handler that serves only files under the renderer folder.
import { protocol } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { SCREEN_CSP, SCREEN_MIME } from '../../common/screen-policy';
import { APP_SCHEME, isAppUrl } from './origin';

/** No inline script or style, no eval, nothing from outside our origin, no frames, no forms. */
export const CONTENT_SECURITY_POLICY = SCREEN_CSP;

export type Resolved = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps app://galla/<path> to a file under rendererDir. Refused: other origins, undecodable paths,
 * `..` segments (also percent-encoded), backslashes, NUL, and anything that resolves outside.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): Resolved {
  if (!isAppUrl(requestUrl)) return { ok: false, status: 403, reason: 'not our origin' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return { ok: false, status: 400, reason: 'undecodable path' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 403, reason: 'bad character in path' };
  if (pathname.split('/').some((s) => s === '..')) return { ok: false, status: 403, reason: 'path escapes the renderer folder' };
  const root = resolve(rendererDir);
  const file = resolve(root, pathname === '/' ? 'index.html' : `.${pathname}`);
  if (!file.startsWith(root + sep)) return { ok: false, status: 403, reason: 'path escapes the renderer folder' };
  return { ok: true, file };
}

const headers = (contentType: string) => ({
  'content-type': contentType,
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
});

const refuse = (status: number, text: string) => new Response(text, { status, headers: headers('text/plain; charset=utf-8') });

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** The app:// handler: the file, or index.html for a screen route without an extension, else 404. */
export function createAppHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Only GET');
    const r = resolveAppPath(root, request.url);
    if (!r.ok) return refuse(r.status, r.reason);
    let file = r.file;
    const index = resolve(root, 'index.html');
    if (!(await isFile(file))) {
      if (extname(file) !== '' && file !== index) return refuse(404, 'not found');
      file = index;
      if (!(await isFile(file))) return refuse(404, 'The screen is not built: run `npm run build:renderer`.');
    }
    // A symbolic link inside the folder must not lead out of it.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!realFile.startsWith(realRoot + sep)) return refuse(403, 'path escapes the renderer folder');
    const body = await readFile(realFile);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(SCREEN_MIME[extname(realFile).toLowerCase()] ?? 'application/octet-stream') });
  };
}

/** Before app ready: app:// is a standard, secure scheme (so 'self', fetch and the mic work on it). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
}

/** After app ready, on the window's session. */
export function serveAppProtocol(ses: { protocol: Pick<Electron.Protocol, 'handle'> }, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, createAppHandler(rendererDir));
}
