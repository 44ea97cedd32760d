// The owner's reports by voice: GSTR-1 for a month (saved under the data dir's exports/ when the
// services have one) and the sales report. Both commands are owner-only; a cashier's request is
// refused by the command table and answered by asking for the owner.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toIstDate } from '../../../common/hinglish/datetime';
import { monthSaid } from '../../../common/hinglish/month';
import type { Gstr1Report } from '../../../common/reports';
import { logger } from '../../log';
import type { UnderstoodFrame } from '../intent/engine';
import { say } from '../reply/say';
import { fail, ok, run, type RunContext, type Step } from './steps';

const log = logger('voice-reports');

/** The month said ("pichhle mahine", "February ka"), else a date's month, else none (the command's default: this month). */
function monthOf(ctx: RunContext, frame: UnderstoodFrame): string | undefined {
  const said = monthSaid(ctx.text, ctx.now);
  if (said) return said;
  return typeof frame.entities.date === 'string' && /^\d{4}-\d{2}/.test(frame.entities.date) ? frame.entities.date.slice(0, 7) : undefined;
}

/** A month's first and last IST days; the last is today for the month in progress. */
function monthDays(month: string, now: Date): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  const today = toIstDate(now);
  return { from: `${month}-01`, to: last < today ? last : today };
}

/** Writes the JSON to <dataDir>/exports/<fileName>; the path written, or null when there is no data dir or it failed. */
function saveExport(dataDir: string | null, r: Gstr1Report): string | null {
  if (!dataDir) return null;
  const dir = join(dataDir, 'exports');
  const file = join(dir, r.fileName);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(r.gstr1, null, 2));
    return file;
  } catch (e) {
    log.error('could not save the GSTR-1 file', { file, error: String(e) });
    return null;
  }
}

export function exportGstr1(ctx: RunContext, frame: UnderstoodFrame): Step {
  const intent = frame.intent;
  const month = monthOf(ctx, frame);
  const r = run(ctx, 'report-gstr1', month ? { month } : {});
  if (!r.ok) {
    if (r.error.code === 'FORBIDDEN') return fail(ctx, intent, 'owner only', say.ownerNeeded('GSTR-1 banane'));
    if (/GSTIN is not set/.test(r.error.message)) return fail(ctx, intent, r.error.message, say.gstinMissing());
    return fail(ctx, intent, r.error.message);
  }
  const savedAs = saveExport(ctx.dataDir, r.value);
  return ok(ctx, intent, { ...r.value, savedAs }, say.gstr1(r.value, savedAs));
}

export function salesReport(ctx: RunContext, frame: UnderstoodFrame): Step {
  const intent = frame.intent;
  const month = monthOf(ctx, frame);
  const r = run(ctx, 'report-sales', month ? monthDays(month, ctx.now) : {});
  if (!r.ok && r.error.code === 'FORBIDDEN') return fail(ctx, intent, 'owner only', say.ownerNeeded('Bikri aur GST ka hisaab'));
  if (!r.ok) return fail(ctx, intent, r.error.message);
  return ok(ctx, intent, r.value, say.salesReport(r.value));
}
