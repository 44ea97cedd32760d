// 16 kHz mono 16-bit PCM to a WAV file, the format the services read (main/voice/audio/wav.ts; the
// renderer cannot import main/), and bytes to base64 for a JSON body.
import { TARGET_RATE } from './pcm';

const HEADER_BYTES = 44;

export function encodeWav(samples: Int16Array, sampleRate = TARGET_RATE): Uint8Array {
  const dataBytes = samples.length * 2;
  const v = new DataView(new ArrayBuffer(HEADER_BYTES + dataBytes));
  const ascii = (off: number, s: string) => {
    for (let i = 0; i < s.length; i++) v.setUint8(off + i, s.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i++) v.setInt16(HEADER_BYTES + i * 2, samples[i]!, true);
  return new Uint8Array(v.buffer);
}

/** Base64 in chunks: String.fromCharCode(...) on a whole recording would overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Frames of int16 samples (ArrayBuffers) joined into one recording. */
export function joinFrames(frames: ArrayBuffer[]): Int16Array {
  const out = new Int16Array(frames.reduce((n, f) => n + f.byteLength / 2, 0));
  let at = 0;
  for (const f of frames) {
    out.set(new Int16Array(f), at);
    at += f.byteLength / 2;
  }
  return out;
}
