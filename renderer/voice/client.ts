// The voice client: the WebSocket /ws (see main/api/routes/voice.ts for the protocol), push-to-talk
// capture from the microphone as 16 kHz mono Int16 PCM frames of about 100 ms, typed commands, and
// the spoken reply. What it hears and understands goes to the store's voice corner; after a reply
// whose tasks ran, the open bill is fetched again, since the agent changed it on the server.
import { bridge } from '../bridge';
import { useApp } from '../store';
import { Downsampler, Framer, TARGET_RATE, toInt16 } from './pcm';
import { type EngineStatus, useVoiceStatus } from './state';

interface ServerMessage {
  type: string;
  data?: Record<string, unknown>;
}
interface TurnResult {
  tasks?: { ok: boolean; intent: string }[];
}

const RECONNECT_MS = 3_000;
const status = () => useVoiceStatus.getState();
/** In the counter's language at the time it is shown. */
const tr: ReturnType<typeof useApp.getState>['t'] = (key, vars) => useApp.getState().t(key, vars);
const setVoice = (p: Parameters<ReturnType<typeof useApp.getState>['setVoice']>[0]) => useApp.getState().setVoice(p);

/** ws(s)://<this host>/ws, or null where the page is not served over HTTP (Electron's preload). */
export function voiceUrl(counter: string): string | null {
  const fromBridge = (window.galla as { voiceUrl?: string } | undefined)?.voiceUrl;
  if (window.galla && !fromBridge) return null;
  const base = fromBridge ?? `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}/ws`;
  return `${base}${base.includes('?') ? '&' : '?'}counter=${encodeURIComponent(counter)}`;
}

/**
 * The subprotocols to offer: on a paired LAN device its token rides beside galla.v1, as a browser
 * cannot set a header on a WebSocket (renderer/bridge/http-bridge.ts); none elsewhere.
 */
export function voiceProtocols(): string[] {
  const b = bridge() as Partial<{ voiceProtocols(): string[] }>;
  return typeof b.voiceProtocols === 'function' ? b.voiceProtocols() : [];
}

/** "Ready: pocketsphinx-grammar, espeak-ng · Missing: whisper, piper (open for what they add)" */
export function enginesSummary(engines: EngineStatus[]): string {
  const ready = engines.filter((e) => e.ok).map((e) => e.name);
  const missing = engines.filter((e) => !e.ok).map((e) => e.name);
  return [ready.length ? tr('voice.ready', { names: ready.join(', ') }) : tr('voice.noneReady'), missing.length ? tr('voice.missing', { names: missing.join(', ') }) : ''].filter(Boolean).join(' · ');
}

/** "ADD_ITEMS: Parle-G Biscuit ×2" from an intent and its entities. */
export function describeIntent(intent: string, entities: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(entities)) {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    if (k === 'items' && Array.isArray(v)) {
      parts.push(v.map((i: { product?: unknown; quantity?: unknown }) => `${String(i.product)} ×${String(i.quantity)}`).join(', '));
    } else parts.push(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  }
  return parts.length ? `${intent}: ${parts.join(', ')}` : intent;
}

export function micProblem(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return tr('voice.micRefused');
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return tr('voice.micMissing');
  if (!navigator.mediaDevices?.getUserMedia) return tr('voice.micInsecure');
  return tr('voice.micFailed', { reason: err instanceof Error ? err.message : String(err) });
}

/** The microphone open, its 16 kHz int16 frames going to the `onFrame` given to openMicrophone. */
export interface Capture {
  stream: MediaStream;
  ctx: AudioContext;
  node: ScriptProcessorNode;
  source: MediaStreamAudioSourceNode;
  mute: GainNode;
  framer: Framer;
}

/** Opens the microphone; each frame of about 100 ms of 16 kHz mono int16 goes to `onFrame`. */
export async function openMicrophone(onFrame: (frame: ArrayBuffer) => void): Promise<Capture> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error('no getUserMedia');
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
  const ctx = new AudioContext();
  await ctx.resume().catch(() => undefined);
  const source = ctx.createMediaStreamSource(stream);
  // A ScriptProcessorNode needs no module file, so the strict CSP has nothing to refuse.
  const node = ctx.createScriptProcessor(4096, 1, 1);
  const mute = ctx.createGain();
  mute.gain.value = 0;
  const down = new Downsampler(ctx.sampleRate / TARGET_RATE);
  const framer = new Framer(onFrame);
  node.onaudioprocess = (e) => framer.push(toInt16(down.push(e.inputBuffer.getChannelData(0))));
  source.connect(node);
  // The node runs only while connected to the output; through a silent gain, nothing is heard.
  node.connect(mute);
  mute.connect(ctx.destination);
  return { stream, ctx, node, source, mute, framer };
}

/** The last frame out, then the microphone closed. */
export function closeMicrophone(cap: Capture): void {
  cap.framer.flush();
  cap.node.onaudioprocess = null;
  cap.source.disconnect();
  cap.node.disconnect();
  cap.mute.disconnect();
  for (const t of cap.stream.getTracks()) t.stop();
  void cap.ctx.close().catch(() => undefined);
}

// While another part of the screen (teaching Galla the shop's voice) holds push-to-talk, Alt+V is
// its: the agent's client ignores galla:voice, so one key press never records twice.
let pushToTalkClaims = 0;
/** Takes push-to-talk from the agent until the returned function is called. */
export function claimPushToTalk(): () => void {
  pushToTalkClaims++;
  let released = false;
  return () => {
    if (!released) pushToTalkClaims--;
    released = true;
  };
}

export class VoiceClient {
  private ws: WebSocket | null = null;
  private stopped = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private pressed = false;
  private capture: Capture | null = null;
  private understood: string[] = [];
  private playing: HTMLAudioElement | null = null;
  private queue: string[] = [];

  constructor(private readonly counter: string) {}

  private waiting: (() => void) | null = null;

  /**
   * The services load the voice engines on the first connection (the catalog grammar, the VAD), so
   * the client connects once the billing screen is up and the page is idle: loading speech never
   * delays the cashier's first bill. Push-to-talk before then connects at once.
   */
  start(): void {
    this.stopped = false;
    this.waiting = whenScreenIdle(() => {
      this.waiting = null;
      if (!this.stopped && !this.ws) this.connect();
    });
  }

  private connectNow(): void {
    if (!this.waiting) return;
    this.waiting();
    this.waiting = null;
    if (!this.stopped && !this.ws) this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.waiting?.();
    this.waiting = null;
    if (this.retry) clearTimeout(this.retry);
    this.release(false);
    this.ws?.close();
    this.ws = null;
  }

  private connect(): void {
    const url = voiceUrl(this.counter);
    if (!url) {
      status().patch({ connection: 'unsupported', problem: tr('voice.browserOnly') });
      return;
    }
    status().patch({ connection: 'connecting' });
    const ws = new WebSocket(url, voiceProtocols());
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => status().patch({ connection: 'ready', problem: '' });
    ws.onmessage = (e) => {
      if (typeof e.data !== 'string') return;
      try {
        this.onMessage(JSON.parse(e.data) as ServerMessage);
      } catch (err) {
        status().patch({ problem: tr('voice.unreadable', { reason: String(err) }) });
      }
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.release(false);
      status().patch({ connection: 'closed' });
      if (!this.stopped) this.retry = setTimeout(() => this.connect(), RECONNECT_MS);
    };
  }

  private send(msg: object | ArrayBuffer): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(msg instanceof ArrayBuffer ? msg : JSON.stringify(msg));
    return true;
  }

  private newTurn(): void {
    this.understood = [];
    setVoice({ transcript: '', understood: '', reply: '' });
    status().patch({ problem: '' });
  }

  private onMessage(m: ServerMessage): void {
    const d = m.data ?? {};
    switch (m.type) {
      case 'voice:start':
        status().patch({ engines: Array.isArray(d.engines) ? (d.engines as EngineStatus[]) : [] });
        return;
      case 'voice:transcript':
        if (d.rejected) setVoice({ transcript: tr('voice.notClear') });
        else setVoice({ transcript: String(d.text ?? '') + (d.isFinal ? '' : ' …') });
        return;
      case 'voice:intent':
        this.understood.push(describeIntent(String(d.intent), (d.entities as Record<string, unknown>) ?? {}));
        setVoice({ understood: this.understood.join(' · ') });
        return;
      case 'voice:response': {
        setVoice({ reply: String(d.text ?? '') });
        const tasks = (d.result as TurnResult | undefined)?.tasks ?? [];
        if (tasks.some((t) => t.ok)) void useApp.getState().loadBill();
        return;
      }
      case 'voice:tts-stream':
        if (typeof d.audio === 'string') this.play(d.audio);
        return;
      case 'error':
        status().patch({ problem: String(d.message ?? tr('voice.error')) });
        return;
      default:
        return; // task:*, recording:*: the reply says what happened.
    }
  }

  /** Typed words: the same reply path as speech. */
  say(text: string): boolean {
    const t = text.trim();
    if (!t) return false;
    this.newTurn();
    setVoice({ transcript: t });
    if (!this.send({ type: 'voice:final', data: { text: t } })) {
      status().patch({ problem: tr('voice.notConnected') });
      return false;
    }
    return true;
  }

  /** Push-to-talk pressed: start an utterance and the microphone. */
  async press(): Promise<void> {
    if (this.pressed) return;
    this.connectNow();
    if (this.ws?.readyState !== WebSocket.OPEN) {
      status().patch({ problem: status().connection === 'unsupported' ? status().problem : tr('voice.notConnected') });
      return;
    }
    this.pressed = true;
    this.newTurn();
    setVoice({ listening: true });
    this.send({ type: 'voice:start' });
    try {
      const cap = await this.openMic();
      if (!this.pressed) {
        // Let go before the microphone was up.
        this.capture = cap;
        this.release(true);
        return;
      }
      this.capture = cap;
    } catch (err) {
      this.pressed = false;
      setVoice({ listening: false });
      this.send({ type: 'voice:stop' });
      status().patch({ problem: micProblem(err) });
    }
  }

  /** Push-to-talk let go: the last frame, then voice:stop. */
  release(sendStop = true): void {
    const was = this.pressed;
    this.pressed = false;
    const cap = this.capture;
    this.capture = null;
    if (cap) closeMicrophone(cap);
    if (was) {
      setVoice({ listening: false });
      if (sendStop) this.send({ type: 'voice:stop' });
    }
  }

  private openMic(): Promise<Capture> {
    return openMicrophone((frame) => this.send(frame));
  }

  /** The reply spoken: a WAV in base64, played from a Blob URL (the CSP allows media-src blob:). */
  private play(base64: string): void {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    this.queue.push(URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' })));
    if (!this.playing) this.next();
  }

  private next(): void {
    const url = this.queue.shift();
    if (!url) {
      this.playing = null;
      status().patch({ speaking: false });
      return;
    }
    const audio = new Audio(url);
    this.playing = audio;
    status().patch({ speaking: true });
    const done = () => {
      URL.revokeObjectURL(url);
      this.next();
    };
    audio.onended = done;
    audio.onerror = done;
    audio.play().catch(done);
  }
}

/**
 * Calls `fn` once the screen has loaded (body[data-ready]) and the page is idle, at most 3 s after it
 * loaded. Returns a function that cancels the wait.
 */
export function whenScreenIdle(fn: () => void): () => void {
  let done = false;
  let observer: MutationObserver | null = null;
  let idle: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    done = true;
    observer?.disconnect();
    if (idle !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    if (timer) clearTimeout(timer);
  };
  const fire = () => {
    if (done) return;
    cancel();
    fn();
  };
  const afterReady = () => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fire, { timeout: 3000 });
    else timer = setTimeout(fire, 1000);
  };
  if (document.body.getAttribute('data-ready') === '1') afterReady();
  else {
    observer = new MutationObserver(() => {
      if (document.body.getAttribute('data-ready') === '1') {
        observer?.disconnect();
        observer = null;
        afterReady();
      }
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ['data-ready'] });
  }
  return cancel;
}

let client: VoiceClient | null = null;
let users = 0;

/** One client for the page, shared by every voice panel mounted; the last to go closes it. */
export function acquireVoiceClient(): { client: VoiceClient; done(): void } {
  if (!client) {
    client = new VoiceClient(useApp.getState().counter);
    client.start();
  }
  users++;
  const c = client;
  const onPtt = (e: Event) => {
    if (pushToTalkClaims > 0) return;
    const pressed = (e as CustomEvent<{ pressed?: boolean }>).detail?.pressed;
    if (pressed) void c.press();
    else c.release();
  };
  window.addEventListener('galla:voice', onPtt);
  return {
    client: c,
    done: () => {
      window.removeEventListener('galla:voice', onPtt);
      if (--users === 0 && client === c) {
        c.stop();
        client = null;
      }
    },
  };
}
