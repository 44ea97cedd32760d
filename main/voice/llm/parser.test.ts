// The llama fallback on the tiny random-weight GGUF from ../shared/fixtures, in a real child process
// with node-llama-cpp. The words are noise; the grammar must still make every answer valid.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/errors';
import { parseManifest } from '../models/manifest';
import { runtimeInstalled } from '../models/status';
import { sharedDir, writeTinyGguf, writeTinyWhisper } from '../models/test-fixtures';
import { INTENTS } from '../types';
import { LlamaFallbackParser } from './parser';

let dir: string;
let gguf: string;
const parsers: LlamaFallbackParser[] = [];
const make = (opts: ConstructorParameters<typeof LlamaFallbackParser>[0]) => {
  // 4096: the fixture's vocabulary is single characters, so the prompt takes ~4x the tokens Qwen's would.
  const p = new LlamaFallbackParser({ threads: 1, contextSize: 4096, ...opts });
  parsers.push(p);
  return p;
};

const shop = JSON.parse(readFileSync(join(sharedDir, 'eval', 'catalog.json'), 'utf8')) as { products: { name: string }[]; customers: { name: string }[] };
const catalog = { products: shop.products.map((p) => p.name), customers: shop.customers.map((c) => c.name) };
const utterances = readFileSync(join(sharedDir, 'eval', 'dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const loadFailure = async (p: LlamaFallbackParser): Promise<string> => {
  const e = await p.load().then(
    () => new Error('expected load to fail'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return (e as AppError).message;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'galla-llm-'));
  gguf = writeTinyGguf(dir);
});
afterEach(async () => {
  await Promise.all(parsers.splice(0).map((p) => p.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!runtimeInstalled('node-llama-cpp'))('LlamaFallbackParser (tiny random-weight GGUF)', () => {
  it('loads in a child process and answers with a Frame on the llm path', async () => {
    const parser = make({ modelPath: gguf });
    expect(await parser.available()).toEqual({ ok: true });
    await parser.load();
    expect(parser.pid).not.toBe(process.pid);
    const frame = await parser.parseOrThrow('Rahul Gupta ko do doodh aur ek bread', catalog);
    expect(frame.path).toBe('llm');
    expect(INTENTS).toContain(frame.intent);
    expect(frame.confidence).toBe(0.5);
    // Greedy decoding: the same words, the same frame.
    expect(await parser.parse('Rahul Gupta ko do doodh aur ek bread', catalog)).toEqual(frame);
  });

  it('writes only grammar-valid answers: sampled noise still parses, validates and names only catalog entries', async () => {
    const parser = make({ modelPath: gguf, temperature: 1, seed: 11 });
    const seen = new Set<string>();
    for (const text of utterances.slice(0, 16)) {
      const frame = await parser.parseOrThrow(text, catalog); // throws if the answer did not parse or validate
      seen.add(frame.intent);
      const e = frame.entities;
      if (e.customer) expect(catalog.customers).toContain(e.customer);
      if (e.product) expect(catalog.products).toContain(e.product);
      for (const item of e.items ?? []) {
        expect(catalog.products).toContain(item.product);
        expect(Number.isFinite(item.quantity)).toBe(true);
      }
      for (const n of [e.amount, e.quantity, e.discountPercent, e.discountAmount]) if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(3); // sampling reached several branches of the grammar

    // The items array (nested objects, two enums) is the grammar's deepest branch: sample until it shows.
    let items: number | undefined;
    for (let i = 0; i < 60 && !items; i++) items = (await parser.parseOrThrow('doodh teen kar do', catalog)).entities.items?.length;
    expect(items).toBeGreaterThan(0);
  });

  it('kills the child at the timeout, returns null so the till goes on, and answers on the next call', async () => {
    const parser = make({ modelPath: gguf });
    await parser.load();
    const first = parser.pid!;
    const slow = await parser.parseOrThrow('Sunita ne paanch sau diye', catalog, { timeoutMs: 1 }).catch((e: unknown) => e);
    expect((slow as AppError).message).toBe('The language model took longer than 1 ms and was restarted.');
    await expect.poll(() => alive(first)).toBe(false);
    const frame = await parser.parse('Sunita ne paanch sau diye', catalog);
    expect(frame?.path).toBe('llm');
    expect(parser.starts).toBe(2);
  });

  it('restarts a child that was killed from outside', async () => {
    const parser = make({ modelPath: gguf });
    await parser.load();
    const first = parser.pid!;
    process.kill(first, 'SIGKILL');
    await expect.poll(() => alive(first)).toBe(false);
    const frame = await parser.parse('kis kis pe udhaar hai', catalog);
    expect(frame?.path).toBe('llm');
    expect(parser.pid).not.toBe(first);
    expect(parser.starts).toBe(2);
  });

  it('says a missing file is missing (ENOENT), and parse() returns null', async () => {
    const parser = make({ modelPath: join(dir, 'absent.gguf') });
    expect((await parser.available()).reason).toMatch(/^Language model file not found: .*absent\.gguf \(ENOENT\)\. npm run models -- download qwen2\.5-0\.5b-instruct$/);
    expect(await loadFailure(parser)).toMatch(/not found: .*absent\.gguf \(ENOENT\)/);
    expect(await parser.parse('haan bana do', catalog)).toBeNull();
    expect(parser.lastError).toMatch(/ENOENT/);
  });

  it('names a non-GGUF file (InvalidGgufMagicError) and a GGUF cut after its header', async () => {
    const whisper = writeTinyWhisper(dir);
    const notGguf = make({ modelPath: whisper });
    expect((await notGguf.available()).reason).toMatch(/is not a GGUF model \(it starts with "lmgg", not "GGUF"\)/);
    expect(await loadFailure(notGguf)).toMatch(/is not a GGUF model \(InvalidGgufMagicError: Invalid GGUF magic\. Expected "GGUF" but got "lmgg"\.\)/);

    const headerOnly = join(dir, 'header-only.gguf');
    writeFileSync(headerOnly, readFileSync(gguf).subarray(0, 24));
    expect(await loadFailure(make({ modelPath: headerOnly }))).toMatch(/could not be read as a GGUF model \((TypeError|RangeError): .*\); it is probably cut short/);
  });

  it('finds the installed model through the manifest, or says what to download', async () => {
    const manifest = parseManifest({
      version: 1,
      models: [
        {
          id: 'tiny-llama',
          engine: 'llama',
          title: 'Tiny random llama',
          language: 'any',
          adds: 'Noise, for tests',
          recommended: true,
          licence: 'MIT',
          source: 'https://example.invalid/',
          files: [{ name: 'tiny-random.gguf', url: 'https://example.invalid/tiny-random.gguf', size: 528_224, sha256: null, note: 'test' }],
        },
      ],
    });
    const missing = make({ manifest, modelsDir: join(dir, 'nothing-here') });
    expect(await missing.available()).toEqual({ ok: false, reason: 'Language-model fallback model not installed: npm run models -- download tiny-llama (0.5 MB). Adds: Noise, for tests.' });
    expect(await missing.parse('haan', catalog)).toBeNull();

    const installed = make({ manifest, modelsDir: join(dir, 'models') });
    mkdirSync(join(dir, 'models', 'tiny-llama'), { recursive: true });
    writeTinyGguf(join(dir, 'models', 'tiny-llama'));
    expect(await installed.available()).toEqual({ ok: true });
  });
});
