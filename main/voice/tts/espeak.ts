// espeak-ng as the reply voice when no Piper voice is installed: its Hindi voice (-v hi) reads both
// Devanagari and romanised Hinglish. A separate process per reply (STYLE note 13: a stuck
// synthesizer is killed on a timeout, the till goes on).
import { spawn, spawnSync } from 'node:child_process';
import type { EngineStatus, TtsAudio, TtsEngine } from '../types';
import { decodeWav } from '../audio/wav';

export interface EspeakOptions {
  voice?: string;
  /** Words per minute. */
  speed?: number;
  timeoutMs?: number;
  binary?: string;
}

let installed: boolean | null = null;

export function espeakInstalled(binary = 'espeak-ng'): boolean {
  if (installed === null) installed = spawnSync(binary, ['--version'], { stdio: 'ignore', timeout: 5_000 }).status === 0;
  return installed;
}

export class EspeakTts implements TtsEngine {
  readonly name = 'espeak-ng';
  private readonly voice: string;
  private readonly speed: number;
  private readonly timeoutMs: number;
  private readonly binary: string;

  constructor(opts: EspeakOptions = {}) {
    this.voice = opts.voice ?? 'hi';
    this.speed = opts.speed ?? 160;
    this.timeoutMs = opts.timeoutMs ?? 5_000;
    this.binary = opts.binary ?? 'espeak-ng';
  }

  async status(): Promise<EngineStatus> {
    return espeakInstalled(this.binary)
      ? { name: this.name, ok: true }
      : { name: this.name, ok: false, reason: 'espeak-ng is not installed (Debian package espeak-ng): replies are shown on screen only' };
  }

  synthesize(text: string): Promise<TtsAudio> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const p = spawn(this.binary, ['-v', this.voice, '-s', String(this.speed), '--stdout'], { stdio: ['pipe', 'pipe', 'ignore'] });
      const timer = setTimeout(() => {
        p.kill('SIGKILL');
        reject(new Error(`espeak-ng took longer than ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      p.stdout.on('data', (d: Buffer) => chunks.push(d));
      p.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      p.on('close', (code) => {
        clearTimeout(timer);
        if (code !== 0) return reject(new Error(`espeak-ng exited with code ${code}`));
        const bytes = new Uint8Array(Buffer.concat(chunks));
        try {
          // espeak-ng streams a WAV header with unknown lengths; decode once to learn the rate.
          const wav = decodeWav(bytes);
          resolve({ audio: fixWavLengths(bytes), format: 'wav', sampleRate: wav.sampleRate });
        } catch (e) {
          reject(e);
        }
      });
      // Text on stdin, never argv: a reply can start with "-".
      p.stdin.end(text);
    });
  }
}

/** Writes the real RIFF and data lengths into a streamed WAV (players reject 0xffffffff). */
export function fixWavLengths(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
  v.setUint32(4, out.byteLength - 8, true);
  let off = 12;
  while (off + 8 <= out.byteLength) {
    const id = String.fromCharCode(...out.subarray(off, off + 4));
    if (id === 'data') {
      v.setUint32(off + 4, out.byteLength - off - 8, true);
      break;
    }
    off += 8 + v.getUint32(off + 4, true);
  }
  return out;
}
