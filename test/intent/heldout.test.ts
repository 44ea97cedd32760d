// A second shop and phrasings written apart from ../shared/eval (different names, products, state,
// word order), run through the same `npm run intent` command: the engine must generalise.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

interface Labelled {
  text: string;
  intent: string;
  entities: Record<string, unknown>;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sortItems = (v: unknown) =>
  Array.isArray(v) ? [...(v as { product: string }[])].sort((x, y) => x.product.localeCompare(y.product)) : v;

function frameRight(label: Labelled, pred: Labelled): boolean {
  if (label.intent !== pred.intent) return false;
  return Object.entries(label.entities).every(([k, v]) => {
    const p = pred.entities?.[k];
    if (k === 'items') return sameValue(sortItems(v), sortItems(p));
    if (k === 'candidates') return sameValue([...(v as string[])].sort(), [...((p as string[]) ?? [])].sort());
    if (k === 'datetime') return typeof p === 'string' && Date.parse(p) === Date.parse(v as string);
    return sameValue(v ?? null, p ?? null);
  });
}

describe('intent engine on a shop it has not seen', () => {
  it('gets at least 90% of frames right through npm run intent', () => {
    const input = readFileSync(join(here, 'patel-utterances.jsonl'), 'utf8');
    const labels = input.trim().split('\n').map((l) => JSON.parse(l) as Labelled);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'main/voice/intent/cli.ts'), '--catalog', join(here, 'patel-catalog.json'), '--now', '2026-03-10T11:00:00+05:30'], {
      input,
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const preds = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Labelled & { path: string; ms: number });
    expect(preds).toHaveLength(labels.length);
    const wrong = labels.filter((l, i) => !frameRight(l, preds[i]!)).map((l) => l.text);
    expect(preds.every((p) => p.path === 'rules' && typeof p.ms === 'number')).toBe(true);
    expect(wrong.length / labels.length, `wrong: ${wrong.join(' | ')}`).toBeLessThanOrEqual(0.1);
  });
});
