// The nightly backup: a consistent copy of galla.db per IST day under <data>/backups, the last
// `keep` kept. A copy is a whole shop: open it with --data-dir to restore.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabase, type Db } from '../db';

const IST = 330 * 60_000;
const NAME = /^galla-(\d{4}-\d{2}-\d{2})\.db$/;

export interface BackupResult {
  file: string;
  created: boolean;
  pruned: string[];
}

export function nightlyBackup(db: Db, backupDir: string, now: Date, keep = 14): BackupResult {
  const day = new Date(now.getTime() + IST).toISOString().slice(0, 10);
  const file = join(backupDir, `galla-${day}.db`);
  const created = !existsSync(file);
  if (created) backupDatabase(db, file);
  const all = existsSync(backupDir) ? readdirSync(backupDir).filter((f) => NAME.test(f)).sort() : [];
  const pruned = all.slice(0, Math.max(0, all.length - keep));
  for (const f of pruned) rmSync(join(backupDir, f), { force: true });
  return { file, created, pruned };
}
