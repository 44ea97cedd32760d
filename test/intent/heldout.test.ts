// A second shop and phrasings written apart from ../shared/eval (different names, products, state,
// word order), run through the same `npm run intent` command: the engine must generalise.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { frameRight, type Labelled, runIntentCli } from './frames';

const here = dirname(fileURLToPath(import.meta.url));

describe('intent engine on a shop it has not seen', () => {
  it('gets at least 90% of frames right through npm run intent', () => {
    const labels = readFileSync(join(here, 'patel-utterances.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Labelled);
    const preds = runIntentCli(labels, join(here, 'patel-catalog.json'), '2026-03-10T11:00:00+05:30');
    expect(preds).toHaveLength(labels.length);
    const wrong = labels.filter((l, i) => !frameRight(l, preds[i]!)).map((l) => l.text);
    expect(preds.every((p) => p.path === 'rules' && typeof p.ms === 'number')).toBe(true);
    expect(wrong.length / labels.length, `wrong: ${wrong.join(' | ')}`).toBeLessThanOrEqual(0.1);
  });
});
