import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));
vi.mock('electron', () => electron);

const { CONTENT_SECURITY_POLICY, createAppHandler, registerAppScheme, resolveAppPath, serveAppProtocol } = await import('./protocol');

const base = mkdtempSync(join(tmpdir(), 'galla-protocol-'));
const renderer = join(base, 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Galla</title>');
writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'the owner-token');
let symlinked = true;
try {
  symlinkSync(join(base, 'secret.txt'), join(renderer, 'assets', 'leak.txt'));
} catch {
  symlinked = false; // Windows without the right to make links
}
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handler = createAppHandler(renderer);
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// path checks', () => {
  it('maps our origin’s paths to files under the renderer folder', () => {
    expect(resolveAppPath(renderer, 'app://galla/')).toEqual({ ok: true, file: join(renderer, 'index.html') });
    expect(resolveAppPath(renderer, 'app://galla/assets/app.js?v=2#x')).toEqual({ ok: true, file: join(renderer, 'assets', 'app.js') });
  });

  it('refuses ../ escapes however they are spelled, backslashes, NUL and other origins', () => {
    for (const url of [
      'app://galla/%2e%2e/secret.txt',
      'app://galla/assets/%2E%2E/%2E%2E/secret.txt',
      'app://galla/..%2fsecret.txt',
      'app://galla/assets%2f..%2f..%2fsecret.txt',
      'app://galla/..%5csecret.txt',
      'app://galla/a%5c..%5c..%5csecret.txt',
      'app://galla/index.html%00.js',
      'app://evil/index.html',
      'app://galla:8080/index.html',
      'app://user@galla/index.html',
      'file:///etc/passwd',
      'https://galla/index.html',
    ]) {
      // Either refused, or (where the URL parser already folded the dots away) still inside the folder.
      const r = resolveAppPath(renderer, url);
      if (r.ok) expect(r.file.startsWith(join(renderer, '/')), url).toBe(true);
    }
    expect(resolveAppPath(renderer, 'app://galla/..%2fsecret.txt')).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath(renderer, 'app://galla/a%5c..%5c..%5csecret.txt')).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath(renderer, 'app://evil/index.html')).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath(renderer, 'app://galla/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('app:// handler', () => {
  it('serves index.html with the strict CSP and nosniff', async () => {
    const r = await get('app://galla/');
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('<title>Galla</title>');
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('serves assets with their type, screen routes as index.html, missing files as 404', async () => {
    const js = await get('app://galla/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await (await get('app://galla/customers/12')).text()).toContain('<title>Galla</title>');
    expect((await get('app://galla/assets/missing.js')).status).toBe(404);
  });

  it('refuses escapes, other origins and methods other than GET', async () => {
    for (const url of ['app://galla/%2e%2e/secret.txt', 'app://galla/..%2fsecret.txt', 'app://galla/assets/..%2f..%2fsecret.txt']) {
      const r = await get(url);
      expect([403, 404], url).toContain(r.status);
      expect(await r.text()).not.toContain('owner-token');
    }
    expect((await get('app://galla/..%5csecret.txt')).status).toBe(403);
    expect((await get('app://galla/assets/..%2f..%2fsecret.txt')).status).toBe(403);
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect((await get('app://galla/index.html', 'POST')).status).toBe(405);
  });

  it.runIf(symlinked)('refuses a symbolic link that leads out of the folder', async () => {
    const r = await get('app://galla/assets/leak.txt');
    expect(r.status).toBe(403);
    expect(await r.text()).not.toContain('owner-token');
  });

  it('says how to build the screen when it is not built', async () => {
    const empty = mkdtempSync(join(base, 'empty-'));
    const r = await createAppHandler(empty)(new Request('app://galla/'));
    expect(r.status).toBe(404);
    expect(await r.text()).toMatch(/npm run build:renderer/);
  });

  it('registers app:// as a standard secure scheme and handles it on the session', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    const ses = { protocol: { handle: vi.fn() } };
    serveAppProtocol(ses, renderer);
    expect(ses.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
