// Walks a whisper.cpp (legacy ggml) model file's headers before the native loader sees it.
// whisper.cpp accepts some broken files silently: a file cut inside its vocabulary loads as an
// "empty model for testing" and transcribes nothing, and a vocabulary without the " " token loads
// and then throws inside transcription, which hangs one binding and aborts another. A plain
// reading of the headers catches these with a message that says what to do.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface WhisperFileInfo {
  nVocab: number;
  nAudioLayer: number;
  nTextLayer: number;
  nMels: number;
  ftype: number;
  tensors: number;
  bytes: number;
}

export type WhisperFileCheck = { ok: true; info: WhisperFileInfo } | { ok: false; problem: string };

const GGML_MAGIC = 0x67676d6c;
const HPARAMS = ['n_vocab', 'n_audio_ctx', 'n_audio_state', 'n_audio_head', 'n_audio_layer', 'n_text_ctx', 'n_text_state', 'n_text_head', 'n_text_layer', 'n_mels', 'ftype'] as const;

/** ggml tensor type -> [bytes per block, elements per block], for the types whisper.cpp models use. */
const TYPE_SIZE: Record<number, [number, number]> = {
  0: [4, 1], // F32
  1: [2, 1], // F16
  2: [18, 32], // Q4_0
  3: [20, 32], // Q4_1
  6: [22, 32], // Q5_0
  7: [24, 32], // Q5_1
  8: [34, 32], // Q8_0
  9: [36, 32], // Q8_1
  10: [84, 256], // Q2_K
  11: [110, 256], // Q3_K
  12: [144, 256], // Q4_K
  13: [176, 256], // Q5_K
  14: [210, 256], // Q6_K
  15: [292, 256], // Q8_K
  30: [2, 1], // BF16
};

class Truncated extends Error {}

/**
 * Sequential reads through a small window: the vocabulary is read in 16 KB steps and each tensor
 * header costs one 16 KB read, so checking a 500 MB model reads about 5 MB.
 */
class Reader {
  private buf = Buffer.alloc(16 * 1024);
  private bufStart = 0;
  private bufLen = 0;
  pos = 0;
  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  private ensure(n: number) {
    if (this.pos + n > this.size) throw new Truncated();
    if (this.pos >= this.bufStart && this.pos + n <= this.bufStart + this.bufLen) return;
    if (n > this.buf.length) this.buf = Buffer.alloc(n);
    this.bufStart = this.pos;
    this.bufLen = readSync(this.fd, this.buf, 0, this.buf.length, this.pos);
    if (this.bufLen < n) throw new Truncated();
  }
  i32(): number {
    this.ensure(4);
    const v = this.buf.readInt32LE(this.pos - this.bufStart);
    this.pos += 4;
    return v;
  }
  u32(): number {
    this.ensure(4);
    const v = this.buf.readUInt32LE(this.pos - this.bufStart);
    this.pos += 4;
    return v;
  }
  bytes(n: number): Buffer {
    this.ensure(n);
    const out = Buffer.from(this.buf.subarray(this.pos - this.bufStart, this.pos - this.bufStart + n));
    this.pos += n;
    return out;
  }
  skip(n: number) {
    if (this.pos + n > this.size) throw new Truncated();
    this.pos += n;
  }
}

export function checkWhisperFile(path: string): WhisperFileCheck {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'ENOENT' ? `the file ${path} does not exist (ENOENT)` : `the file ${path} cannot be read (${code ?? (e as Error).message})` };
  }
  try {
    return walk(new Reader(fd, fstatSync(fd).size), path);
  } finally {
    closeSync(fd);
  }
}

function walk(r: Reader, path: string): WhisperFileCheck {
  let stage = 'header';
  try {
    if (r.size < 4) return { ok: false, problem: `${path} is ${r.size} bytes: not a model` };
    const magic = r.u32();
    if (magic !== GGML_MAGIC) {
      const head = Buffer.alloc(4);
      head.writeUInt32LE(magic);
      if (head.toString('latin1') === 'GGUF') return { ok: false, problem: `${path} is a GGUF file (a llama.cpp model?), not a whisper.cpp ggml model` };
      return { ok: false, problem: `${path} is not a whisper.cpp model: it does not start with the ggml magic` };
    }
    const h = Object.fromEntries(HPARAMS.map((k) => [k, r.i32()])) as Record<(typeof HPARAMS)[number], number>;
    const bad = HPARAMS.find((k) => k !== 'ftype' && (h[k] <= 0 || h[k] > 1_000_000));
    if (bad) return { ok: false, problem: `${path} has an impossible ${bad} (${h[bad]}): the header is damaged` };

    stage = 'mel filters';
    const nMel = r.i32();
    const nFft = r.i32();
    if (nMel <= 0 || nFft <= 0 || nMel * nFft > 1_000_000) return { ok: false, problem: `${path} has damaged mel filters (${nMel} x ${nFft})` };
    r.skip(nMel * nFft * 4);

    stage = 'vocabulary';
    const nVocab = r.i32();
    if (nVocab <= 0 || nVocab > 1_000_000) return { ok: false, problem: `${path} has a damaged vocabulary size (${nVocab})` };
    let hasSpace = false;
    for (let i = 0; i < nVocab; i++) {
      const len = r.u32();
      if (len > 1024) return { ok: false, problem: `${path} has a damaged vocabulary (token ${i} claims ${len} bytes)` };
      if (len === 1) hasSpace ||= r.bytes(1)[0] === 0x20;
      else r.skip(len);
    }
    if (!hasSpace) return { ok: false, problem: `${path} has no " " token in its vocabulary, which whisper.cpp needs while transcribing: it is not a usable Whisper model` };

    stage = 'weights';
    let tensors = 0;
    while (r.pos < r.size) {
      const nDims = r.i32();
      const nameLen = r.i32();
      const type = r.i32();
      if (nDims < 0 || nDims > 4 || nameLen <= 0 || nameLen > 1024) return { ok: false, problem: `${path} has a damaged tensor header at byte ${r.pos - 12}` };
      let elements = 1;
      for (let d = 0; d < nDims; d++) elements *= r.i32();
      const name = r.bytes(nameLen).toString('utf8');
      const size = TYPE_SIZE[type];
      // A type this table does not know: whisper.cpp decides; stop checking rather than refuse a valid file.
      if (!size) return { ok: true, info: { nVocab: h.n_vocab, nAudioLayer: h.n_audio_layer, nTextLayer: h.n_text_layer, nMels: h.n_mels, ftype: h.ftype, tensors: tensors + 1, bytes: r.size } };
      const dataBytes = Math.ceil((elements * size[0]) / size[1]);
      if (r.pos + dataBytes > r.size) {
        return { ok: false, problem: `${path} is cut short: tensor ${name} needs ${dataBytes} bytes past byte ${r.pos} but the file ends at ${r.size}. Download it again` };
      }
      r.skip(dataBytes);
      tensors++;
    }
    if (tensors === 0) return { ok: false, problem: `${path} has no weights after its vocabulary: it is cut short. Download it again` };
    return { ok: true, info: { nVocab: h.n_vocab, nAudioLayer: h.n_audio_layer, nTextLayer: h.n_text_layer, nMels: h.n_mels, ftype: h.ftype, tensors, bytes: r.size } };
  } catch (e) {
    if (e instanceof Truncated) return { ok: false, problem: `${path} is cut short inside its ${stage} (${r.size} bytes). Download it again` };
    throw e;
  }
}
