// Microphone samples to what the voice socket takes: 16 kHz mono 16-bit little-endian PCM.

export const TARGET_RATE = 16_000;
/** About 100 ms of 16 kHz audio per binary frame (the server takes 20-1000 ms). */
export const FRAME_SAMPLES = 1_600;
/** The shortest frame the server takes (20 ms); a shorter tail is dropped. */
export const MIN_FRAME_SAMPLES = 320;

/**
 * Downsamples by averaging: each output sample is the mean of the input samples it covers (48k to
 * 16k averages groups of three). The position between calls is kept, so a stream
 * cut into blocks comes out the same as in one piece.
 */
export class Downsampler {
  private pos = 0;
  private sum = 0;
  private count = 0;
  constructor(private readonly ratio: number) {
    if (!(ratio >= 1)) throw new Error(`cannot downsample by ${ratio}: the input rate must be at least ${TARGET_RATE} Hz`);
  }

  push(input: Float32Array): Float32Array {
    const out = new Float32Array(Math.ceil((input.length + this.count) / this.ratio) + 1);
    let n = 0;
    for (const x of input) {
      this.sum += x;
      this.count++;
      this.pos++;
      if (this.pos >= this.ratio) {
        out[n++] = this.sum / this.count;
        this.pos -= this.ratio;
        this.sum = 0;
        this.count = 0;
      }
    }
    return out.subarray(0, n);
  }
}

/** Float samples (-1..1) to 16-bit signed integers, clipped. */
export function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    out[i] = s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
  }
  return out;
}

/** Gathers 16 kHz samples into frames of FRAME_SAMPLES; flush() gives the tail when it is long enough. */
export class Framer {
  private buf = new Int16Array(FRAME_SAMPLES);
  private n = 0;
  constructor(private readonly emit: (frame: ArrayBuffer) => void) {}

  push(samples: Int16Array): void {
    let i = 0;
    while (i < samples.length) {
      const take = Math.min(FRAME_SAMPLES - this.n, samples.length - i);
      this.buf.set(samples.subarray(i, i + take), this.n);
      this.n += take;
      i += take;
      if (this.n === FRAME_SAMPLES) this.out(FRAME_SAMPLES);
    }
  }

  flush(): void {
    if (this.n >= MIN_FRAME_SAMPLES) this.out(this.n);
    this.n = 0;
  }

  private out(len: number): void {
    // Int16Array is little-endian on every platform a browser runs on (x86, ARM).
    this.emit(this.buf.slice(0, len).buffer);
    this.n = 0;
  }
}
