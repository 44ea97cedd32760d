// For tests: tiny random-weight model files written by the generators in ../shared/fixtures (beside
// the repository, on this machine and in CI). They load and run in the real bindings; their output
// is noise. Never imported by the app.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const sharedDir = resolve(repoRoot, '..', 'shared');

function generate(script: string, out: string): string {
  const path = join(sharedDir, 'fixtures', script);
  if (!existsSync(path)) throw new Error(`${path} is missing: the tests need ../shared beside the repository (see ../shared/fixtures/README.md)`);
  execFileSync(process.execPath, [path, out], { stdio: 'ignore' });
  return out;
}

/** A whisper.cpp legacy ggml model, 4,260,537 bytes. */
export const writeTinyWhisper = (dir: string, name = 'ggml-tiny-random.bin') => generate('make-tiny-whisper.mjs', join(dir, name));

/** A llama-architecture GGUF, 528,224 bytes. */
export const writeTinyGguf = (dir: string, name = 'tiny-random.gguf') => generate('make-tiny-gguf.mjs', join(dir, name));

/**
 * The tiny whisper model with its " " vocabulary token renamed: whisper.cpp loads it and then
 * throws inside transcription, where @fugood/whisper.node never settles its promise (a real hang).
 */
export function writeWhisperWithoutSpaceToken(source: string, out: string): string {
  const b = readFileSync(source);
  const melHeader = 4 + 11 * 4;
  const nMel = b.readInt32LE(melHeader);
  const nFft = b.readInt32LE(melHeader + 4);
  const firstToken = melHeader + 8 + nMel * nFft * 4 + 4;
  if (b.readUInt32LE(firstToken) !== 1 || b[firstToken + 4] !== 0x20) throw new Error('the fixture no longer starts its vocabulary with " "');
  b[firstToken + 4] = 0x7e; // "~"
  writeFileSync(out, b);
  return out;
}
