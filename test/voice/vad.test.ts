// The VADs on synthesized speech: speech, then speech-end after the pause, with no help from the client.
import { afterAll, describe, expect, it } from 'vitest';
import type { Vad } from '../../main/voice/types';
import { concatPcm } from '../../main/voice/audio/wav';
import { EnergyVad } from '../../main/voice/vad/energy';
import { closeSilero, createVad, findSileroModel } from '../../main/voice/vad/silero';
import { noise, speak } from './support/speak';

afterAll(() => closeSilero());

async function events(vad: Vad, pcm: Int16Array): Promise<string[]> {
  const out: string[] = [];
  let prev = 'silence';
  for (let i = 0; i < pcm.length; i += 320) {
    const s = await vad.push(pcm.subarray(i, i + 320));
    if (s !== prev) out.push(`${s}@${Math.round(i / 16)}`);
    prev = s;
  }
  return out;
}

const audio = () => concatPcm([noise(400), speak('bill bana do', 'en-us'), noise(900), speak('doodh kitna bacha hai', 'hi'), noise(900)]);

describe('voice activity', () => {
  it('finds the Silero model inside the npm packages', () => {
    expect(findSileroModel()).toMatch(/silero.*\.onnx$/);
  });

  it('Silero VAD ends each utterance on its own after a pause', async () => {
    const vad = await createVad();
    expect(vad.name).toBe('silero');
    expect(await vad.status()).toEqual({ name: 'silero', ok: true });
    const e = await events(vad, audio());
    expect(e.filter((x) => x.startsWith('speech@'))).toHaveLength(2);
    expect(e.filter((x) => x.startsWith('speech-end@'))).toHaveLength(2);
    const firstStart = Number(e[0]!.split('@')[1]);
    expect(firstStart).toBeGreaterThanOrEqual(400);
    expect(firstStart).toBeLessThan(800);
  });

  it('falls back to the energy VAD, and says so, when the model cannot load', async () => {
    const vad = await createVad({ model: '/nonexistent/silero.onnx' });
    expect(vad.name).toBe('energy');
    const s = await vad.status();
    expect(s.ok).toBe(true);
    expect(s.reason).toMatch(/energy VAD because Silero VAD could not load/);
  });

  it('the energy VAD also ends utterances after a pause', async () => {
    const e = await events(new EnergyVad(), audio());
    expect(e.filter((x) => x.startsWith('speech-end@'))).toHaveLength(2);
  });

  it('ignores a short click', async () => {
    const click = new Int16Array(480).fill(12000); // 30 ms: at most two 32 ms windows
    const e = await events(new EnergyVad(), concatPcm([noise(500), click, noise(1000)]));
    expect(e).toEqual([]);
  });
});
