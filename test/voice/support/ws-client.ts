// A voice client over the real WebSocket protocol (the ws package), for the end-to-end tests and the
// bench: collects server messages and waits for the ones a test expects.
import WebSocket from 'ws';

export interface ServerMessage {
  type: string;
  data: any;
  /** performance.now() when it arrived. */
  at: number;
}

export class VoiceClient {
  readonly messages: ServerMessage[] = [];
  private waiters: { pred: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = [];
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw: Buffer) => {
      const m = { ...(JSON.parse(raw.toString('utf8')) as { type: string; data: unknown }), at: performance.now() } as ServerMessage;
      this.messages.push(m);
      for (const w of [...this.waiters]) {
        if (w.pred(m)) {
          clearTimeout(w.timer);
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    });
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<VoiceClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const c = new VoiceClient(ws);
      ws.once('open', () => resolve(c));
      ws.once('error', reject);
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** The next message (after those already seen) that matches; `from` skips earlier ones. */
  next(type: string | ((m: ServerMessage) => boolean), timeoutMs = 20_000, from = 0): Promise<ServerMessage> {
    const pred = typeof type === 'string' ? (m: ServerMessage) => m.type === type : type;
    const seen = this.messages.slice(from).find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new Error(`no ${typeof type === 'string' ? type : 'matching'} message within ${timeoutMs} ms; got ${this.messages.map((m) => m.type).join(', ')}`));
      }, timeoutMs);
      this.waiters.push({ pred, resolve, reject, timer });
    });
  }

  send(msg: unknown): void {
    this.ws.send(JSON.stringify(msg));
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  sendBinary(bytes: Uint8Array): void {
    this.ws.send(bytes, { binary: true });
  }

  /** Streams PCM as little-endian frames of `frameMs`, as a microphone would (without real-time waits). */
  sendPcm(pcm: Int16Array, frameMs = 100): void {
    const n = (frameMs * 16_000) / 1000;
    for (let i = 0; i < pcm.length; i += n) {
      const chunk = pcm.subarray(i, i + n);
      const bytes = new Uint8Array(chunk.length * 2);
      const v = new DataView(bytes.buffer);
      chunk.forEach((s, j) => v.setInt16(j * 2, s, true));
      this.sendBinary(bytes);
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
