import { describe, expect, it } from 'vitest';
import { decodeWav, encodeWav, MAX_FRAME_BYTES, pcmFromFrame, rms, toMono16k } from '../../main/voice/audio/wav';
import { fixWavLengths } from '../../main/voice/tts/espeak';

describe('WAV and frames', () => {
  it('writes and reads 16-bit mono WAV', () => {
    const pcm = Int16Array.from([0, 1000, -1000, 32767, -32768]);
    const wav = encodeWav(pcm);
    expect(String.fromCharCode(...wav.subarray(0, 4))).toBe('RIFF');
    const back = decodeWav(wav);
    expect(back.sampleRate).toBe(16000);
    expect([...back.samples]).toEqual([...pcm]);
  });

  it('fixes the lengths of a streamed WAV (espeak-ng --stdout)', () => {
    const wav = encodeWav(new Int16Array(10));
    const v = new DataView(wav.buffer);
    v.setUint32(4, 0xffffffff, true);
    v.setUint32(40, 0xffffffff, true);
    const fixed = new DataView(fixWavLengths(wav).buffer);
    expect(fixed.getUint32(4, true)).toBe(wav.byteLength - 8);
    expect(fixed.getUint32(40, true)).toBe(20);
  });

  it('takes little-endian PCM frames and refuses odd or oversized ones with a message', () => {
    const ok = pcmFromFrame(Uint8Array.from([0x10, 0x00, 0xff, 0xff]));
    expect(ok).toEqual({ ok: true, pcm: Int16Array.from([16, -1]) });
    const odd = pcmFromFrame(new Uint8Array(3));
    expect(odd.ok).toBe(false);
    if (!odd.ok) expect(odd.message).toMatch(/16-bit/);
    const big = pcmFromFrame(new Uint8Array(MAX_FRAME_BYTES + 2));
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.message).toMatch(/too large/);
    expect(pcmFromFrame(new Uint8Array(0)).ok).toBe(false);
  });

  it('resamples other rates to 16 kHz mono', () => {
    const stereo48k = new Int16Array(48000 * 2).fill(1000);
    const out = toMono16k({ sampleRate: 48000, channels: 2, samples: stereo48k });
    expect(out.length).toBe(16000);
    expect(rms(out)).toBeCloseTo(1000, 0);
  });
});
