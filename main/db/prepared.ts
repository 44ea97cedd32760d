// Prepared statements cached per connection. Preparing costs more than running a small insert, and
// the counter's hot paths (a bill, a search keystroke) run the same few statements all day.
import type { Db, Statement } from './index';

const caches = new WeakMap<Db, Map<string, Statement>>();

/** The statement for `sql` on `db`, prepared once. */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt as unknown as Statement<P, R>;
}
