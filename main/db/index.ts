// The only module that opens SQLite (STYLE note 15). Everything else gets a `Db`.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;
export type Statement<P extends unknown[] | object = unknown[], R = unknown> = Database.Statement<P, R>;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Numbered migrations NNNN-name.sql, in steps of 10, in order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}-[\w-]+\.sql$/.test(f)).sort();
  return files.map((f) => ({ version: Number(f.slice(0, 4)), name: f.slice(5, -4), sql: readFileSync(join(dir, f), 'utf8') }));
}

export class DatabaseTooNewError extends Error {
  constructor(readonly fileVersion: number, readonly appVersion: number, readonly file: string) {
    super(
      `This shop's data (${file}) was saved by a newer Galla (data version ${fileVersion}; this app knows up to ${appVersion}). ` +
        'Nothing was changed. Install the newer Galla again, or restore a backup made with this version.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface OpenOptions {
  /** Migrations to apply; the bundled ones by default. Tests pass a prefix to build a database at version N. */
  migrations?: Migration[];
  /** Where the pre-migration copy goes; next to the file by default. */
  backupDir?: string;
  readonly?: boolean;
  /**
   * A better_sqlite3.node built for this runtime's ABI. Electron and Node need different builds from
   * one checkout, so Electron's services process is pointed at its own (env GALLA_SQLITE_BINDING).
   */
  nativeBinding?: string;
}

export interface OpenedDb {
  db: Db;
  /** The copy taken before migrating, if one was taken. */
  backupPath: string | null;
  appliedMigrations: number[];
}

/**
 * Opens (creating if needed) a shop database: WAL, synchronous=FULL on every open (a later open of a
 * WAL file is NORMAL otherwise, which can lose a committed bill on power loss), foreign keys, a busy
 * timeout; then applies pending migrations in one transaction after taking a copy of the file.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDb {
  const memory = file === ':memory:';
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const existed = !memory && existsSync(file);
  const nativeBinding = opts.nativeBinding ?? process.env.GALLA_SQLITE_BINDING;
  const db = new Database(file, { readonly: opts.readonly ?? false, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    if (!memory && !opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const migrations = opts.migrations ?? loadMigrations();
    const { backupPath, applied } = migrate(db, migrations, existed ? file : null, opts.backupDir);
    return { db, backupPath, appliedMigrations: applied };
  } catch (e) {
    db.close();
    throw e;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, migrations: Migration[], file: string | null, backupDir?: string): { backupPath: string | null; applied: number[] } {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new DatabaseTooNewError(current, latest, file ?? ':memory:');
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return { backupPath: null, applied: [] };

  let backupPath: string | null = null;
  if (file && current > 0) {
    const dir = backupDir ?? dirname(file);
    mkdirSync(dir, { recursive: true });
    const base = file.split(/[\\/]/).pop() ?? 'galla.db';
    backupPath = join(dir, `${base}.v${current}-before-v${latest}.${Date.now()}.bak`);
    db.prepare('VACUUM INTO ?').run(backupPath);
  }
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { backupPath, applied: pending.map((m) => m.version) };
}

/** True for SQLite constraint failures (unique, check, foreign key, our append-only triggers). */
export function isConstraintError(e: unknown): e is Error & { code: string } {
  return e instanceof Database.SqliteError && e.code.startsWith('SQLITE_CONSTRAINT');
}

export const integrityCheck = (db: Db): string => db.pragma('integrity_check', { simple: true }) as string;

/** A consistent copy of the live database in one file (VACUUM INTO), safe while the shop trades. */
export function backupDatabase(db: Db, destFile: string): void {
  mkdirSync(dirname(destFile), { recursive: true });
  db.prepare('VACUUM INTO ?').run(destFile);
}

export { backgroundCheckpointer, type Checkpointer } from './checkpointer';
