// Test audio: an utterance synthesized with espeak-ng (-w), resampled with sox to 16 kHz mono
// 16-bit, as the brief's tests require. Cached per text and voice in a temporary folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeWav } from '../../../main/voice/audio/wav';
import { simpleHash } from '../../../main/voice/stt/sphinx/grammar';

export type Voice = 'en-us' | 'hi';
const dir = join(tmpdir(), `galla-voice-audio-${process.getuid?.() ?? 0}`);

export function speakToWavFile(text: string, voice: Voice, opts: { speed?: number } = {}): string {
  mkdirSync(dir, { recursive: true });
  const key = simpleHash(`${voice}|${opts.speed ?? 150}|${text}`);
  const out = join(dir, `${voice}-${key}.wav`);
  if (existsSync(out)) return out;
  const raw = join(dir, `${voice}-${key}.raw.wav`);
  execFileSync('espeak-ng', ['-v', voice, '-s', String(opts.speed ?? 150), '-w', raw, text]);
  execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', out]);
  return out;
}

/** 16 kHz mono int16 samples of the utterance. */
export function speak(text: string, voice: Voice, opts: { speed?: number } = {}): Int16Array {
  return decodeWav(readFileSync(speakToWavFile(text, voice, opts))).samples;
}

/** Silence to put around speech, as a microphone stream has. */
export const silence = (ms: number) => new Int16Array(Math.round(ms * 16));

/** Low noise instead of digital silence (a real room is never at zero). */
export function noise(ms: number, level = 30, seed = 1): Int16Array {
  let s = seed;
  const out = new Int16Array(Math.round(ms * 16));
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out[i] = ((s / 0x7fffffff) * 2 - 1) * level;
  }
  return out;
}
