/*
 * The voice API: WebSocket /ws (the Execora reference's messages), voice sessions and recordings.
 *
 * Connect to ws://127.0.0.1:PORT/ws (optional ?counter=main). JSON text messages both ways, plus
 * binary frames from the client. Every server message is { type, data }. A paired LAN device, which
 * cannot set a header on a WebSocket, offers the subprotocols ['galla.v1', 'galla-token.<its token>'];
 * the server answers 'galla.v1' and never echoes the token (main/api/auth.ts).
 *
 * Server -> client
 *   voice:start      { sessionId, sttAvailable, ttsAvailable, sttProvider, ttsProvider, engines: EngineStatus[] }
 *                    sent once on connection; engines say what is missing and what it would add
 *   voice:transcript { text, isFinal, confidence?, engine?, rejected? }   partial (isFinal false) and final;
 *                    a final with text '' and rejected true: the grammar engine did not trust what it heard
 *   voice:intent     { intent, entities, confidence }                    one per command understood
 *   task:queued | task:started | task:completed | task:failed
 *                    { taskId, intent, result | error }                  one set per command run (two commands in
 *                                                                         one sentence run both)
 *   voice:response   { text, result }   the reply (Hinglish) and the agent's turn (frames, tasks, awaiting)
 *   voice:tts-stream { audio: base64, format: 'wav' }   the reply spoken; a long reply comes in two parts
 *   recording:started { startedAt } / recording:stopped { recordingId, durationMs }
 *   error            { message }       bad frames, unknown messages, engine failures; the socket stays open
 *
 * Client -> server
 *   { type: 'voice:start' }             start an utterance (resets the VAD); audio may follow at once
 *   binary frames                       16 kHz mono 16-bit little-endian PCM, 20-1000 ms each (even length,
 *                                       at most 32000 bytes); a pause of about half a second ends the
 *                                       utterance on its own (voice activity detection)
 *   { type: 'voice:stop' }              end the utterance now (push-to-talk release)
 *   { type: 'voice:final', data: { text } }   typed text: skips speech to text, same reply path
 *   { type: 'recording:start' } / { type: 'recording:stop' }   keep this session's audio as a WAV
 *                                       (only when the owner turned settings.recordVoice on)
 *
 * HTTP
 *   GET /api/v1/sessions?limit=20            { sessions: [{ id, startedAt, endedAt, duration, recordings: [...] }] }
 *   GET /api/v1/recordings/:id/url           { url } signed for an hour (owner only)
 *   GET /api/v1/recordings/:id/audio?expires=&sig=   the WAV, when the signature and expiry hold
 *   GET /api/v1/voice/status                 { engines } without opening a socket
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Actor } from '../../../common/actor';
import { logger } from '../../log';
import type { Services } from '../../services';
import { CounterAgent } from '../../voice/agent';
import { IntentEngine } from '../../voice/intent/engine';
import { dispatcherShop } from '../../voice/intent/shop';
import type { VoiceAgent } from '../../voice/types';
import { concatPcm, decodeWav, pcmFromFrame, SAMPLE_RATE } from '../../voice/audio/wav';
import { createVoiceEngines, readGrammarCatalog, type VoiceEngineOptions, type VoiceEngines } from '../../voice/pipeline/engines';
import { adaptMissing } from '../../voice/stt/sphinx/adapt';
import { adaptationPrompts } from '../../voice/stt/sphinx/grammar';
import { loadUrlSecret, RecordingStore, signRecording, URL_TTL_MS, verifyRecordingSignature } from '../../voice/pipeline/recordings';
import { type PipelineEvent, VoicePipeline } from '../../voice/pipeline/session';
import { chooseSocketProtocol } from '../auth';
import { openApiOperations, sendError } from '../route';
import type { RouteModule } from './index';

const log = logger('api-voice');

const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('voice:start') }),
  z.object({ type: z.literal('voice:stop') }),
  z.object({ type: z.literal('voice:final'), data: z.object({ text: z.string().trim().min(1, 'data.text is empty: send the words to understand').max(500) }) }),
  z.object({ type: z.literal('recording:start') }),
  z.object({ type: z.literal('recording:stop') }),
]);
const KNOWN = ['voice:start', 'voice:stop', 'voice:final', 'recording:start', 'recording:stop'];

const SessionsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });
const RecordingParams = z.object({ id: z.string().uuid('not a recording id') });
const AudioQuery = z.object({ expires: z.coerce.number().int(), sig: z.string() });

export interface VoiceRouteOptions {
  engines?: VoiceEngineOptions;
  /** A VoiceAgent per connection; the real CounterAgent by default. */
  agentFor?: (services: Services, counter: string) => VoiceAgent;
}

export const voiceRoutesWith =
  (opts: VoiceRouteOptions = {}): RouteModule =>
  (app, deps, { metrics }) => {
    const { services } = deps;
    const store = new RecordingStore(services.db, services.dataDir, () => services.clock.now());
    const secret = loadUrlSecret(services.dataDir);
    let engines: Promise<VoiceEngines> | null = null;
    const getEngines = () => (engines ??= createVoiceEngines(services, opts.engines ?? {}));
    // One understanding engine for every counter of this shop.
    let shared: { shop: ReturnType<typeof dispatcherShop>; engine: IntentEngine } | null = null;
    const agentFor =
      opts.agentFor ??
      ((s: Services, counter: string) => {
        if (!shared) {
          const shop = dispatcherShop(s.dispatcher, { role: 'cashier', source: 'voice', who: 'voice-agent' });
          shared = { shop, engine: new IntentEngine(shop) };
        }
        return new CounterAgent({ dispatcher: s.dispatcher, clock: s.clock, counter, shop: shared.shop, engine: shared.engine, dataDir: s.dataDir });
      });

    // Engines start on first use (the POS screen connects at start), so API-only callers, benches
    // and tests of other areas never pay for loading speech models.
    app.addHook('onClose', async () => {
      shared?.shop.dispose();
      if (engines) await (await engines).close();
    });

    app.register(websocket, { options: { maxPayload: 4 << 20, handleProtocols: chooseSocketProtocol } });
    app.register(async (scope: FastifyInstance) => {
      scope.get('/ws', { websocket: true }, (socket: WebSocket, req) => {
        const q = req.query as { counter?: unknown };
        const counter = typeof q.counter === 'string' && /^[\w-]{1,32}$/.test(q.counter) ? q.counter : 'main';
        const actor: Actor = { ...deps.actorOf(req), source: 'voice' };
        handleSocket(socket, { services, actor, counter, metrics, store, getEngines, agentFor });
      });
    });

    openApiOperations.push({ method: 'GET', url: '/api/v1/sessions', summary: 'Voice sessions, newest first, with their recordings.', query: SessionsQuery, responseKey: 'sessions' });
    app.get('/api/v1/sessions', async (req, reply) => {
      const qr = SessionsQuery.safeParse(req.query ?? {});
      if (!qr.success) return sendError(reply, { code: 'VALIDATION', message: 'limit must be a whole number from 1 to 200', field: 'limit' });
      return { sessions: store.listSessions(qr.data.limit) };
    });

    openApiOperations.push({ method: 'GET', url: '/api/v1/recordings/{id}/url', summary: 'A signed local URL for a recording, valid an hour (owner only).', params: RecordingParams, responseKey: 'url' });
    app.get('/api/v1/recordings/:id/url', async (req, reply) => {
      const p = RecordingParams.safeParse(req.params);
      if (!p.success || !store.hasRecording(p.data.id)) return sendError(reply, { code: 'NOT_FOUND', message: 'No such recording (it may have been deleted after the retention period)' });
      if (deps.actorOf(req).role !== 'owner') return sendError(reply, { code: 'FORBIDDEN', message: 'Only the owner can play recordings. Ask the owner to enter the PIN.' });
      const expires = services.clock.now().getTime() + URL_TTL_MS;
      const sig = signRecording(secret, p.data.id, expires);
      return { url: `/api/v1/recordings/${p.data.id}/audio?expires=${expires}&sig=${sig}` };
    });

    app.get('/api/v1/recordings/:id/audio', async (req, reply) => {
      const p = RecordingParams.safeParse(req.params);
      const qr = AudioQuery.safeParse(req.query ?? {});
      if (!p.success || !qr.success) return sendError(reply, { code: 'FORBIDDEN', message: 'This link is not signed: ask for one at /api/v1/recordings/:id/url' });
      const v = verifyRecordingSignature(secret, p.data.id, qr.data.expires, qr.data.sig, services.clock.now().getTime());
      if (v === 'bad') return sendError(reply, { code: 'FORBIDDEN', message: 'This link’s signature is wrong: ask for a new one at /api/v1/recordings/:id/url' });
      if (v === 'expired') return sendError(reply, { code: 'FORBIDDEN', message: 'This link has expired (links last an hour): ask for a new one' });
      const file = store.recordingFile(p.data.id);
      if (!file) return sendError(reply, { code: 'NOT_FOUND', message: 'No such recording (it may have been deleted after the retention period)' });
      return reply.type('audio/wav').header('cache-control', 'private, max-age=3600').send(createReadStream(file));
    });

    app.get('/api/v1/voice/status', async () => ({ engines: await (await getEngines()).statuses() }));

    // Adapting the grammar engine to the shop's voice: the prompts to read, the recordings of them
    // read aloud (16 kHz mono 16-bit WAV, base64), and forgetting it. Owner only.
    const AdaptBody = z.object({
      samples: z
        .array(z.object({ text: z.string().min(1).max(200), wav: z.string().min(1).max(2_000_000) }))
        .min(5, 'samples needs at least 5 sentences read aloud')
        .max(60),
    });
    const grammarOf = async (reply: Parameters<typeof sendError>[0]) => {
      const g = (await getEngines()).grammar;
      if (!g) sendError(reply, { code: 'UNAVAILABLE', message: 'The grammar speech engine is not available here (see /api/v1/voice/status)' });
      return g;
    };
    const ownerOnly = (req: Parameters<typeof deps.actorOf>[0], reply: Parameters<typeof sendError>[0]) =>
      deps.actorOf(req).role === 'owner' ? true : (sendError(reply, { code: 'FORBIDDEN', message: 'Only the owner can adapt the voice engine. Ask the owner to enter the PIN.' }), false);
    openApiOperations.push({ method: 'GET', url: '/api/v1/voice/adapt', summary: 'Whether the grammar engine is adapted to a voice, and sentences from the shop catalog to read for it (owner only).', responseKey: 'adaptation' });
    app.get('/api/v1/voice/adapt', async (req, reply) => {
      if (!ownerOnly(req, reply)) return reply;
      const g = await grammarOf(reply);
      if (!g) return reply;
      return { adaptation: { adapted: g.adaptation !== null, missing: adaptMissing(), prompts: adaptationPrompts(readGrammarCatalog(services)) } };
    });
    openApiOperations.push({ method: 'POST', url: '/api/v1/voice/adapt', summary: 'Adapt the grammar engine to the voice that read these sentences (owner only).', body: AdaptBody, responseKey: 'adaptation' });
    // Two dozen sentences of 16 kHz audio are a few MB: this route takes up to 48 MB.
    app.post('/api/v1/voice/adapt', { bodyLimit: 48 << 20 }, async (req, reply) => {
      if (!ownerOnly(req, reply)) return reply;
      const body = AdaptBody.safeParse(req.body);
      if (!body.success) {
        const issue = body.error.issues[0]!;
        return sendError(reply, { code: 'VALIDATION', message: `${issue.path.join('.') || 'body'}: ${issue.message}`, field: String(issue.path[0] ?? 'samples') });
      }
      const samples = [];
      for (const [i, s] of body.data.samples.entries()) {
        let wav;
        try {
          wav = decodeWav(Buffer.from(s.wav, 'base64'));
        } catch (e) {
          return sendError(reply, { code: 'VALIDATION', message: `samples.${i}.wav is not a WAV file (${(e as Error).message}): send 16 kHz mono 16-bit WAV, base64`, field: 'samples' });
        }
        if (wav.sampleRate !== SAMPLE_RATE) return sendError(reply, { code: 'VALIDATION', message: `samples.${i}.wav is ${wav.sampleRate} Hz: send 16 kHz mono 16-bit WAV`, field: 'samples' });
        samples.push({ pcm: wav.samples, text: s.text.toLowerCase().trim() });
      }
      const g = await grammarOf(reply);
      if (!g) return reply;
      try {
        const r = await g.adapt(samples);
        return { adaptation: { adapted: true, used: r.used, skipped: r.skipped } };
      } catch (e) {
        return sendError(reply, { code: 'VALIDATION', message: (e as Error).message, field: 'samples' });
      }
    });
    openApiOperations.push({ method: 'DELETE', url: '/api/v1/voice/adapt', summary: 'Forget the voice adaptation (owner only).', responseKey: 'adaptation' });
    app.delete('/api/v1/voice/adapt', async (req, reply) => {
      if (!ownerOnly(req, reply)) return reply;
      const g = await grammarOf(reply);
      if (!g) return reply;
      await g.useAdaptation(null, { forget: true });
      return { adaptation: { adapted: false } };
    });
  };

export const voiceRoutes: RouteModule = voiceRoutesWith();

interface SocketContext {
  services: Services;
  actor: Actor;
  counter: string;
  metrics: { voiceSessions: { inc(): void } };
  store: RecordingStore;
  getEngines(): Promise<VoiceEngines>;
  agentFor(services: Services, counter: string): VoiceAgent;
}

function handleSocket(socket: WebSocket, ctx: SocketContext): void {
  const sessionId = randomUUID();
  ctx.metrics.voiceSessions.inc();
  const send = (type: string, data: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type, data }));
  };
  const error = (message: string) => send('error', { message });
  let pipeline: VoicePipeline | null = null;
  let recording: { chunks: Int16Array[]; startedAt: Date } | null = null;
  let closed = false;
  // Messages that arrive while the engines start are handled in order once they are up.
  const early: { data: Buffer; isBinary: boolean }[] = [];

  const onEvent = (e: PipelineEvent) => {
    switch (e.type) {
      case 'transcript':
        return send('voice:transcript', { text: e.text, isFinal: e.isFinal, ...(e.confidence !== undefined ? { confidence: e.confidence } : {}), ...(e.engine ? { engine: e.engine } : {}), ...(e.rejected ? { rejected: true } : {}) });
      case 'intent':
        return send('voice:intent', { intent: e.intent, entities: e.entities, confidence: e.confidence });
      case 'task':
        return send(`task:${e.status}`, { taskId: e.taskId, intent: e.intent, ...(e.status === 'completed' ? { result: e.result } : {}), ...(e.status === 'failed' ? { error: e.error } : {}) });
      case 'response':
        return send('voice:response', { text: e.text, result: e.result });
      case 'tts':
        return send('voice:tts-stream', { audio: Buffer.from(e.audio).toString('base64'), format: e.format });
      case 'error':
        return error(e.message);
      case 'utterance':
        try {
          ctx.store.countUtterance(sessionId);
        } catch (err) {
          log.warn('could not count an utterance', err);
        }
        return;
      case 'timing':
        log.debug(`turn timing ${JSON.stringify(e.timing)}`);
        return;
      default: {
        const never: never = e;
        return never;
      }
    }
  };

  const saveRecording = () => {
    if (!recording) return null;
    const r = recording;
    recording = null;
    try {
      return ctx.store.saveRecording(sessionId, concatPcm(r.chunks), r.startedAt);
    } catch (e) {
      log.error('could not save a recording', e);
      error('The recording could not be saved (disk full or not writable); nothing else was affected.');
      return null;
    }
  };

  const handle = (data: Buffer, isBinary: boolean) => {
    const p = pipeline!;
    if (isBinary) {
      const f = pcmFromFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (!f.ok) return error(f.message);
      recording?.chunks.push(f.pcm);
      if (!p.sttAvailable) return error('Speech to text is not available here: send typed text as { "type": "voice:final", "data": { "text": "..." } }');
      void p.audio(f.pcm);
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data.toString('utf8'));
    } catch {
      return error('That message is not valid JSON: send {"type": "voice:start"} and the like, or binary PCM frames');
    }
    const type = (json as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !KNOWN.includes(type)) {
      return error(`Unknown message type ${JSON.stringify(type ?? null)}: send one of ${KNOWN.join(', ')}`);
    }
    const m = ClientMessage.safeParse(json);
    if (!m.success) return error(m.error.issues[0]?.message ?? `Invalid ${type} message`);
    switch (m.data.type) {
      case 'voice:start':
        return p.start();
      case 'voice:stop':
        void p.stop();
        return;
      case 'voice:final':
        void p.text(m.data.data.text);
        return;
      case 'recording:start': {
        const s = ctx.services.dispatcher.dispatch('settings-get', {}, ctx.actor);
        if (!s.ok || !s.value.recordVoice) return error('Recording is off: the owner can turn on "Record voice" (settings.recordVoice) to keep recordings.');
        if (recording) return error('Already recording: send recording:stop first');
        recording = { chunks: [], startedAt: ctx.services.clock.now() };
        return send('recording:started', { startedAt: recording.startedAt.toISOString() });
      }
      case 'recording:stop': {
        if (!recording) return error('Not recording: send recording:start first');
        const row = saveRecording();
        if (row) send('recording:stopped', { recordingId: row.id, durationMs: row.durationMs });
        return;
      }
      default: {
        const never: never = m.data;
        return never;
      }
    }
  };

  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (pipeline) handle(data, isBinary);
    else early.push({ data, isBinary });
  });
  socket.on('close', () => {
    closed = true;
    saveRecording();
    pipeline?.close();
    try {
      ctx.store.endSession(sessionId);
    } catch (e) {
      log.warn('could not end a voice session', e);
    }
  });
  socket.on('error', (e) => log.warn('voice socket error', e));

  void (async () => {
    const engines = await ctx.getEngines();
    // The first connection waits for the catalog grammar (a second or two), so voice:start tells the truth.
    await Promise.race([engines.grammarReady(), new Promise((r) => setTimeout(r, 15_000).unref())]);
    const vad = engines.stt ? await engines.newVad() : null;
    const statuses = await engines.statuses();
    if (closed) return;
    ctx.store.startSession(sessionId, { counter: ctx.counter, sttProvider: engines.stt?.name ?? null, ttsProvider: engines.tts?.name ?? null });
    pipeline = new VoicePipeline({ vad, stt: engines.stt, tts: engines.tts, agent: ctx.agentFor(ctx.services, ctx.counter), actor: ctx.actor, emit: onEvent });
    send('voice:start', {
      sessionId,
      sttAvailable: engines.stt !== null && vad !== null,
      ttsAvailable: engines.tts !== null,
      sttProvider: engines.stt?.name ?? null,
      ttsProvider: engines.tts?.name ?? null,
      engines: statuses,
    });
    for (const m of early.splice(0)) handle(m.data, m.isBinary);
  })().catch((e) => {
    log.error('voice session could not start', e);
    error('Voice could not start here; typed commands still work on the billing screen.');
  });
}
