// Open and held bills in draft_bills. One OPEN row per counter at most; HELD rows wait for a recall.
// Rows are deleted when a bill is sold or thrown away: drafts are scratch, and what happened to them
// (held, recalled, discarded) is in the audit log.
import type { draftCommands, Draft, DraftData, DraftStatus } from '../../../common/commands/drafts';
import { DraftDataInput } from '../../../common/commands/drafts';
import { AppError } from '../../../common/errors';
import type { HandlerTable, ReverserTable } from '../../commands/context';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';
import { draftTotals } from './totals';

type Names = keyof typeof draftCommands;

interface DbDraft {
  id: number;
  counter: string;
  status: DraftStatus;
  label: string | null;
  data_json: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, counter, status, label, data_json, created_at, updated_at';

function toDraft(db: Db, row: DbDraft): Draft {
  // Rows written by an older screen are read through the same schema, so defaults fill any gaps.
  const parsed = DraftDataInput.safeParse(JSON.parse(row.data_json));
  const data: DraftData = parsed.success ? parsed.data : { lines: [], customerId: null, customerName: null, discountPaise: 0 };
  return { id: row.id, counter: row.counter, status: row.status, label: row.label, data, totals: draftTotals(db, data), createdAt: row.created_at, updatedAt: row.updated_at };
}

const openRow = (db: Db, counter: string) =>
  prepared<[string], DbDraft>(db, `SELECT ${COLUMNS} FROM draft_bills WHERE counter = ? AND status = 'OPEN' ORDER BY id DESC LIMIT 1`).get(counter);

const rowById = (db: Db, id: number) => prepared<[number], DbDraft>(db, `SELECT ${COLUMNS} FROM draft_bills WHERE id = ?`).get(id);

const isEmpty = (d: DraftData) => d.lines.length === 0 && d.customerId === null;

/** A held bill's name in the list: the label given, else the customer, else its first items. */
function labelFor(data: DraftData, given: string | null): string {
  if (given) return given;
  if (data.customerName) return data.customerName;
  const names = data.lines.slice(0, 2).map((l) => l.name);
  return names.join(', ') + (data.lines.length > 2 ? ` +${data.lines.length - 2}` : '');
}

function saveOpen(db: Db, counter: string, data: DraftData, at: string): Draft | null {
  const existing = openRow(db, counter);
  if (isEmpty(data)) {
    if (existing) prepared(db, 'DELETE FROM draft_bills WHERE id = ?').run(existing.id);
    return null;
  }
  const json = JSON.stringify(data);
  if (existing) {
    prepared(db, 'UPDATE draft_bills SET data_json = ?, updated_at = ? WHERE id = ?').run(json, at, existing.id);
    return toDraft(db, rowById(db, existing.id)!);
  }
  const id = Number(
    prepared(db, `INSERT INTO draft_bills (counter, status, label, data_json, created_at, updated_at) VALUES (?, 'OPEN', NULL, ?, ?, ?)`).run(counter, json, at, at).lastInsertRowid,
  );
  return toDraft(db, rowById(db, id)!);
}

export const draftHandlers: HandlerTable<Names> = {
  'draft-get-open': (ctx, input) => {
    const row = openRow(ctx.db, input.counter);
    return row ? toDraft(ctx.db, row) : null;
  },

  'draft-save-open': (ctx, input) => ctx.db.transaction(() => saveOpen(ctx.db, input.counter, input.data, ctx.at)).immediate(),

  'draft-hold': (ctx, input) => {
    if (input.data.lines.length === 0) throw new AppError('VALIDATION', 'This bill has no items to hold: add an item first', 'data.lines');
    const open = openRow(ctx.db, input.counter);
    if (open) prepared(ctx.db, 'DELETE FROM draft_bills WHERE id = ?').run(open.id);
    const id = Number(
      prepared(ctx.db, `INSERT INTO draft_bills (counter, status, label, data_json, created_at, updated_at) VALUES (?, 'HELD', ?, ?, ?, ?)`).run(
        input.counter,
        labelFor(input.data, input.label),
        JSON.stringify(input.data),
        open?.created_at ?? ctx.at,
        ctx.at,
      ).lastInsertRowid,
    );
    return toDraft(ctx.db, rowById(ctx.db, id)!);
  },

  'draft-list-held': (ctx) =>
    prepared<[], DbDraft>(ctx.db, `SELECT ${COLUMNS} FROM draft_bills WHERE status = 'HELD' ORDER BY updated_at, id`)
      .all()
      .map((r) => toDraft(ctx.db, r)),

  'draft-recall': (ctx, input) => {
    const held = rowById(ctx.db, input.draftId);
    if (!held || held.status !== 'HELD') throw new AppError('NOT_FOUND', 'That held bill is not there any more: it may have been recalled at another counter', 'draftId');
    const open = openRow(ctx.db, input.counter);
    if (open) {
      // The bill on the counter is not lost: it is held in the recalled one's place.
      const data = toDraft(ctx.db, open).data;
      if (isEmpty(data)) prepared(ctx.db, 'DELETE FROM draft_bills WHERE id = ?').run(open.id);
      else prepared(ctx.db, `UPDATE draft_bills SET status = 'HELD', label = ?, updated_at = ? WHERE id = ?`).run(labelFor(data, null), ctx.at, open.id);
    }
    prepared(ctx.db, `UPDATE draft_bills SET status = 'OPEN', counter = ?, label = NULL, updated_at = ? WHERE id = ?`).run(input.counter, ctx.at, held.id);
    return toDraft(ctx.db, rowById(ctx.db, held.id)!);
  },

  'draft-discard': (ctx, input) => {
    const row = rowById(ctx.db, input.draftId);
    if (!row) throw new AppError('NOT_FOUND', 'That bill is not there any more', 'draftId');
    const data = toDraft(ctx.db, row).data;
    ctx.auditNote(`${input.reason}: ${row.status} bill with ${data.lines.length} item(s)`);
    prepared(ctx.db, 'DELETE FROM draft_bills WHERE id = ?').run(row.id);
    return { discarded: row.id };
  },
};

export const draftReversers: ReverserTable<Names> = {};
