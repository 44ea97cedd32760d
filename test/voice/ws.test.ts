// End to end over the WebSocket: a real server on loopback with the demo shop, the ws client, and
// speech synthesized by espeak-ng (-w, then sox to 16 kHz) streamed as binary frames through the
// real pipeline: Silero VAD -> the PocketSphinx catalog grammar -> the agent -> a changed bill.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoShop } from '../../main/demo/seed';
import { concatPcm } from '../../main/voice/audio/wav';
import { startTestServer, type TestServer } from '../support/http';
import { noise, speak } from './support/speak';
import { VoiceClient } from './support/ws-client';

let srv: TestServer;
let wsUrl: string;

beforeAll(async () => {
  srv = await startTestServer();
  seedDemoShop(srv.services);
  wsUrl = `${srv.url.replace('http', 'ws')}/ws`;
});
afterAll(async () => {
  await srv?.close();
});

const openDraft = (counter = 'main') => {
  const r = srv.services.dispatcher.dispatch('draft-get-open', { counter }, { role: 'cashier', source: 'api', who: 'test' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('voice over WebSocket /ws', () => {
  it('greets with voice:start: the session, what is installed and what is missing', async () => {
    const c = await VoiceClient.open(wsUrl);
    const start = await c.next('voice:start', 60_000);
    expect(start.data).toMatchObject({ sttAvailable: true, ttsAvailable: true, sttProvider: 'pocketsphinx-grammar', ttsProvider: 'espeak-ng' });
    expect(start.data.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const engines = start.data.engines as { name: string; ok: boolean; reason?: string }[];
    expect(engines.find((e) => e.name === 'pocketsphinx-grammar')).toEqual({ name: 'pocketsphinx-grammar', ok: true });
    expect(engines.find((e) => e.name === 'silero')?.ok).toBe(true);
    expect(engines.find((e) => e.name === 'piper')?.reason).toMatch(/piper-hi-pratham/);
    expect(engines.find((e) => e.name === 'whisper')?.ok).toBe(false);
    await c.close();
  });

  it('spoken Hinglish, ended by the pause alone, changes the bill', async () => {
    const c = await VoiceClient.open(`${wsUrl}?counter=speech`);
    await c.next('voice:start', 60_000);
    c.send({ type: 'voice:start' });
    c.sendPcm(concatPcm([noise(300), speak('dedh kilo aloo aur dhai kilo pyaaz', 'en-us'), noise(1000)]));
    const final = await c.next((m) => m.type === 'voice:transcript' && m.data.isFinal, 30_000);
    expect(final.data).toMatchObject({ text: 'dedh kilo aloo aur dhai kilo pyaaz', engine: 'pocketsphinx-grammar' });
    const intent = await c.next('voice:intent');
    expect(intent.data).toMatchObject({ intent: 'CREATE_INVOICE', entities: { items: [{ product: 'Aloo', quantity: 1.5 }, { product: 'Pyaaz', quantity: 2.5 }] } });
    await c.next('task:completed');
    const reply = await c.next('voice:response');
    expect(reply.data.text).toMatch(/Aloo/);
    const audio = await c.next('voice:tts-stream');
    expect(audio.data.format).toBe('wav');
    expect(Buffer.from(audio.data.audio, 'base64').subarray(0, 4).toString()).toBe('RIFF');
    expect(openDraft('speech')?.data.lines.map((l) => [l.name, l.quantity])).toEqual([
      ['Aloo', 1.5],
      ['Pyaaz', 2.5],
    ]);
    await c.close();
  });

  it('typed text (voice:final) takes the same path without speech to text', async () => {
    const c = await VoiceClient.open(`${wsUrl}?counter=typed`);
    await c.next('voice:start', 60_000);
    c.send({ type: 'voice:final', data: { text: 'Rakesh Verma ko do doodh aur ek bread' } });
    const types = ['voice:transcript', 'voice:intent', 'task:queued', 'task:started', 'task:completed', 'voice:response', 'voice:tts-stream'];
    for (const t of types) await c.next(t);
    const seen = c.messages.map((m) => m.type).filter((t) => types.includes(t));
    expect(seen.slice(0, types.length)).toEqual(types);
    expect(openDraft('typed')?.data).toMatchObject({ customerName: 'Rakesh Verma' });
    await c.close();
  });

  it('bad frames, bad JSON and unknown messages get an error, never a dropped socket', async () => {
    const c = await VoiceClient.open(`${wsUrl}?counter=bad`);
    await c.next('voice:start', 60_000);
    let from = c.messages.length;
    const nextError = async () => {
      const e = await c.next('error', 10_000, from);
      from = c.messages.indexOf(e) + 1;
      return e.data.message as string;
    };
    c.sendBinary(new Uint8Array(3));
    expect(await nextError()).toMatch(/not whole 16-bit samples/);
    c.sendBinary(new Uint8Array(64_000));
    expect(await nextError()).toMatch(/too large/);
    c.sendRaw('{not json');
    expect(await nextError()).toMatch(/not valid JSON/);
    c.send({ type: 'voice:dance' });
    expect(await nextError()).toMatch(/Unknown message type "voice:dance"/);
    c.send({ type: 'voice:final', data: { text: '  ' } });
    expect(await nextError()).toMatch(/data\.text is empty/);
    expect(c.open).toBe(true);
    c.send({ type: 'voice:final', data: { text: 'aaj ka hisaab batao' } });
    expect((await c.next('voice:intent', 10_000, from)).data.intent).toBe('DAILY_SUMMARY');
    await c.close();
  });

  it('records only when the owner turned recording on; recordings play through a signed URL that expires', async () => {
    const c = await VoiceClient.open(`${wsUrl}?counter=rec`);
    const start = await c.next('voice:start', 60_000);
    c.send({ type: 'recording:start' });
    expect((await c.next('error')).data.message).toMatch(/Recording is off/);
    const on = srv.services.dispatcher.dispatch('settings-update', { recordVoice: true }, { role: 'owner', source: 'api', who: 'test' });
    expect(on.ok).toBe(true);
    c.send({ type: 'recording:start' });
    await c.next('recording:started');
    c.sendPcm(noise(500, 50));
    c.send({ type: 'recording:stop' });
    const stopped = await c.next('recording:stopped');
    expect(stopped.data.durationMs).toBe(500);
    await c.close();

    const sessions = await srv.get('/api/v1/sessions?limit=50');
    expect(sessions.status).toBe(200);
    const mine = sessions.body.sessions.find((s: { id: string }) => s.id === start.data.sessionId);
    expect(mine.recordings.map((r: { id: string }) => r.id)).toEqual([stopped.data.recordingId]);
    expect(mine).toHaveProperty('duration');

    const id = stopped.data.recordingId as string;
    expect((await srv.get(`/api/v1/recordings/${id}/url`)).status).toBe(403);
    const signed = await srv.get(`/api/v1/recordings/${id}/url`, { owner: true });
    expect(signed.body.url).toMatch(new RegExp(`^/api/v1/recordings/${id}/audio\\?expires=\\d+&sig=[0-9a-f]{64}$`));
    const wav = await fetch(srv.url + signed.body.url);
    expect(wav.status).toBe(200);
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    expect((await wav.arrayBuffer()).byteLength).toBe(44 + 500 * 32);
    const tampered = signed.body.url.replace(/sig=./, 'sig=0');
    expect((await srv.get(tampered)).status).toBe(403);
    expect((await srv.get(`/api/v1/recordings/${id}/audio`)).status).toBe(403);
    (srv.services.clock as unknown as { advance(ms: number): void }).advance(3_600_001);
    const expired = await srv.get(signed.body.url);
    expect(expired.status).toBe(403);
    expect(expired.body.error).toMatch(/expired/);
    expect((await srv.get('/api/v1/recordings/00000000-0000-4000-8000-000000000000/url', { owner: true })).status).toBe(404);
    expect((await srv.get('/api/v1/sessions?limit=0')).status).toBe(400);
  });

  it('counts voice sessions in /metrics', async () => {
    const metrics = await srv.get('/metrics');
    const m = /^voice_sessions_total (\d+)$/m.exec(metrics.text);
    expect(Number(m?.[1])).toBeGreaterThanOrEqual(4);
  });
});
