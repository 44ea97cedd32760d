// One counter's voice pipeline: audio frames -> VAD -> STT -> agent.handle(text) -> reply -> TTS,
// each stage behind its interface. Typed text (voice:final) skips the first two stages, so the
// counter works with no speech engine at all; with no voice the reply is on screen only.
// Utterances are handled one at a time, in order.
import type { Actor } from '../../../common/actor';
import { logger } from '../../log';
import type { AgentTurn, SttEngine, TtsEngine, Vad, VoiceAgent } from '../types';
import { concatPcm, rms, SAMPLE_RATE } from '../audio/wav';
import { type CheckedTranscript, isPauseAware, isStreaming, type SttStream } from './stages';

const log = logger('voice');

export type TaskStatus = 'queued' | 'started' | 'completed' | 'failed';

export type PipelineEvent =
  | { type: 'transcript'; text: string; isFinal: boolean; confidence?: number | null; engine?: string; rejected?: boolean }
  | { type: 'intent'; intent: string; entities: Record<string, unknown>; confidence: number }
  | { type: 'task'; status: TaskStatus; taskId: string; intent: string; result?: unknown; error?: string }
  | { type: 'response'; text: string; result: AgentTurn | null }
  | { type: 'tts'; audio: Uint8Array; format: 'wav' }
  | { type: 'error'; message: string }
  /** Speech the VAD or voice:stop ended, for recordings and the bench. */
  | { type: 'utterance'; pcm: Int16Array; source: 'vad' | 'stop' }
  | { type: 'timing'; timing: TurnTiming };

export interface TurnTiming {
  /** When the utterance ended (VAD pause or voice:stop), or the typed text arrived. */
  endOfSpeech: number;
  sttDone: number | null;
  replyText: number | null;
  firstAudio: number | null;
  audioMs: number;
  sttDecodeMs: number | null;
}

export interface PipelineOptions {
  vad: Vad | null;
  stt: SttEngine | null;
  tts: TtsEngine | null;
  agent: VoiceAgent;
  actor: Actor;
  emit(e: PipelineEvent): void;
  /** Audio kept from before the VAD heard speech start (the first syllable starts earlier). */
  prerollMs?: number;
  /** An utterance longer than this is ended by force. */
  maxUtteranceMs?: number;
  /** How often a streaming engine is asked for a partial transcript. */
  partialEveryMs?: number;
  /** A pause this long inside speech starts the final transcript early (the VAD ends the utterance later). */
  prepareAfterPauseMs?: number;
  now?: () => number;
}

/** Splits a reply so the first sentence can be spoken while the rest is synthesized. */
export function replyChunks(text: string): string[] {
  const parts = text.match(/[^.!?।]+[.!?।]*/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
  if (parts.length <= 1) return text.trim() ? [text.trim()] : [];
  return [parts[0]!, parts.slice(1).join(' ')];
}

export class VoicePipeline {
  private readonly o: Required<Omit<PipelineOptions, 'vad' | 'stt' | 'tts'>> & Pick<PipelineOptions, 'vad' | 'stt' | 'tts'>;
  private preroll: Int16Array[] = [];
  private prerollSamples = 0;
  private utterance: Int16Array[] = [];
  private utteranceSamples = 0;
  private stream: SttStream | null = null;
  private speaking = false;
  private sincePartial = 0;
  /** The STT stream was told speech may have ended, and nothing but pause came since. */
  private preparedInPause = false;
  private queue: Promise<void> = Promise.resolve();
  private vadChain: Promise<void> = Promise.resolve();
  private closed = false;
  /** Audio heard since voice:start while the VAD never heard speech (push-to-talk in a quiet voice). */
  private unheard: Int16Array[] = [];
  private unheardSamples = 0;

  constructor(opts: PipelineOptions) {
    this.o = {
      prerollMs: 300,
      maxUtteranceMs: 15_000,
      partialEveryMs: 400,
      prepareAfterPauseMs: 150,
      now: () => performance.now(),
      ...opts,
    };
  }

  get sttAvailable(): boolean {
    return this.o.stt !== null && this.o.vad !== null;
  }

  /** voice:start: a fresh utterance from here. */
  start(): void {
    this.o.vad?.reset();
    this.stream?.cancel();
    this.stream = null;
    this.speaking = false;
    this.resetBuffers();
  }

  private resetBuffers() {
    this.preroll = [];
    this.prerollSamples = 0;
    this.utterance = [];
    this.utteranceSamples = 0;
    this.unheard = [];
    this.unheardSamples = 0;
    this.sincePartial = 0;
    this.preparedInPause = false;
  }

  /** A binary frame of 16 kHz mono int16. Frames are processed in arrival order. */
  audio(pcm: Int16Array): Promise<void> {
    if (!this.o.vad || !this.o.stt) return Promise.resolve();
    this.vadChain = this.vadChain.then(() => this.onAudio(pcm)).catch((e) => this.fail('audio', e));
    return this.vadChain;
  }

  private async onAudio(pcm: Int16Array): Promise<void> {
    if (this.closed) return;
    const state = await this.o.vad!.push(pcm);
    if (!this.speaking) {
      if (state === 'speech' || state === 'speech-end') {
        this.speaking = true;
        this.utterance = [...this.preroll, pcm];
        this.utteranceSamples = this.prerollSamples + pcm.length;
        this.preroll = [];
        this.prerollSamples = 0;
        this.unheard = [];
        this.unheardSamples = 0;
        this.stream = isStreaming(this.o.stt!) ? this.o.stt.stream() : null;
        if (this.stream) for (const c of this.utterance) void this.stream.feed(c, false).catch(() => undefined);
        if (state === 'speech-end') this.endUtterance('vad');
        return;
      }
      this.keepPreroll(pcm);
      return;
    }
    this.utterance.push(pcm);
    this.utteranceSamples += pcm.length;
    this.sincePartial += pcm.length;
    const wantPartial = this.sincePartial >= (this.o.partialEveryMs * SAMPLE_RATE) / 1000;
    if (wantPartial) this.sincePartial = 0;
    if (this.stream) {
      const p = this.stream.feed(pcm, wantPartial);
      if (wantPartial) {
        void p.then((text) => {
          if (text) this.o.emit({ type: 'transcript', text, isFinal: false });
        }, () => undefined);
      }
    }
    // Speculation: after a short pause, start the final transcript; if the pause becomes the end of
    // the utterance (about half a second later), the transcript is ready or nearly so.
    const vad = this.o.vad!;
    if (state === 'speech' && isPauseAware(vad)) {
      if (vad.pauseMs === 0) this.preparedInPause = false;
      else if (!this.preparedInPause && vad.pauseMs >= this.o.prepareAfterPauseMs && this.stream?.prepare) {
        this.preparedInPause = true;
        this.stream.prepare();
      }
    }
    if (state === 'speech-end' || this.utteranceSamples >= (this.o.maxUtteranceMs * SAMPLE_RATE) / 1000) this.endUtterance('vad');
  }

  private keepPreroll(pcm: Int16Array) {
    this.preroll.push(pcm);
    this.prerollSamples += pcm.length;
    const max = (this.o.prerollMs * SAMPLE_RATE) / 1000;
    while (this.prerollSamples - (this.preroll[0]?.length ?? 0) >= max) this.prerollSamples -= this.preroll.shift()!.length;
    // Also kept, bounded, for a voice:stop after speech too quiet for the VAD.
    this.unheard.push(pcm);
    this.unheardSamples += pcm.length;
    const maxUnheard = (this.o.maxUtteranceMs * SAMPLE_RATE) / 1000;
    while (this.unheardSamples > maxUnheard) this.unheardSamples -= this.unheard.shift()!.length;
  }

  /** voice:stop: ends the utterance now (push-to-talk), whether or not the VAD heard its end. */
  stop(): Promise<void> {
    this.vadChain = this.vadChain.then(() => {
      if (this.speaking) return this.endUtterance('stop');
      // Nothing the VAD called speech: decode what was heard if it is louder than a quiet room.
      const heard = concatPcm(this.unheard);
      this.resetBuffers();
      if (heard.length > SAMPLE_RATE / 4 && rms(heard) > 120 && this.o.stt) {
        this.speaking = true;
        this.utterance = [heard];
        this.utteranceSamples = heard.length;
        this.stream = null;
        this.endUtterance('stop');
      }
    });
    return this.vadChain;
  }

  private endUtterance(source: 'vad' | 'stop'): void {
    const endOfSpeech = this.o.now();
    const pcm = concatPcm(this.utterance);
    const stream = this.stream;
    const reusePrepared = this.preparedInPause;
    this.preparedInPause = false;
    this.stream = null;
    this.speaking = false;
    this.utterance = [];
    this.utteranceSamples = 0;
    this.sincePartial = 0;
    this.o.vad?.reset();
    this.o.emit({ type: 'utterance', pcm, source });
    this.enqueue(async () => {
      let t: CheckedTranscript;
      try {
        t = stream ? await stream.finish({ reusePrepared }) : await this.o.stt!.transcribe(pcm);
      } catch (e) {
        log.warn('speech to text failed', e);
        this.o.emit({ type: 'error', message: `Speech was not understood: the ${this.o.stt!.name} engine failed (${e instanceof Error ? e.message : String(e)}). Type the command instead.` });
        return;
      }
      const sttDone = this.o.now();
      this.o.emit({ type: 'transcript', text: t.text, isFinal: true, confidence: t.confidence, engine: t.engine, ...(t.rejected ? { rejected: true } : {}) });
      const timing: TurnTiming = { endOfSpeech, sttDone, replyText: null, firstAudio: null, audioMs: (pcm.length / SAMPLE_RATE) * 1000, sttDecodeMs: t.decodeMs ?? null };
      if (!t.text) {
        await this.respond(t.rejected ? 'Samajh nahi aaya, phir se boliye.' : 'Kuch sunai nahi diya.', null, timing);
        return;
      }
      await this.runTurn(t.text, timing);
    });
  }

  /** voice:final: typed (or client-recognised) text, straight to the agent. */
  text(text: string): Promise<void> {
    const endOfSpeech = this.o.now();
    return this.enqueue(async () => {
      this.o.emit({ type: 'transcript', text, isFinal: true, confidence: 1, engine: 'typed' });
      await this.runTurn(text, { endOfSpeech, sttDone: null, replyText: null, firstAudio: null, audioMs: 0, sttDecodeMs: null });
    });
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(job).catch((e) => this.fail('turn', e));
    return this.queue;
  }

  private fail(where: string, e: unknown) {
    log.error(`voice ${where} failed`, e);
    this.o.emit({ type: 'error', message: 'Something went wrong in the voice pipeline; nothing was saved from that utterance. Try again or type it.' });
  }

  private async runTurn(text: string, timing: TurnTiming): Promise<void> {
    const turn = await this.o.agent.handle(text, this.o.actor);
    for (const f of turn.frames) this.o.emit({ type: 'intent', intent: f.intent, entities: f.entities, confidence: f.confidence });
    // The agent ran the tasks in order before answering; the events tell the screen each one's fate.
    for (const task of turn.tasks) this.o.emit({ type: 'task', status: 'queued', taskId: task.taskId, intent: task.intent });
    for (const task of turn.tasks) {
      this.o.emit({ type: 'task', status: 'started', taskId: task.taskId, intent: task.intent });
      this.o.emit(
        task.ok
          ? { type: 'task', status: 'completed', taskId: task.taskId, intent: task.intent, result: task.result }
          : { type: 'task', status: 'failed', taskId: task.taskId, intent: task.intent, error: task.error ?? 'failed' },
      );
    }
    await this.respond(turn.reply, turn, timing);
  }

  private async respond(reply: string, turn: AgentTurn | null, timing: TurnTiming): Promise<void> {
    timing.replyText = this.o.now();
    this.o.emit({ type: 'response', text: reply, result: turn });
    const tts = this.o.tts;
    if (tts && reply) {
      for (const chunk of replyChunks(reply)) {
        try {
          const a = await tts.synthesize(chunk);
          if (this.closed) return;
          timing.firstAudio ??= this.o.now();
          this.o.emit({ type: 'tts', audio: a.audio, format: 'wav' });
        } catch (e) {
          log.warn(`${tts.name} failed`, e);
          this.o.emit({ type: 'error', message: `The reply could not be spoken (${tts.name}: ${e instanceof Error ? e.message : String(e)}); it is on screen.` });
          break;
        }
      }
    }
    this.o.emit({ type: 'timing', timing });
  }

  /** Waits for the utterances in progress (tests, a closing socket). */
  async idle(): Promise<void> {
    await this.vadChain;
    await this.queue;
  }

  close(): void {
    this.closed = true;
    this.stream?.cancel();
    this.stream = null;
  }
}
