import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { integrityCheck, openDatabase } from '../db';
import { nightlyBackup } from './backup';
import { createScheduler } from './scheduler';
import { createReminderQueue } from './reminder-queue';

describe('nightly backup', () => {
  it('writes one openable copy per IST day and keeps the last N', () => {
    const dir = mkdtempSync(join(tmpdir(), 'galla-bk-'));
    const { db } = openDatabase(join(dir, 'galla.db'));
    db.prepare("INSERT INTO settings (key, value) VALUES ('name', '\"Shop\"')").run();
    const backups = join(dir, 'backups');
    // 20:00 UTC on 9 March is 01:30 IST on 10 March.
    const r = nightlyBackup(db, backups, new Date('2026-03-09T20:00:00Z'), 2);
    expect(r.file).toMatch(/galla-2026-03-10\.db$/);
    expect(r.created).toBe(true);
    expect(nightlyBackup(db, backups, new Date('2026-03-09T21:00:00Z'), 2).created).toBe(false);
    nightlyBackup(db, backups, new Date('2026-03-11T10:00:00Z'), 2);
    const third = nightlyBackup(db, backups, new Date('2026-03-12T10:00:00Z'), 2);
    expect(third.pruned).toEqual(['galla-2026-03-10.db']);
    expect(readdirSync(backups).sort()).toEqual(['galla-2026-03-11.db', 'galla-2026-03-12.db']);
    const copy = openDatabase(third.file).db;
    expect(integrityCheck(copy)).toBe('ok');
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'name'").get()).toEqual({ value: '"Shop"' });
    copy.close();
    db.close();
  });
});

describe('scheduler', () => {
  it('runs a task in the services process when Bree says it is due', async () => {
    let ran = 0;
    const s = createScheduler([{ name: 'probe', cron: '0 23 * * *', run: () => void ran++ }]);
    await s.start();
    await s.runNow('probe');
    expect(ran).toBe(1);
    await expect(s.runNow('missing')).rejects.toThrow(/No such job/);
    await s.stop();
  });
});

describe('reminder queue', () => {
  it('delivers when due, cancels, and refuses once closed', async () => {
    const delivered: number[] = [];
    const q = createReminderQueue((id) => delivered.push(id));
    q.enqueue(1, new Date(Date.now() + 5));
    q.enqueue(2, new Date(Date.now() + 5));
    q.cancel(2);
    await new Promise((r) => setTimeout(r, 40));
    expect(delivered).toEqual([1]);
    q.close();
    expect(() => q.enqueue(3, new Date())).toThrow(/closed/);
    expect(existsSync('/')).toBe(true);
  });
});
