// Voice sessions and recordings, stored locally (migration 0040): a row per WebSocket session, a
// WAV file under the data dir per recording the owner chose to keep (settings.recordVoice), signed
// local URLs to play them (HMAC-SHA256 with a per-install secret, valid an hour), and the cleanup
// that deletes recordings older than settings.recordingRetentionDays (a Bree job calls it).
// Sessions and recordings are not business records (no money, no stock), so they are written here
// directly rather than through the command table, the way the reminder queue reads its rows.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import type { Db } from '../../db';
import type { Services } from '../../services';
import { logger } from '../../log';
import { encodeWav, SAMPLE_RATE } from '../audio/wav';

const log = logger('voice-recordings');

export const URL_TTL_MS = 60 * 60_000;

export interface RecordingRow {
  id: string;
  sessionId: string;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  bytes: number;
}

export interface SessionRow {
  id: string;
  startedAt: string;
  endedAt: string | null;
  /** Seconds, up to now for a session still open. */
  duration: number;
  recordings: RecordingRow[];
}

/** The secret for signed URLs: <data dir>/recording-url.key (0600), or per process for an in-memory shop. */
export function loadUrlSecret(dataDir: string | null): Buffer {
  if (!dataDir) return randomBytes(32);
  const file = join(dataDir, 'recording-url.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  const key = randomBytes(32);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

export function signRecording(secret: Buffer, id: string, expires: number): string {
  return createHmac('sha256', secret).update(`recording:${id}:${expires}`).digest('hex');
}

export function verifyRecordingSignature(secret: Buffer, id: string, expires: number, sig: string, now: number): 'ok' | 'expired' | 'bad' {
  if (!/^[0-9a-f]{64}$/.test(sig) || !Number.isSafeInteger(expires)) return 'bad';
  const want = Buffer.from(signRecording(secret, id, expires), 'hex');
  if (!timingSafeEqual(want, Buffer.from(sig, 'hex'))) return 'bad';
  return now > expires ? 'expired' : 'ok';
}

export class RecordingStore {
  readonly root: string;

  constructor(
    private readonly db: Db,
    dataDir: string | null,
    private readonly now: () => Date,
  ) {
    this.root = dataDir ? join(dataDir, 'recordings') : join(tmpdir(), `galla-recordings-${process.pid}`);
  }

  startSession(id: string, info: { counter: string; sttProvider: string | null; ttsProvider: string | null }): void {
    this.db
      .prepare('INSERT INTO voice_sessions (id, counter, started_at, stt_provider, tts_provider) VALUES (?, ?, ?, ?, ?)')
      .run(id, info.counter, this.now().toISOString(), info.sttProvider, info.ttsProvider);
  }

  countUtterance(sessionId: string): void {
    this.db.prepare('UPDATE voice_sessions SET utterances = utterances + 1 WHERE id = ?').run(sessionId);
  }

  endSession(id: string): void {
    this.db.prepare('UPDATE voice_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(this.now().toISOString(), id);
  }

  /** Writes the WAV and its row; returns the row. */
  saveRecording(sessionId: string, pcm: Int16Array, startedAt: Date): RecordingRow {
    const id = randomUUID();
    const endedAt = this.now();
    const rel = join(startedAt.toISOString().slice(0, 10), `${id}.wav`);
    const file = join(this.root, rel);
    mkdirSync(dirname(file), { recursive: true });
    const wav = encodeWav(pcm);
    writeFileSync(file, wav);
    const row: RecordingRow = {
      id,
      sessionId,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationMs: Math.round((pcm.length / SAMPLE_RATE) * 1000),
      bytes: wav.byteLength,
    };
    this.db
      .prepare('INSERT INTO recordings (id, session_id, file, started_at, ended_at, duration_ms, bytes, sample_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(row.id, sessionId, rel, row.startedAt, row.endedAt, row.durationMs, row.bytes, SAMPLE_RATE);
    return row;
  }

  /** The WAV file of a recording, or null when there is no such recording (or its file is gone). */
  recordingFile(id: string): string | null {
    const r = this.db.prepare('SELECT file FROM recordings WHERE id = ?').get(id) as { file: string } | undefined;
    if (!r) return null;
    const file = normalize(join(this.root, r.file));
    // The stored path is ours, but a row must never point outside the recordings folder.
    if (!file.startsWith(this.root + sep) || !existsSync(file)) return null;
    return file;
  }

  hasRecording(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM recordings WHERE id = ?').get(id) !== undefined;
  }

  listSessions(limit: number): SessionRow[] {
    const sessions = this.db
      .prepare('SELECT id, started_at, ended_at FROM voice_sessions ORDER BY started_at DESC, rowid DESC LIMIT ?')
      .all(limit) as { id: string; started_at: string; ended_at: string | null }[];
    const recs = this.db.prepare(
      'SELECT id, session_id, started_at, ended_at, duration_ms, bytes FROM recordings WHERE session_id = ? ORDER BY started_at',
    );
    const now = this.now().getTime();
    return sessions.map((s) => ({
      id: s.id,
      startedAt: s.started_at,
      endedAt: s.ended_at,
      duration: Math.max(0, Math.round(((s.ended_at ? Date.parse(s.ended_at) : now) - Date.parse(s.started_at)) / 1000)),
      recordings: (recs.all(s.id) as { id: string; session_id: string; started_at: string; ended_at: string; duration_ms: number; bytes: number }[]).map((r) => ({
        id: r.id,
        sessionId: r.session_id,
        startedAt: r.started_at,
        endedAt: r.ended_at,
        durationMs: r.duration_ms,
        bytes: r.bytes,
      })),
    }));
  }

  /** Deletes recordings (file and row) started more than `retentionDays` days ago; returns how many. */
  deleteExpired(retentionDays: number): number {
    const cutoff = new Date(this.now().getTime() - retentionDays * 86_400_000).toISOString();
    const old = this.db.prepare('SELECT id, file FROM recordings WHERE started_at < ?').all(cutoff) as { id: string; file: string }[];
    const del = this.db.prepare('DELETE FROM recordings WHERE id = ?');
    for (const r of old) {
      try {
        rmSync(join(this.root, r.file), { force: true });
      } catch (e) {
        log.warn(`could not delete recording file ${r.file}`, e);
        continue;
      }
      del.run(r.id);
    }
    return old.length;
  }
}

/**
 * The retention job's body (a Bree job calls it, e.g. nightly): deletes recordings older than
 * settings.recordingRetentionDays. Returns how many went.
 */
export function cleanupOldRecordings(services: Pick<Services, 'db' | 'dataDir' | 'clock' | 'dispatcher'>): number {
  const s = services.dispatcher.dispatch('settings-get', {}, { role: 'owner', source: 'job', who: 'recording-cleanup' });
  if (!s.ok) throw new Error(`settings-get failed: ${s.error.message}`);
  const removed = new RecordingStore(services.db, services.dataDir, () => services.clock.now()).deleteExpired(s.value.recordingRetentionDays);
  if (removed > 0) log.info(`deleted ${removed} recordings older than ${s.value.recordingRetentionDays} days`);
  return removed;
}
