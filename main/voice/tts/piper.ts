// Piper voices (VITS ONNX) through sherpa-onnx-node when one is installed in the models folder
// (`npm run models -- download piper-hi-pratham`): <models dir>/piper-*/<voice>.onnx with its
// .onnx.json. sherpa-onnx wants a tokens.txt (written here from the JSON's phoneme_id_map) and
// espeak-ng's data folder (the voice's own, else the system's).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelsDir } from '../models/paths';
import type { EngineStatus, TtsAudio, TtsEngine } from '../types';
import { encodeWav } from '../audio/wav';
import { WorkerRpc } from '../pipeline/worker-rpc';
import type { PiperAudio, PiperRequest } from './piper-protocol';

const SYSTEM_ESPEAK_DATA = ['/usr/lib/x86_64-linux-gnu/espeak-ng-data', '/usr/lib/aarch64-linux-gnu/espeak-ng-data', '/usr/share/espeak-ng-data'];

export interface PiperVoice {
  dir: string;
  model: string;
  config: string | null;
  tokens: string | null;
  dataDir: string | null;
}

/** The first installed Piper voice, or null. */
export function findPiperVoice(modelsDir = defaultModelsDir()): PiperVoice | null {
  if (!existsSync(modelsDir)) return null;
  for (const d of readdirSync(modelsDir).filter((n) => n.startsWith('piper')).sort()) {
    const dir = join(modelsDir, d);
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    const model = files.find((f) => f.endsWith('.onnx'));
    if (!model) continue;
    const config = files.includes(`${model}.json`) ? join(dir, `${model}.json`) : null;
    const dataDir = files.includes('espeak-ng-data') ? join(dir, 'espeak-ng-data') : (SYSTEM_ESPEAK_DATA.find((p) => existsSync(p)) ?? null);
    return { dir, model: join(dir, model), config, tokens: files.includes('tokens.txt') ? join(dir, 'tokens.txt') : null, dataDir };
  }
  return null;
}

/** tokens.txt ("<symbol> <id>" a line) from a Piper voice's JSON config. */
export function tokensFromPiperConfig(json: string): string {
  const cfg = JSON.parse(json) as { phoneme_id_map?: Record<string, number[]> };
  if (!cfg.phoneme_id_map) throw new Error('The voice config has no phoneme_id_map');
  return Object.entries(cfg.phoneme_id_map).map(([sym, ids]) => `${sym} ${ids[0]}`).join('\n') + '\n';
}

export class PiperTts implements TtsEngine {
  readonly name = 'piper';
  private readonly voice: PiperVoice | null;
  private rpc: WorkerRpc<PiperRequest> | null = null;
  private failure: string | null = null;

  constructor(private readonly opts: { modelsDir?: string; speed?: number; timeoutMs?: number } = {}) {
    this.voice = findPiperVoice(opts.modelsDir);
  }

  get installed(): boolean {
    return this.voice !== null;
  }

  private missing(): string | null {
    if (!this.voice) {
      return `No Piper voice in ${this.opts.modelsDir ?? defaultModelsDir()}: npm run models -- download piper-hi-pratham would add a natural Hindi voice for replies`;
    }
    if (!this.voice.tokens && !this.voice.config) return `The Piper voice in ${this.voice.dir} has neither tokens.txt nor its .onnx.json`;
    if (!this.voice.dataDir) return 'espeak-ng-data not found: the Piper voice needs it for phonemes (install espeak-ng)';
    return this.failure;
  }

  async status(): Promise<EngineStatus> {
    const why = this.missing();
    return why ? { name: this.name, ok: false, reason: why } : { name: this.name, ok: true };
  }

  private client(): WorkerRpc<PiperRequest> {
    if (this.rpc) return this.rpc;
    const v = this.voice!;
    let tokens = v.tokens;
    if (!tokens) {
      tokens = join(v.dir, 'tokens.txt');
      writeFileSync(tokens, tokensFromPiperConfig(readFileSync(v.config!, 'utf8')));
    }
    const load: PiperRequest = { type: 'load', model: v.model, tokens, dataDir: v.dataDir! };
    this.rpc = new WorkerRpc<PiperRequest>({ url: new URL('./piper-worker.ts', import.meta.url), name: 'piper', timeoutMs: this.opts.timeoutMs ?? 10_000, init: () => load });
    return this.rpc;
  }

  async synthesize(text: string): Promise<TtsAudio> {
    const why = this.missing();
    if (why) throw new Error(why);
    try {
      const a = await this.client().call<PiperAudio>({ type: 'speak', text, speed: this.opts.speed ?? 1 });
      const pcm = new Int16Array(a.samples.length);
      for (let i = 0; i < pcm.length; i++) pcm[i] = Math.max(-32768, Math.min(32767, Math.round(a.samples[i]! * 32767)));
      return { audio: encodeWav(pcm, a.sampleRate), format: 'wav', sampleRate: a.sampleRate };
    } catch (e) {
      this.failure = `Piper failed: ${e instanceof Error ? e.message : String(e)}`;
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.rpc?.close();
  }
}
