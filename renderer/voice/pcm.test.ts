import { describe, expect, it } from 'vitest';
import { Downsampler, FRAME_SAMPLES, Framer, MIN_FRAME_SAMPLES, TARGET_RATE, toInt16 } from './pcm';

const sine = (hz: number, rate: number, seconds: number, amp = 0.8) => Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate));

/** Sign changes from negative to positive: a sine's frequency, times the seconds. */
const upCrossings = (x: Float32Array) => {
  let n = 0;
  for (let i = 1; i < x.length; i++) if (x[i - 1]! < 0 && x[i]! >= 0) n++;
  return n;
};

function inBlocks(down: Downsampler, input: Float32Array, sizes: number[]): Float32Array {
  const parts: number[] = [];
  let at = 0;
  for (let k = 0; at < input.length; k++) {
    const size = sizes[k % sizes.length]!;
    parts.push(...down.push(input.subarray(at, at + size)));
    at += size;
  }
  return Float32Array.from(parts);
}

describe('Downsampler to 16 kHz', () => {
  it('48 kHz: each output is the mean of three inputs, a third as many samples', () => {
    const down = new Downsampler(48_000 / TARGET_RATE);
    const out = down.push(Float32Array.from([0.3, 0.6, 0.9, -0.3, 0, 0.3, 1, 1, 1]));
    expect(Array.from(out).map((x) => Number(x.toFixed(6)))).toEqual([0.6, 0, 1]);
    expect(new Downsampler(3).push(new Float32Array(4_800)).length).toBe(1_600); // 100 ms
  });

  it('44.1 kHz: one second gives 16,000 samples (to within one), the tone keeps its pitch and level', () => {
    const input = sine(440, 44_100, 1);
    const out = new Downsampler(44_100 / TARGET_RATE).push(input);
    expect(Math.abs(out.length - TARGET_RATE)).toBeLessThanOrEqual(1);
    expect(upCrossings(out)).toBeGreaterThanOrEqual(439);
    expect(upCrossings(out)).toBeLessThanOrEqual(441);
    const peak = out.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    // Averaging ~2.76 samples barely dims a 440 Hz tone.
    expect(peak).toBeGreaterThan(0.78);
    expect(peak).toBeLessThanOrEqual(0.8);
  });

  it('keeps a steady level as it is', () => {
    const out = new Downsampler(44_100 / TARGET_RATE).push(new Float32Array(4_410).fill(0.25));
    expect(out.length).toBeGreaterThan(1_590);
    for (const x of out) expect(x).toBeCloseTo(0.25, 6);
  });

  it('a stream cut into blocks (the audio callback’s 4096, or odd sizes) comes out as in one piece', () => {
    for (const rate of [48_000, 44_100]) {
      const input = sine(300, rate, 0.5);
      const whole = new Downsampler(rate / TARGET_RATE).push(input);
      for (const sizes of [[4_096], [1, 2, 3, 5, 7, 11], [1_000, 17]]) {
        const blocks = inBlocks(new Downsampler(rate / TARGET_RATE), input, sizes);
        expect(blocks.length, `${rate} ${sizes.join(',')}`).toBe(whole.length);
        for (let i = 0; i < whole.length; i++) expect(blocks[i]).toBeCloseTo(whole[i]!, 6);
      }
    }
  });

  it('16 kHz passes through; an input slower than 16 kHz is refused, saying why', () => {
    const input = Float32Array.from([0.1, -0.2, 0.3]);
    expect(Array.from(new Downsampler(1).push(input))).toEqual(Array.from(input));
    expect(() => new Downsampler(8_000 / TARGET_RATE)).toThrow(/at least 16000 Hz/);
    expect(() => new Downsampler(Number.NaN)).toThrow();
  });

  it('an empty block gives nothing and loses nothing', () => {
    const down = new Downsampler(3);
    expect(down.push(Float32Array.from([0.3, 0.3])).length).toBe(0);
    expect(down.push(new Float32Array(0)).length).toBe(0);
    expect(Array.from(down.push(Float32Array.from([0.3])))).toEqual([expect.closeTo(0.3, 6)]);
  });
});

describe('toInt16', () => {
  it('scales -1..1 to the full 16-bit range, clipping what is beyond it', () => {
    expect(Array.from(toInt16(Float32Array.from([0, 1, -1, 0.5, -0.5, 2, -3, 1e-6])))).toEqual([0, 32_767, -32_768, 16_384, -16_384, 32_767, -32_768, 0]);
  });

  it('keeps the length; not-a-number (a broken callback) becomes silence', () => {
    expect(toInt16(new Float32Array(1_234)).length).toBe(1_234);
    expect(Array.from(toInt16(Float32Array.from([Number.NaN])))).toEqual([0]);
    expect(toInt16(new Float32Array(0)).length).toBe(0);
  });
});

describe('Framer', () => {
  it('sends frames of 1,600 samples (100 ms, 3,200 bytes little-endian) across pushes', () => {
    const frames: ArrayBuffer[] = [];
    const framer = new Framer((f) => frames.push(f));
    framer.push(Int16Array.from({ length: 1_000 }, (_, i) => i));
    expect(frames).toHaveLength(0);
    framer.push(Int16Array.from({ length: 2_500 }, (_, i) => 1_000 + i));
    expect(frames.map((f) => f.byteLength)).toEqual([FRAME_SAMPLES * 2, FRAME_SAMPLES * 2]);
    const bytes = new Uint8Array(frames[1]!);
    // Sample 1,600 is 0x0640: low byte first.
    expect([bytes[0], bytes[1]]).toEqual([0x40, 0x06]);
    expect(Array.from(new Int16Array(frames[0]!).subarray(998, 1_002))).toEqual([998, 999, 1_000, 1_001]);
    // Each frame is its own copy, not a view of the buffer being refilled.
    framer.push(new Int16Array(FRAME_SAMPLES).fill(-1));
    expect(new Int16Array(frames[0]!)[0]).toBe(0);
  });

  it('flush sends a tail of at least 20 ms and drops a shorter one; then it starts empty', () => {
    const frames: ArrayBuffer[] = [];
    const framer = new Framer((f) => frames.push(f));
    framer.push(new Int16Array(MIN_FRAME_SAMPLES - 1));
    framer.flush();
    expect(frames).toHaveLength(0);
    framer.push(new Int16Array(MIN_FRAME_SAMPLES).fill(7));
    framer.flush();
    expect(frames.map((f) => f.byteLength)).toEqual([MIN_FRAME_SAMPLES * 2]);
    framer.flush();
    expect(frames).toHaveLength(1);
  });

  it('48 kHz microphone blocks end to end: 1 s gives ten full frames', () => {
    const frames: ArrayBuffer[] = [];
    const framer = new Framer((f) => frames.push(f));
    const down = new Downsampler(3);
    const mic = sine(200, 48_000, 1);
    for (let at = 0; at < mic.length; at += 4_096) framer.push(toInt16(down.push(mic.subarray(at, at + 4_096))));
    framer.flush();
    expect(frames.map((f) => f.byteLength)).toEqual(Array(10).fill(FRAME_SAMPLES * 2));
  });
});
