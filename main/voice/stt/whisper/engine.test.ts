// Whisper on the tiny random-weight model from ../shared/fixtures: the real binding in a real child
// process. Its words are noise; what is tested is loading, options, errors and surviving a hang.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/errors';
import { parseManifest } from '../../models/manifest';
import { runtimeInstalled } from '../../models/status';
import { writeTinyGguf, writeTinyWhisper, writeWhisperWithoutSpaceToken } from '../../models/test-fixtures';
import { checkWhisperFile } from './ggml-file';
import { cleanTranscript, WhisperStt } from './engine';

let dir: string;
let model: string;
const engines: WhisperStt[] = [];
const make = (opts: ConstructorParameters<typeof WhisperStt>[0]) => {
  const e = new WhisperStt({ threads: 1, ...opts });
  engines.push(e);
  return e;
};

/** One second of 16 kHz audio: two tones and a little deterministic noise. */
function secondOfAudio(): Int16Array {
  const pcm = new Int16Array(16_000);
  let s = 7;
  for (let i = 0; i < pcm.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    pcm[i] = Math.round(4000 * Math.sin((2 * Math.PI * 220 * i) / 16_000) + 2000 * Math.sin((2 * Math.PI * 660 * i) / 16_000) + ((s >>> 16) % 1000) - 500);
  }
  return pcm;
}

const errorOf = async (p: Promise<unknown>): Promise<AppError> => {
  const e = await p.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'galla-whisper-'));
  model = writeTinyWhisper(dir);
  writeFileSync(join(dir, 'text.bin'), 'hello, not a model');
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkWhisperFile', () => {
  it('accepts the fixture and names what is wrong with broken files', () => {
    const ok = checkWhisperFile(model);
    expect(ok).toMatchObject({ ok: true, info: { nVocab: 51865, nMels: 80, tensors: 50 } });
    const bytes = readFileSync(model);
    writeFileSync(join(dir, 'cut-vocab.bin'), bytes.subarray(0, 100_000));
    writeFileSync(join(dir, 'cut-weights.bin'), bytes.subarray(0, 2_000_000));
    const problem = (f: string) => {
      const r = checkWhisperFile(join(dir, f));
      return r.ok ? 'ok' : r.problem;
    };
    expect(problem('cut-vocab.bin')).toMatch(/is cut short inside its vocabulary \(100000 bytes\)\. Download it again/);
    expect(problem('cut-weights.bin')).toMatch(/is cut short: tensor decoder\.token_embedding\.weight needs \d+ bytes/);
    expect(problem('text.bin')).toMatch(/is not a whisper\.cpp model: it does not start with the ggml magic/);
    expect(problem('absent.bin')).toMatch(/does not exist \(ENOENT\)/);
    expect(problem(writeWhisperWithoutSpaceToken(model, join(dir, 'nospace.bin')).replace(`${dir}/`, ''))).toMatch(/has no " " token/);
  });
});

describe('cleanTranscript', () => {
  it("drops whisper's non-speech notes", () => {
    expect(cleanTranscript(' [BLANK_AUDIO] Rahul ko (music) do doodh  *cough* ')).toBe('Rahul ko do doodh');
  });
});

describe.skipIf(!runtimeInstalled('@fugood/whisper.node'))('WhisperStt (tiny random-weight model)', () => {
  it('loads the model in a child process and transcribes a second of audio within the timeout', async () => {
    const stt = make({ modelPath: model });
    expect(await stt.status()).toEqual({ name: 'whisper', ok: true });
    await stt.load();
    expect(stt.pid).toBeTypeOf('number');
    expect(stt.pid).not.toBe(process.pid);
    const t = await stt.transcribe(secondOfAudio(), { timeoutMs: 60_000 });
    expect(t.engine).toBe('whisper:ggml-tiny-random.bin');
    expect(typeof t.text).toBe('string'); // noise words: the weights are random
    expect(t.confidence).toBeNull();
    expect(stt.starts).toBe(1);
  });

  it('passes the language option to whisper (default hi) and refuses a malformed one', async () => {
    const stt = make({ modelPath: model });
    expect(stt.language).toBe('hi');
    expect((await stt.transcribeDetailed(secondOfAudio(), { timeoutMs: 60_000 })).language).toBe('hi');
    expect((await stt.transcribeDetailed(secondOfAudio(), { language: 'en', timeoutMs: 60_000 })).language).toBe('en');
    expect((await make({ modelPath: model, language: 'en' }).transcribeDetailed(secondOfAudio(), { timeoutMs: 60_000 })).language).toBe('en');
    const bad = await errorOf(stt.transcribe(secondOfAudio(), { language: 'Hindi' }));
    expect(bad.code).toBe('VALIDATION');
    expect(() => new WhisperStt({ language: 'hindi language' })).toThrow(/code like "hi"/);
  });

  it('says a missing file is missing, from status() and from transcribe()', async () => {
    const stt = make({ modelPath: join(dir, 'absent.bin') });
    const status = await stt.status();
    expect(status.ok).toBe(false);
    expect(status.reason).toMatch(/Whisper model cannot be used: the file .*absent\.bin does not exist \(ENOENT\)/);
    const err = await errorOf(stt.transcribe(secondOfAudio()));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toMatch(/does not exist \(ENOENT\)/);
  });

  it('refuses corrupt files with a clear error and without hanging: cut short, not a model, a GGUF', async () => {
    const bytes = readFileSync(model);
    const cut = join(dir, 'cut.bin');
    writeFileSync(cut, bytes.subarray(0, 100_000)); // whisper.cpp itself would load this as an empty model
    const gguf = writeTinyGguf(dir);
    for (const [file, message] of [
      [cut, /cut short inside its vocabulary/],
      [join(dir, 'text.bin'), /not a whisper\.cpp model/],
      [gguf, /is a GGUF file/],
    ] as const) {
      const stt = make({ modelPath: file });
      const err = await errorOf(stt.transcribe(secondOfAudio(), { timeoutMs: 60_000 }));
      expect(err.code).toBe('UNAVAILABLE');
      expect(err.message).toMatch(message);
      expect((await stt.status()).reason).toMatch(message);
    }
  });

  it('reports a file the native loader rejects when the header walk is off', async () => {
    const stt = make({ modelPath: join(dir, 'text.bin'), checkFile: false });
    const err = await errorOf(stt.load());
    expect(err.message).toMatch(/whisper\.cpp could not load .*text\.bin: Failed to initialize whisper context/);
  });

  it('kills a worker hung inside whisper.cpp at the timeout, and the next call works', async () => {
    // The " " token missing: whisper.cpp throws in its decoding thread and the binding never answers.
    const hangs = make({ modelPath: writeWhisperWithoutSpaceToken(model, join(dir, 'nospace.bin')), checkFile: false });
    await hangs.load();
    const hungPid = hangs.pid!;
    const err = await errorOf(hangs.transcribe(secondOfAudio(), { timeoutMs: 3_000 }));
    expect(err.message).toBe('Whisper took too long to transcribe and was restarted: say it again, or type it.');
    await expect.poll(() => alive(hungPid)).toBe(false);

    // A healthy engine interrupted by its timeout restarts the same way and then answers.
    const stt = make({ modelPath: model });
    await stt.load();
    const first = stt.pid!;
    expect((await errorOf(stt.transcribe(secondOfAudio(), { timeoutMs: 1 }))).message).toMatch(/took too long/);
    const t = await stt.transcribe(secondOfAudio(), { timeoutMs: 60_000 });
    expect(typeof t.text).toBe('string');
    expect(stt.starts).toBe(2);
    expect(stt.pid).not.toBe(first);
  });

  it('finds an installed model through the manifest, and otherwise says what to download', async () => {
    const modelsDir = join(dir, 'models');
    const bytes = readFileSync(model);
    const manifest = parseManifest({
      version: 1,
      models: [
        {
          id: 'whisper-tiny-random',
          engine: 'whisper',
          title: 'Tiny random Whisper',
          language: 'hi',
          adds: 'Noise words, for tests',
          recommended: true,
          licence: 'MIT',
          source: 'https://example.invalid/',
          files: [{ name: 'ggml-tiny-random.bin', url: 'https://example.invalid/ggml-tiny-random.bin', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }],
        },
      ],
    });
    const stt = make({ modelsDir, manifest });
    const missing = await stt.status();
    expect(missing.ok).toBe(false);
    expect(missing.reason).toBe('Whisper speech to text model not installed: npm run models -- download whisper-tiny-random (4.3 MB). Adds: Noise words, for tests.');
    expect((await errorOf(stt.transcribe(secondOfAudio()))).message).toMatch(/npm run models -- download whisper-tiny-random/);

    mkdirSync(join(modelsDir, 'whisper-tiny-random'), { recursive: true });
    copyFileSync(model, join(modelsDir, 'whisper-tiny-random', 'ggml-tiny-random.bin'));
    expect(await stt.status()).toEqual({ name: 'whisper', ok: true });
    expect((await stt.transcribe(secondOfAudio(), { timeoutMs: 60_000 })).engine).toBe('whisper:whisper-tiny-random');
  });
});
