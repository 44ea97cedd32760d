// The owner's reports by voice: GSTR-1 for a month (saved under the data dir's exports/ when the
// services have one) and the sales report. Both commands are owner-only; a cashier's request is
// refused by the command table and answered by asking for the owner.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gstr1Report } from '../../../common/reports';
import { logger } from '../../log';
import type { UnderstoodFrame } from '../intent/engine';
import { say } from '../reply/say';
import { fail, ok, run, type RunContext, type Step } from './steps';

const log = logger('voice-reports');

/** The month said ("march ka GSTR", a date in it), else this month (the command's default). */
const monthOf = (frame: UnderstoodFrame): string | undefined => (typeof frame.entities.date === 'string' && /^\d{4}-\d{2}/.test(frame.entities.date) ? frame.entities.date.slice(0, 7) : undefined);

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
  const month = monthOf(frame);
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
  const r = run(ctx, 'report-sales', {});
  if (!r.ok && r.error.code === 'FORBIDDEN') return fail(ctx, intent, 'owner only', say.ownerNeeded('Bikri aur GST ka hisaab'));
  if (!r.ok) return fail(ctx, intent, r.error.message);
  return ok(ctx, intent, r.value, say.salesReport(r.value));
}
