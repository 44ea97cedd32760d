import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backgroundCheckpointer, DatabaseTooNewError, integrityCheck, loadMigrations, openDatabase, schemaVersion } from './index';

const tmp = () => mkdtempSync(join(tmpdir(), 'galla-db-'));

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL, foreign keys and busy timeout, also on a reopened file', () => {
    const file = join(tmp(), 'galla.db');
    openDatabase(file).db.close();
    const { db } = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(integrityCheck(db)).toBe('ok');
    db.close();
  });

  it('applies every migration under user_version and takes a copy before migrating an existing file', () => {
    const dir = tmp();
    const file = join(dir, 'galla.db');
    const all = loadMigrations();
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((m, i) => i === 0 || m.version > all[i - 1]!.version)).toBe(true);
    const first = openDatabase(file, { migrations: all.slice(0, 1) });
    expect(schemaVersion(first.db)).toBe(all[0]!.version);
    expect(first.backupPath).toBeNull(); // a new file needs no copy
    first.db.close();
    const extra = { version: all.at(-1)!.version + 10, name: 'probe', sql: 'CREATE TABLE probe (x INTEGER) STRICT;' };
    const second = openDatabase(file, { migrations: [...all, extra], backupDir: join(dir, 'backups') });
    expect(schemaVersion(second.db)).toBe(extra.version);
    expect(second.backupPath).not.toBeNull();
    expect(readdirSync(join(dir, 'backups')).length).toBe(1);
    second.db.close();
  });

  it('rolls back a failing migration as a whole', () => {
    const file = join(tmp(), 'galla.db');
    const all = loadMigrations();
    const bad = { version: all.at(-1)!.version + 10, name: 'bad', sql: 'CREATE TABLE ok1 (x INTEGER); CREATE TABLE ok1 (x INTEGER);' };
    expect(() => openDatabase(file, { migrations: [...all, bad] })).toThrow();
    const { db } = openDatabase(file);
    expect(schemaVersion(db)).toBe(all.at(-1)!.version);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok1'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database from a newer Galla and says what to do', () => {
    const file = join(tmp(), 'galla.db');
    const { db } = openDatabase(file);
    db.pragma('user_version = 99990');
    db.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer Galla.*Install the newer Galla/);
  });

  it('refuses UPDATE and DELETE on the ledger', () => {
    const { db } = openDatabase(':memory:');
    const now = new Date().toISOString();
    db.prepare("INSERT INTO customers (name, name_key, created_at, updated_at) VALUES ('A', 'a', ?, ?)").run(now, now);
    db.prepare("INSERT INTO ledger_entries (customer_id, type, amount_paise, reason, description, created_at) VALUES (1, 'DEBIT', 100, 'UDHAAR', 'x', ?)").run(now);
    expect(() => db.prepare('UPDATE ledger_entries SET amount_paise = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM ledger_entries').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT delta_paise FROM ledger_entries').get()).toEqual({ delta_paise: 100 });
  });

  it('checkpoints the WAL on a worker thread, never in the writer\'s commit', async () => {
    const { db } = openDatabase(join(tmp(), 'galla.db'));
    const cp = backgroundCheckpointer(db, { everyCommits: 20, idleMs: 10_000 });
    expect(cp.background).toBe(true);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    const calls: string[] = [];
    const real = db.pragma.bind(db);
    db.pragma = ((src: string, o?: never) => (calls.push(src), real(src, o))) as typeof db.pragma;
    // Three bursts of 20 commits, each followed by the worker's checkpoint (one at a time).
    for (let burst = 1; burst <= 3; burst++) {
      for (let i = 0; i < 20; i++) {
        db.prepare("INSERT INTO settings (key, value) VALUES (?, '1')").run(`k${burst}-${i}`);
        cp.touched();
      }
      for (let i = 0; i < 100 && cp.done < burst; i++) await new Promise((r) => setTimeout(r, 20));
      expect(cp.done).toBe(burst);
    }
    expect(calls.filter((c) => c.includes('checkpoint'))).toEqual([]);
    await cp.stop();
    expect(db.prepare('SELECT count(*) AS n FROM settings WHERE key LIKE ?').get('k%')).toEqual({ n: 60 });
    expect(integrityCheck(db)).toBe('ok');
    db.close();
  });

  it('checkpoints on this thread when writes pause if the worker cannot run', async () => {
    const { db } = openDatabase(join(tmp(), 'galla.db'));
    const cp = backgroundCheckpointer(db, { idleMs: 20, nativeBinding: join(tmp(), 'no-such-binding.node') });
    // The worker fails while loading the binding; until then it may still look started.
    for (let i = 0; i < 100 && cp.background; i++) await new Promise((r) => setTimeout(r, 20));
    expect(cp.background).toBe(false);
    const calls: string[] = [];
    const real = db.pragma.bind(db);
    db.pragma = ((src: string, o?: never) => (calls.push(src), real(src, o))) as typeof db.pragma;
    for (let i = 0; i < 5; i++) {
      db.prepare("INSERT INTO settings (key, value) VALUES (?, '1')").run(`k${i}`);
      cp.touched();
    }
    expect(calls).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    expect(calls).toEqual(['wal_checkpoint(PASSIVE)']);
    await cp.stop();
    db.close();
  });
});
