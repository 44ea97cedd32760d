// The pipeline's own logic with stand-ins for the engines that are tested elsewhere: a scripted
// STT that speaks the real SttEngine interface, the energy VAD, and a small VoiceAgent double.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../common/actor';
import type { AgentTurn, EngineStatus, SttEngine, Transcript, TtsEngine, VoiceAgent } from '../../main/voice/types';
import { concatPcm, encodeWav } from '../../main/voice/audio/wav';
import { type PipelineEvent, VoicePipeline } from '../../main/voice/pipeline/session';
import type { StreamingSttEngine, SttStream } from '../../main/voice/pipeline/stages';
import { EnergyVad } from '../../main/voice/vad/energy';

const actor: Actor = { role: 'cashier', source: 'voice', who: 'test' };
const tone = (ms: number, amp = 6000) => Int16Array.from({ length: ms * 16 }, (_, i) => Math.round(Math.sin(i / 5) * amp));
const quiet = (ms: number) => new Int16Array(ms * 16);

class ScriptedStt implements SttEngine {
  readonly name = 'scripted';
  heard: number[] = [];
  constructor(private readonly answers: string[]) {}
  async status(): Promise<EngineStatus> {
    return { name: this.name, ok: true };
  }
  async transcribe(pcm: Int16Array): Promise<Transcript> {
    this.heard.push(pcm.length);
    return { text: this.answers.shift() ?? '', confidence: 0.9, engine: this.name };
  }
}

class ScriptedStreamingStt extends ScriptedStt implements StreamingSttEngine {
  prepared = 0;
  reused = 0;
  stream(): SttStream {
    const chunks: Int16Array[] = [];
    return {
      feed: async (pcm, wantPartial) => {
        chunks.push(pcm);
        return wantPartial ? 'partial words' : null;
      },
      prepare: () => {
        this.prepared++;
      },
      finish: async (o) => {
        if (o?.reusePrepared) this.reused++;
        return this.transcribe(concatPcm(chunks));
      },
      cancel: () => undefined,
    };
  }
}

class EchoAgent implements VoiceAgent {
  said: string[] = [];
  async handle(text: string): Promise<AgentTurn> {
    this.said.push(text);
    const two = text.includes(' aur ');
    return {
      text,
      frames: [{ intent: 'CHECK_BALANCE', entities: { customer: 'Rakesh Verma' }, confidence: 0.95, path: 'rules' }],
      tasks: [
        { taskId: 't1', intent: 'CHECK_BALANCE', ok: true, result: { balance: 1200 } },
        ...(two ? [{ taskId: 't2', intent: 'CREATE_REMINDER' as const, ok: false, error: 'No phone number' }] : []),
      ],
      reply: 'Rakesh Verma ka baaki baarah sau rupaye hai. Aur kuch?',
      awaiting: null,
    };
  }
  reset(): void {}
}

class SilentTts implements TtsEngine {
  readonly name = 'silent';
  spoken: string[] = [];
  async status(): Promise<EngineStatus> {
    return { name: this.name, ok: true };
  }
  async synthesize(text: string) {
    this.spoken.push(text);
    return { audio: encodeWav(new Int16Array(160)), format: 'wav' as const, sampleRate: 16000 };
  }
}

function setup(stt: SttEngine | null, opts: { tts?: TtsEngine | null } = {}) {
  const events: PipelineEvent[] = [];
  const agent = new EchoAgent();
  const tts = opts.tts === undefined ? new SilentTts() : opts.tts;
  const p = new VoicePipeline({ vad: stt ? new EnergyVad() : null, stt, tts, agent, actor, emit: (e) => events.push(e) });
  const feed = async (pcm: Int16Array) => {
    for (let i = 0; i < pcm.length; i += 1600) await p.audio(pcm.subarray(i, i + 1600));
  };
  return { p, events, agent, tts, feed, types: () => events.map((e) => (e.type === 'task' ? `task:${e.status}` : e.type)) };
}

describe('voice pipeline', () => {
  it('a pause ends the utterance on its own: transcript, intent, tasks, reply, voice', async () => {
    const stt = new ScriptedStt(['rakesh verma ka balance batao']);
    const s = setup(stt);
    await s.feed(concatPcm([quiet(500), tone(1200), quiet(900)]));
    await s.p.idle();
    expect(s.agent.said).toEqual(['rakesh verma ka balance batao']);
    expect(s.types()).toEqual(['utterance', 'transcript', 'intent', 'task:queued', 'task:started', 'task:completed', 'response', 'tts', 'tts', 'timing']);
    // The pre-roll keeps the start of the word the VAD heard a little late.
    expect(stt.heard[0]! / 16).toBeGreaterThan(1200);
    const timing = s.events.find((e) => e.type === 'timing');
    expect(timing?.type === 'timing' && timing.timing.replyText! >= timing.timing.endOfSpeech).toBe(true);
  });

  it('two commands in one sentence give two tasks, one of which may fail', async () => {
    const s = setup(null);
    await s.p.text('rakesh ka balance batao aur reminder bhejo');
    expect(s.types().filter((t) => t.startsWith('task:'))).toEqual(['task:queued', 'task:queued', 'task:started', 'task:completed', 'task:started', 'task:failed']);
    const failed = s.events.find((e) => e.type === 'task' && e.status === 'failed');
    expect(failed).toMatchObject({ taskId: 't2', error: 'No phone number' });
  });

  it('typed text works with no speech engine and no voice (reply on screen only)', async () => {
    const s = setup(null, { tts: null });
    expect(s.p.sttAvailable).toBe(false);
    await s.p.audio(tone(500)); // ignored: nothing to hear it with
    await s.p.text('bill bana do');
    expect(s.types()).toEqual(['transcript', 'intent', 'task:queued', 'task:started', 'task:completed', 'response', 'timing']);
    expect(s.events[0]).toMatchObject({ type: 'transcript', text: 'bill bana do', isFinal: true, engine: 'typed' });
  });

  it('voice:stop ends the utterance before the pause does (push-to-talk)', async () => {
    const stt = new ScriptedStt(['bill bana do']);
    const s = setup(stt);
    await s.feed(concatPcm([quiet(300), tone(800)]));
    await s.p.stop();
    await s.p.idle();
    expect(s.agent.said).toEqual(['bill bana do']);
    expect(s.events.find((e) => e.type === 'utterance')).toMatchObject({ source: 'stop' });
  });

  it('voice:stop with speech too soft for the VAD still sends it to speech to text', async () => {
    const stt = new ScriptedStt(['haan']);
    const s = setup(stt);
    await s.feed(concatPcm([quiet(100), tone(600, 300)]));
    await s.p.stop();
    await s.p.idle();
    expect(s.agent.said).toEqual(['haan']);
  });

  it('a rejected transcript asks again and runs nothing', async () => {
    const stt = new ScriptedStt(['']);
    const s = setup(stt);
    await s.feed(concatPcm([quiet(300), tone(900), quiet(900)]));
    await s.p.idle();
    expect(s.agent.said).toEqual([]);
    expect(s.events.find((e) => e.type === 'response')).toMatchObject({ text: 'Kuch sunai nahi diya.', result: null });
  });

  it('streams audio to a streaming engine: partial transcripts, and the final started in the pause', async () => {
    const stt = new ScriptedStreamingStt(['doodh kitna bacha hai']);
    const s = setup(stt);
    await s.feed(concatPcm([quiet(300), tone(1500), quiet(900)]));
    await s.p.idle();
    const partial = s.events.find((e) => e.type === 'transcript' && !e.isFinal);
    expect(partial).toMatchObject({ text: 'partial words' });
    expect(stt.prepared).toBe(1);
    expect(stt.reused).toBe(1);
    expect(s.agent.said).toEqual(['doodh kitna bacha hai']);
  });

  it('an engine failure becomes an error message, and the next utterance works', async () => {
    let calls = 0;
    const flaky: SttEngine = {
      name: 'flaky',
      status: async () => ({ name: 'flaky', ok: true }),
      transcribe: async () => {
        calls++;
        if (calls === 1) throw new Error('decoder crashed');
        return { text: 'undo', confidence: 1, engine: 'flaky' };
      },
    };
    const s = setup(flaky);
    await s.feed(concatPcm([quiet(300), tone(800), quiet(900), tone(800), quiet(900)]));
    await s.p.idle();
    expect(s.events.find((e) => e.type === 'error')).toMatchObject({ message: expect.stringMatching(/flaky engine failed/) });
    expect(s.agent.said).toEqual(['undo']);
  });
});
