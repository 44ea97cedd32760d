// Runs `npm run intent`'s CLI over labelled lines and tells which frames came out right, with the
// same rules as ../shared/eval/score.py (items in any order, datetimes as instants) plus the
// second and later commands of one sentence (`more`).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface LabelledFrame {
  intent: string;
  entities: Record<string, unknown>;
}

export interface Labelled extends LabelledFrame {
  text: string;
  more?: LabelledFrame[];
}

export interface Predicted extends Labelled {
  ms: number;
  path: string;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sortItems = (v: unknown) => (Array.isArray(v) ? [...(v as { product: string }[])].sort((x, y) => x.product.localeCompare(y.product)) : v);

function oneFrameRight(label: LabelledFrame, pred: LabelledFrame | undefined): boolean {
  if (!pred || label.intent !== pred.intent) return false;
  return Object.entries(label.entities).every(([k, v]) => {
    const p = pred.entities?.[k];
    if (k === 'items') return sameValue(sortItems(v), sortItems(p));
    if (k === 'candidates') return sameValue([...(v as string[])].sort(), [...((p as string[]) ?? [])].sort());
    if (k === 'datetime') return typeof p === 'string' && Date.parse(p) === Date.parse(v as string);
    return sameValue(v ?? null, p ?? null);
  });
}

/** Every frame right, and no command more or fewer than labelled. */
export function frameRight(label: Labelled, pred: Predicted): boolean {
  const more = label.more ?? [];
  if ((pred.more ?? []).length !== more.length) return false;
  return oneFrameRight(label, pred) && more.every((m, i) => oneFrameRight(m, pred.more![i]));
}

/** The CLI's answers for these lines, over this catalog, at this time. */
export function runIntentCli(labels: readonly Labelled[], catalog: string, now: string): Predicted[] {
  const input = labels.map((l) => JSON.stringify({ text: l.text })).join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'main/voice/intent/cli.ts'), '--catalog', catalog, '--now', now], {
    input,
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, GALLA_INTENT_FALLBACK: 'off' },
  });
  if (r.status !== 0) throw new Error(`intent CLI failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Predicted);
}
