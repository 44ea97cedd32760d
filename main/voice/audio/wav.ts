// 16-bit PCM WAV in and out, and the checks on the client's raw frames. The voice pipeline's audio
// is 16 kHz mono int16 little-endian throughout.
export const SAMPLE_RATE = 16_000;
/** The largest binary frame the socket accepts: 1 s of audio (clients send 20-100 ms). */
export const MAX_FRAME_BYTES = SAMPLE_RATE * 2;

export interface DecodedWav {
  sampleRate: number;
  channels: number;
  /** Interleaved when channels > 1. */
  samples: Int16Array;
}

export function encodeWav(samples: Int16Array, sampleRate = SAMPLE_RATE, channels = 1): Uint8Array {
  const dataBytes = samples.length * 2;
  const buf = new ArrayBuffer(44 + dataBytes);
  const v = new DataView(buf);
  const ascii = (off: number, s: string) => [...s].forEach((c, i) => v.setUint8(off + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * channels * 2, true);
  v.setUint16(32, channels * 2, true);
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i++) v.setInt16(44 + i * 2, samples[i]!, true);
  return new Uint8Array(buf);
}

/** Reads a 16-bit PCM WAV (any chunk order; espeak-ng writes a 0x7fffffff length when streaming). */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (off: number) => String.fromCharCode(...bytes.subarray(off, off + 4));
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('Not a WAV file');
  let off = 12;
  let fmt: { channels: number; sampleRate: number; bits: number; format: number } | null = null;
  while (off + 8 <= bytes.byteLength) {
    const id = tag(off);
    const size = v.getUint32(off + 4, true);
    const body = off + 8;
    if (id === 'fmt ') {
      fmt = { format: v.getUint16(body, true), channels: v.getUint16(body + 2, true), sampleRate: v.getUint32(body + 4, true), bits: v.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAV data before its format');
      if (fmt.format !== 1 || fmt.bits !== 16) throw new Error(`Only 16-bit PCM WAV is supported (format ${fmt.format}, ${fmt.bits} bits)`);
      const end = Math.min(bytes.byteLength, size >= 0x7ffffff0 ? bytes.byteLength : body + size);
      const n = Math.floor((end - body) / 2);
      const samples = new Int16Array(n);
      for (let i = 0; i < n; i++) samples[i] = v.getInt16(body + i * 2, true);
      return { sampleRate: fmt.sampleRate, channels: fmt.channels, samples };
    }
    off = body + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
}

/**
 * A client's binary frame as samples. Odd lengths and frames over MAX_FRAME_BYTES are refused
 * with a message that says what to send.
 */
export function pcmFromFrame(frame: Uint8Array): { ok: true; pcm: Int16Array } | { ok: false; message: string } {
  if (frame.byteLength === 0) return { ok: false, message: 'Empty audio frame: send 16 kHz mono 16-bit little-endian PCM' };
  if (frame.byteLength % 2 !== 0) {
    return { ok: false, message: `Audio frame of ${frame.byteLength} bytes is not whole 16-bit samples: send 16 kHz mono 16-bit little-endian PCM` };
  }
  if (frame.byteLength > MAX_FRAME_BYTES) {
    return { ok: false, message: `Audio frame of ${frame.byteLength} bytes is too large: send at most ${MAX_FRAME_BYTES} bytes (1 s) per frame` };
  }
  const pcm = new Int16Array(frame.byteLength / 2);
  const v = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  for (let i = 0; i < pcm.length; i++) pcm[i] = v.getInt16(i * 2, true);
  return { ok: true, pcm };
}

export function concatPcm(chunks: Int16Array[]): Int16Array {
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

/** Root mean square level, 0..32768. */
export function rms(pcm: Int16Array): number {
  if (pcm.length === 0) return 0;
  let s = 0;
  for (let i = 0; i < pcm.length; i++) s += pcm[i]! * pcm[i]!;
  return Math.sqrt(s / pcm.length);
}

/** Linear resampling to 16 kHz mono, for WAV files at other rates (TTS voices, uploaded clips). */
export function toMono16k(w: DecodedWav): Int16Array {
  let mono = w.samples;
  if (w.channels > 1) {
    mono = new Int16Array(Math.floor(w.samples.length / w.channels));
    for (let i = 0; i < mono.length; i++) {
      let s = 0;
      for (let c = 0; c < w.channels; c++) s += w.samples[i * w.channels + c]!;
      mono[i] = Math.round(s / w.channels);
    }
  }
  if (w.sampleRate === SAMPLE_RATE) return mono;
  const ratio = w.sampleRate / SAMPLE_RATE;
  const out = new Int16Array(Math.floor(mono.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const x = i * ratio;
    const j = Math.floor(x);
    const f = x - j;
    out[i] = Math.round((mono[j] ?? 0) * (1 - f) + (mono[j + 1] ?? mono[j] ?? 0) * f);
  }
  return out;
}
