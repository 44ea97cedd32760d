import { describe, expect, it } from 'vitest';
import { encodeWav, joinFrames, toBase64 } from './wav';

describe('the renderer WAV encoder', () => {
  it('writes the header the services read (16 kHz mono 16-bit PCM) and the samples unchanged', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const wav = encodeWav(samples);
    const v = new DataView(wav.buffer);
    const tag = (off: number) => String.fromCharCode(...wav.subarray(off, off + 4));
    expect(wav.byteLength).toBe(44 + samples.length * 2);
    expect([tag(0), tag(8), tag(12), tag(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(v.getUint32(4, true)).toBe(36 + samples.length * 2);
    expect({ format: v.getUint16(20, true), channels: v.getUint16(22, true), rate: v.getUint32(24, true), byteRate: v.getUint32(28, true), align: v.getUint16(32, true), bits: v.getUint16(34, true) }).toEqual({
      format: 1,
      channels: 1,
      rate: 16_000,
      byteRate: 32_000,
      align: 2,
      bits: 16,
    });
    expect(v.getUint32(40, true)).toBe(samples.length * 2);
    expect([...samples].map((_, i) => v.getInt16(44 + i * 2, true))).toEqual([...samples]);
  });

  it('base64 of a long recording round-trips and does not overflow the stack', () => {
    const bytes = encodeWav(new Int16Array(16_000 * 5).map((_, i) => ((i * 37) % 65536) - 32768));
    const back = Uint8Array.from(atob(toBase64(bytes)), (c) => c.charCodeAt(0));
    expect(back).toEqual(bytes);
  });

  it('joins frames in order', () => {
    const a = Int16Array.from([1, 2, 3]).buffer;
    const b = Int16Array.from([4, 5]).buffer;
    expect([...joinFrames([a, b])]).toEqual([1, 2, 3, 4, 5]);
    expect(joinFrames([]).length).toBe(0);
  });
});
