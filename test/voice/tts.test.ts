import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../main/voice/audio/wav';
import { replyChunks } from '../../main/voice/pipeline/session';
import { chooseTts, EspeakTts, findPiperVoice, PiperTts } from '../../main/voice/tts';
import { tokensFromPiperConfig } from '../../main/voice/tts/piper';

describe('reply voice', () => {
  it('espeak-ng speaks romanised Hinglish and Devanagari as WAV', async () => {
    const tts = new EspeakTts();
    expect((await tts.status()).ok).toBe(true);
    for (const text of ['Rakesh Verma ka balance baarah sau rupaye hai.', 'राकेश वर्मा का बैलेंस बारह सौ रुपये है।']) {
      const a = await tts.synthesize(text);
      expect(a.format).toBe('wav');
      const wav = decodeWav(a.audio);
      expect(wav.sampleRate).toBe(a.sampleRate);
      expect(wav.samples.length / wav.sampleRate).toBeGreaterThan(1);
      expect(new DataView(a.audio.buffer, a.audio.byteOffset).getUint32(4, true)).toBe(a.audio.byteLength - 8);
    }
  });

  it('a reply that starts with a dash is read, not taken as an option', async () => {
    const a = await new EspeakTts().synthesize('-v en theek hai');
    expect(decodeWav(a.audio).samples.length).toBeGreaterThan(1000);
  });

  it('without a Piper voice, says what installing one would add, and picks espeak-ng', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'galla-models-'));
    const piper = new PiperTts({ modelsDir: empty });
    const s = await piper.status();
    expect(s.ok).toBe(false);
    expect(s.reason).toMatch(/npm run models -- download piper-hi-pratham/);
    await expect(piper.synthesize('namaste')).rejects.toThrow(/No Piper voice/);
    const choice = await chooseTts({ modelsDir: empty });
    expect(choice.engine?.name).toBe('espeak-ng');
    expect(choice.statuses.map((x) => x.name)).toEqual(['piper', 'espeak-ng']);
    expect((await chooseTts({ modelsDir: empty, prefer: 'none' })).engine).toBeNull();
  });

  it('finds an installed Piper voice and writes its tokens from the JSON config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'galla-models-'));
    mkdirSync(join(dir, 'piper-hi-pratham'));
    writeFileSync(join(dir, 'piper-hi-pratham', 'hi_IN-pratham-medium.onnx'), 'not really a model');
    writeFileSync(join(dir, 'piper-hi-pratham', 'hi_IN-pratham-medium.onnx.json'), JSON.stringify({ phoneme_id_map: { _: [0], a: [14], '^': [1] } }));
    const v = findPiperVoice(dir);
    expect(v?.model).toMatch(/hi_IN-pratham-medium\.onnx$/);
    expect(v?.config).toMatch(/\.onnx\.json$/);
    expect(tokensFromPiperConfig(JSON.stringify({ phoneme_id_map: { _: [0], a: [14] } }))).toBe('_ 0\na 14\n');
  });

  it('a broken Piper voice fails with a message and the next reply is still possible', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galla-models-'));
    mkdirSync(join(dir, 'piper-x'));
    writeFileSync(join(dir, 'piper-x', 'x.onnx'), 'garbage');
    writeFileSync(join(dir, 'piper-x', 'x.onnx.json'), JSON.stringify({ phoneme_id_map: { _: [0] } }));
    const piper = new PiperTts({ modelsDir: dir, timeoutMs: 20_000 });
    await expect(piper.synthesize('namaste')).rejects.toThrow();
    expect((await piper.status()).reason).toMatch(/Piper failed/);
    await piper.close();
  });

  it('splits a long reply so the first sentence is spoken first', () => {
    expect(replyChunks('Bill ban gaya. Total paanch sau rupaye. Dhanyavaad!')).toEqual(['Bill ban gaya.', 'Total paanch sau rupaye. Dhanyavaad!']);
    expect(replyChunks('Theek hai')).toEqual(['Theek hai']);
    expect(replyChunks('')).toEqual([]);
  });
});
