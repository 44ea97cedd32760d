// Migration 0040 and the local store of voice sessions and recordings: rows, WAV files, signed URLs,
// the retention cleanup, and the plans of the two queries the API runs.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, openDatabase, schemaVersion } from '../../main/db';
import { decodeWav } from '../../main/voice/audio/wav';
import { cleanupOldRecordings, loadUrlSecret, RecordingStore, signRecording, verifyRecordingSignature } from '../../main/voice/pipeline/recordings';
import { createServices } from '../../main/services';
import { fixedClock } from '../../main/commands/context';

const t0 = new Date('2026-03-10T05:30:00.000Z');

function store() {
  const dir = mkdtempSync(join(tmpdir(), 'galla-rec-'));
  const { db } = openDatabase(':memory:');
  let now = t0.getTime();
  const s = new RecordingStore(db, dir, () => new Date(now));
  return { db, dir, s, advance: (ms: number) => (now += ms) };
}

describe('migration 0040-voice', () => {
  it('adds voice_sessions and recordings on top of the earlier schema, keeping rows', () => {
    const all = loadMigrations();
    const before = all.filter((m) => m.version < 40);
    expect(all.some((m) => m.version === 40 && m.name === 'voice')).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'galla-mig-')), 'galla.db');
    const old = openDatabase(file, { migrations: before });
    old.db.prepare(`INSERT INTO settings (key, value) VALUES ('recordVoice', 'true')`).run();
    old.db.close();
    const { db } = openDatabase(file);
    expect(schemaVersion(db)).toBe(all.at(-1)!.version);
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'recordVoice'`).get()).toEqual({ value: 'true' });
    const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('voice_sessions')).toEqual(['id', 'counter', 'started_at', 'ended_at', 'utterances', 'stt_provider', 'tts_provider']);
    expect(cols('recordings')).toEqual(['id', 'session_id', 'file', 'started_at', 'ended_at', 'duration_ms', 'bytes', 'sample_rate']);
    db.close();
  });

  it('lists sessions, their recordings and the expired ones by index', () => {
    const { db } = openDatabase(':memory:');
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / ');
    expect(plan('SELECT id, started_at, ended_at FROM voice_sessions ORDER BY started_at DESC, rowid DESC LIMIT 20')).toMatch(/voice_sessions_started/);
    expect(plan(`SELECT id FROM recordings WHERE session_id = 'x' ORDER BY started_at`)).toMatch(/USING INDEX recordings_session/);
    expect(plan(`SELECT id, file FROM recordings WHERE started_at < '2026'`)).toMatch(/USING INDEX recordings_started/);
    db.close();
  });
});

describe('recording store', () => {
  it('keeps a session with its recordings, as WAV files under the data dir', () => {
    const { s, dir, advance } = store();
    s.startSession('s1', { counter: 'main', sttProvider: 'pocketsphinx-grammar', ttsProvider: 'espeak-ng' });
    const pcm = new Int16Array(16000).fill(100);
    const rec = s.saveRecording('s1', pcm, new Date(t0));
    advance(5000);
    s.endSession('s1');
    expect(rec.durationMs).toBe(1000);
    const file = s.recordingFile(rec.id)!;
    expect(file.startsWith(join(dir, 'recordings'))).toBe(true);
    expect(decodeWav(new Uint8Array(readFileSync(file))).samples.length).toBe(16000);
    const [session] = s.listSessions(10);
    expect(session).toMatchObject({ id: 's1', duration: 5, endedAt: '2026-03-10T05:30:05.000Z' });
    expect(session!.recordings).toEqual([{ id: rec.id, sessionId: 's1', startedAt: t0.toISOString(), endedAt: rec.endedAt, durationMs: 1000, bytes: 32044 }]);
    expect(s.recordingFile('nope')).toBeNull();
  });

  it('deletes recordings (file and row) older than the retention period, and only those', () => {
    const { s, advance } = store();
    s.startSession('s1', { counter: 'main', sttProvider: null, ttsProvider: null });
    const old = s.saveRecording('s1', new Int16Array(160), new Date(t0));
    advance(20 * 86_400_000);
    const fresh = s.saveRecording('s1', new Int16Array(160), new Date(t0.getTime() + 20 * 86_400_000));
    const oldFile = s.recordingFile(old.id)!;
    advance(11 * 86_400_000);
    expect(s.deleteExpired(30)).toBe(1);
    expect(existsSync(oldFile)).toBe(false);
    expect(s.hasRecording(old.id)).toBe(false);
    expect(s.hasRecording(fresh.id)).toBe(true);
  });

  it('the retention job deletes what is older than settings.recordingRetentionDays', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'galla-shop-'));
    const clock = fixedClock(t0);
    const services = createServices({ dataDir, clock });
    try {
      const s = new RecordingStore(services.db, dataDir, () => clock.now());
      s.startSession('s1', { counter: 'main', sttProvider: null, ttsProvider: null });
      s.saveRecording('s1', new Int16Array(160), new Date(t0));
      services.dispatcher.dispatch('settings-update', { recordingRetentionDays: 7 }, { role: 'owner', source: 'api', who: 'test' });
      clock.advance(6 * 86_400_000);
      expect(cleanupOldRecordings(services)).toBe(0);
      clock.advance(2 * 86_400_000);
      expect(cleanupOldRecordings(services)).toBe(1);
      expect(s.listSessions(5)[0]!.recordings).toEqual([]);
    } finally {
      services.close();
    }
  });

  it('signs URLs with a per-install secret and an expiry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'galla-key-'));
    const key = loadUrlSecret(dir);
    expect(loadUrlSecret(dir).equals(key)).toBe(true);
    expect(loadUrlSecret(mkdtempSync(join(tmpdir(), 'galla-key-'))).equals(key)).toBe(false);
    const exp = t0.getTime() + 3_600_000;
    const sig = signRecording(key, 'r1', exp);
    expect(verifyRecordingSignature(key, 'r1', exp, sig, t0.getTime())).toBe('ok');
    expect(verifyRecordingSignature(key, 'r1', exp, sig, exp + 1)).toBe('expired');
    expect(verifyRecordingSignature(key, 'r2', exp, sig, t0.getTime())).toBe('bad');
    expect(verifyRecordingSignature(key, 'r1', exp + 1, sig, t0.getTime())).toBe('bad');
    expect(verifyRecordingSignature(key, 'r1', exp, 'zz', t0.getTime())).toBe('bad');
  });
});
