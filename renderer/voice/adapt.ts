// Teaching the grammar engine the shop's voice over the services' HTTP API (main/api/routes/voice.ts:
// GET, POST and DELETE /api/v1/voice/adapt, owner only), and a recorder for one sentence read aloud.
// These routes are not commands, so they go through the HTTP bridge's own request (the owner's token,
// a 401 back to cashier); in Electron's window there is none.
import { httpApi } from '../bridge';
import { closeMicrophone, openMicrophone, type Capture } from './client';
import { joinFrames, encodeWav, toBase64 } from './wav';
import { TARGET_RATE } from './pcm';

const URL_ADAPT = '/api/v1/voice/adapt';

export interface AdaptState {
  adapted: boolean;
  /** Why adapting cannot run here (tools not installed), else null. */
  missing: string | null;
  prompts: string[];
}
export interface AdaptDone {
  used: number;
  skipped: number;
}
export type AdaptResult<T> = { ok: true; value: T } | { ok: false; message: string };

async function call<T>(method: 'GET' | 'POST' | 'DELETE', pick: (adaptation: Record<string, unknown>) => T, body?: unknown): Promise<AdaptResult<T>> {
  const http = httpApi();
  if (!http) return { ok: false, message: 'Voice adaptation needs the browser screen (npm run serve): this window has no HTTP.' };
  const res = await http(method, URL_ADAPT, body);
  if (!res) return { ok: false, message: 'Galla’s services are not answering.' };
  const json = res.json as { adaptation?: Record<string, unknown>; error?: unknown } | null;
  if (res.status >= 200 && res.status < 300 && json?.adaptation) return { ok: true, value: pick(json.adaptation) };
  return { ok: false, message: typeof json?.error === 'string' ? json.error : `HTTP ${res.status}` };
}

export const adaptApi = {
  state: () =>
    call('GET', (a): AdaptState => ({ adapted: a.adapted === true, missing: typeof a.missing === 'string' ? a.missing : null, prompts: Array.isArray(a.prompts) ? a.prompts.map(String) : [] })),
  send: (samples: { text: string; pcm: Int16Array }[]) =>
    call('POST', (a): AdaptDone => ({ used: Number(a.used ?? 0), skipped: Number(a.skipped ?? 0) }), { samples: samples.map((s) => ({ text: s.text, wav: toBase64(encodeWav(s.pcm)) })) }),
  forget: () => call('DELETE', () => null),
};

/** Shorter than this (0.3 s) is a slip of the key, not a sentence read. */
export const MIN_RECORDING_SAMPLES = Math.round(TARGET_RATE * 0.3);

/** One sentence read aloud: the microphone from start() to stop(), as 16 kHz int16. */
export class SentenceRecorder {
  private frames: ArrayBuffer[] = [];
  private capture: Capture | null = null;
  private opening: Promise<void> | null = null;
  private wanted = false;

  get recording(): boolean {
    return this.wanted;
  }

  /** Rejects with the microphone's error (see micProblem in ./client for the words). */
  async start(): Promise<void> {
    if (this.wanted) return;
    this.wanted = true;
    this.frames = [];
    this.opening = openMicrophone((f) => this.frames.push(f)).then((cap) => {
      this.capture = cap;
      // Let go before the microphone was up: close it at once.
      if (!this.wanted) this.close();
    });
    try {
      await this.opening;
    } catch (err) {
      this.wanted = false;
      throw err;
    } finally {
      this.opening = null;
    }
  }

  /** The recording so far, the microphone closed; null when nothing usable was heard. */
  async stop(): Promise<Int16Array | null> {
    if (!this.wanted) return null;
    this.wanted = false;
    await this.opening?.catch(() => undefined);
    this.close();
    const pcm = joinFrames(this.frames);
    this.frames = [];
    return pcm.length >= MIN_RECORDING_SAMPLES ? pcm : null;
  }

  private close(): void {
    const cap = this.capture;
    this.capture = null;
    if (cap) closeMicrophone(cap);
  }
}
