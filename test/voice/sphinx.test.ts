// The PocketSphinx catalog-grammar engine itself, on espeak-ng speech: transcripts, rejection,
// the catalog following product changes, and a killed decoder process coming back.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../main/commands/context';
import { seedDemoShop } from '../../main/demo/seed';
import { createServices, type Services } from '../../main/services';
import { concatPcm } from '../../main/voice/audio/wav';
import { createVoiceEngines, type VoiceEngines } from '../../main/voice/pipeline/engines';
import type { CheckedTranscript } from '../../main/voice/pipeline/stages';
import { adaptMissing, sendumpToMixtureWeights } from '../../main/voice/stt/sphinx/adapt';
import { GrammarSttEngine } from '../../main/voice/stt/sphinx/engine';
import { noise, speak } from './support/speak';
import { ADAPTATION_SENTENCES, UTTERANCES } from './support/utterances';

let services: Services;
let engines: VoiceEngines;
let grammar: GrammarSttEngine;

beforeAll(async () => {
  services = createServices({ dataDir: null, clock: fixedClock('2026-03-10T05:30:00.000Z') });
  seedDemoShop(services);
  engines = await createVoiceEngines(services, { stt: 'grammar', tts: 'none', workDir: mkdtempSync(join(tmpdir(), 'galla-sphinx-')), rebuildDelayMs: 10 });
  await engines.grammarReady();
  grammar = engines.grammar!;
});
afterAll(async () => {
  await engines?.close();
  services?.close();
});

const utter = (text: string) => concatPcm([noise(250), speak(text, 'en-us'), noise(400)]);

describe('PocketSphinx catalog grammar engine', () => {
  it('is ready once the catalog grammar is built', async () => {
    expect(await grammar.status()).toEqual({ name: 'pocketsphinx-grammar', ok: true });
    expect(grammar.unpronounceable).toEqual([]);
  });

  it('transcribes commands over the shop catalog', async () => {
    for (const text of ['aaj ka hisaab batao', 'teen thums up aur chaar bisleri']) {
      const t = (await grammar.transcribe(utter(text))) as CheckedTranscript;
      expect(t.text).toBe(text);
      expect(t.engine).toBe('pocketsphinx-grammar');
      expect(t.confidence).toBeGreaterThan(0.5);
      expect(t.decodeMs).toBeGreaterThan(0);
    }
  });

  it('gives the same final transcript when streamed and prepared in the pause', async () => {
    const pcm = utter('aaj ka hisaab batao');
    const s = grammar.stream();
    for (let i = 0; i < pcm.length; i += 1600) await s.feed(pcm.subarray(i, i + 1600), i % 8000 === 0);
    s.prepare?.();
    expect((await s.finish({ reusePrepared: true })).text).toBe('aaj ka hisaab batao');
  });

  it('turns away noise rather than guessing a command', async () => {
    const t = (await grammar.transcribe(noise(1500, 3000, 7))) as CheckedTranscript;
    expect(t.text).toBe('');
    expect(t.rejected).toBe(true);
  });

  it('rebuilds the grammar when a product is added', async () => {
    const before = grammar.grammarFile!;
    const r = services.dispatcher.dispatch('product-create', { name: 'Kurkure Masala Munch', aliases: ['kurkure'], pricePaise: 2000 }, { role: 'owner', source: 'api', who: 'test' });
    expect(r.ok).toBe(true);
    await new Promise((res) => setTimeout(res, 50));
    await engines.grammarReady();
    expect(grammar.grammarFile).not.toBe(before);
    expect(readFileSync(grammar.grammarFile!, 'utf8')).toMatch(/\bkurkure\b/);
    expect((await grammar.transcribe(utter('aaj ka hisaab batao'))).text).toBe('aaj ka hisaab batao');
  });

  it('a killed decoder process is started again on the next utterance', async () => {
    const pid = grammar.grammarWorkerPid!;
    const starts = grammar.workerStarts;
    process.kill(pid, 'SIGKILL');
    await new Promise((res) => setTimeout(res, 100));
    expect((await grammar.transcribe(utter('aaj ka hisaab batao'))).text).toBe('aaj ka hisaab batao');
    expect(grammar.workerStarts).toBe(starts + 1);
  });

  it('says what is missing when the acoustic model is not installed', async () => {
    const missing = new GrammarSttEngine({ workDir: tmpdir(), modelDir: '/nonexistent/model' });
    const s = await missing.status();
    expect(s.ok).toBe(false);
    expect(s.reason).toMatch(/pocketsphinx-en-us/);
    await missing.close();
  });
});

describe('speaker adaptation', () => {
  it.skipIf(adaptMissing() !== null)('adapts to a voice from 24 sentences it read (none of them tested) and hears that voice better', async () => {
    const tested = UTTERANCES.filter((_, i) => i % 4 === 0).map((u) => u.text);
    const right = async () => {
      let n = 0;
      for (const text of tested) if (((await grammar.transcribe(utter(text))) as CheckedTranscript).text === text) n++;
      return n;
    };
    const before = await right();
    await expect(grammar.adapt(ADAPTATION_SENTENCES.slice(0, 3).map((text) => ({ pcm: utter(text), text })))).rejects.toThrow(/Too few sentences/);
    const r = await grammar.adapt(ADAPTATION_SENTENCES.map((text) => ({ pcm: utter(text), text })), 'test-en');
    expect(r.used).toBe(ADAPTATION_SENTENCES.length);
    expect(readFileSync(r.mllr, 'utf8').length).toBeGreaterThan(100);
    const after = await right();
    await grammar.useAdaptation(null);
    expect(after, `exact transcripts of ${tested.length}: ${before} before, ${after} after`).toBeGreaterThan(before);
    expect(after / tested.length).toBeGreaterThanOrEqual(0.8);
  }, 120_000);

  it('expands the quantized mixture weights into normalised floats', () => {
    const file = '/usr/share/pocketsphinx/model/en-us/en-us/sendump';
    const mw = sendumpToMixtureWeights(readFileSync(file));
    const v = new DataView(mw.buffer, mw.byteOffset);
    const hdr = 's3\nversion 1.0\nendhdr\n'.length;
    expect(new TextDecoder().decode(mw.subarray(0, hdr))).toBe('s3\nversion 1.0\nendhdr\n');
    const [magic, nSen, nFeat, nDensity, n] = [0, 1, 2, 3, 4].map((i) => v.getInt32(hdr + i * 4, true));
    expect([magic, nFeat, nDensity, n]).toEqual([0x11223344, 3, 128, nSen! * 3 * 128]);
    let sum = 0;
    for (let d = 0; d < 128; d++) sum += v.getFloat32(hdr + 20 + d * 4, true);
    expect(sum).toBeCloseTo(1, 4);
  });
});
