// Phrasings the engine got wrong on held-out batches, grouped by what they need (see the
// `weakness` field): misspelt short words, customer names that are also common words, "kal" said
// of the past, two commands without "aur", dates like 15/3, split payments, and which reminder to
// cancel. A shop (Arora Kiryana, Punjab) unlike both the eval's and test-shop's.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { frameRight, runIntentCli, type Labelled } from './frames';

const here = dirname(fileURLToPath(import.meta.url));

// The Arora batch was written first and the fixes made against it; the Joseph batch (other names
// that are words: Sara, Mila) and then the Patel one were written after, to check the fixes were
// general (first runs: 25/31 and 16/17; the misses they showed were fixed in general terms).
describe.each([
  ['arora-weak-spots.jsonl', 'arora-catalog.json'],
  ['joseph-weak-spots.jsonl', 'joseph-catalog.json'],
  ['patel-weak-spots.jsonl', 'patel-catalog.json'],
])('intent engine on its known weak spots (%s)', (utterances, catalog) => {
  it('gets at least 90% of frames right, and every kind of weakness mostly right', () => {
    const labels = readFileSync(join(here, utterances), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Labelled & { weakness: number });
    const preds = runIntentCli(labels, join(here, catalog), '2026-03-10T11:00:00+05:30');
    expect(preds).toHaveLength(labels.length);
    const wrong = labels.filter((l, i) => !frameRight(l, preds[i]!));
    const detail = wrong.map((l) => `[${l.weakness}] ${l.text} -> ${JSON.stringify(preds[labels.indexOf(l)])}`).join('\n');
    expect(wrong.length / labels.length, detail).toBeLessThanOrEqual(0.1);
    for (const kind of new Set(labels.map((l) => l.weakness))) {
      const all = labels.filter((l) => l.weakness === kind).length;
      const bad = wrong.filter((l) => l.weakness === kind).length;
      expect(bad, `weakness ${kind}: ${bad}/${all} wrong\n${detail}`).toBeLessThanOrEqual(Math.floor(all / 3));
    }
  });
});
