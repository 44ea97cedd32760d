// Adapting the grammar engine to the shop's voice over the API: prompts from the shop's own catalog,
// recordings of them read aloud (espeak-ng here), the transform kept in the data folder and used by
// the next engine, and forgotten on request. Owner only; bad recordings change nothing.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoShop } from '../../main/demo/seed';
import { encodeWav } from '../../main/voice/audio/wav';
import { adaptMissing } from '../../main/voice/stt/sphinx/adapt';
import { sphinxMissing } from '../../main/voice/stt/sphinx/binding';
import { GrammarSttEngine } from '../../main/voice/stt/sphinx/engine';
import { startTestServer, type TestServer } from '../support/http';
import { speak } from './support/speak';

let srv: TestServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'galla-adapt-'));
  srv = await startTestServer({ dataDir });
  seedDemoShop(srv.services);
});
afterAll(async () => srv?.close());

const del = (path: string, owner: boolean) =>
  fetch(srv.url + path, { method: 'DELETE', headers: owner ? { authorization: `Bearer ${srv.ownerToken}` } : {} }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

describe.skipIf(sphinxMissing() !== null || adaptMissing() !== null)('voice adaptation over the API', () => {
  it('gives the owner prompts from the shop, adapts to the voice that read them, keeps it, and forgets it', async () => {
    expect((await srv.get('/api/v1/voice/adapt')).status).toBe(403);
    const got = await srv.get('/api/v1/voice/adapt', { owner: true });
    expect(got.status).toBe(200);
    const prompts: string[] = got.body.adaptation.prompts;
    expect(got.body.adaptation.adapted).toBe(false);
    expect(prompts.length).toBe(24);
    expect(prompts.some((p) => /rakesh|salim|geeta|neha|bablu/.test(p))).toBe(true);

    const bad = await srv.post('/api/v1/voice/adapt', { samples: prompts.slice(0, 5).map((text) => ({ text, wav: Buffer.from('not a wav').toString('base64') })) }, { owner: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/samples\.0\.wav is not a WAV file/);
    const few = await srv.post('/api/v1/voice/adapt', { samples: [] }, { owner: true });
    expect(few.status).toBe(400);
    expect(few.body.error).toMatch(/at least 5/);

    const samples = prompts.map((text) => ({ text, wav: Buffer.from(encodeWav(speak(text, 'en-us'))).toString('base64') }));
    const done = await srv.post('/api/v1/voice/adapt', { samples }, { owner: true });
    expect(done.status, done.text).toBe(200);
    expect(done.body.adaptation).toMatchObject({ adapted: true, used: 24 });
    const kept = join(dataDir, 'voice', 'sphinx', 'voice.mllr');
    expect(existsSync(kept)).toBe(true);
    expect((await srv.get('/api/v1/voice/adapt', { owner: true })).body.adaptation.adapted).toBe(true);
    // The next start of the engine (a restart of the services) uses the kept transform.
    const next = new GrammarSttEngine({ workDir: join(dataDir, 'voice') });
    expect(next.adaptation).toBe(kept);
    await next.close();

    expect((await del('/api/v1/voice/adapt', false)).status).toBe(403);
    const forgot = await del('/api/v1/voice/adapt', true);
    expect(forgot).toMatchObject({ status: 200, body: { adaptation: { adapted: false } } });
    expect(existsSync(kept)).toBe(false);
  }, 120_000);
});
