// npm run -s intent -- --catalog FILE --now ISO
// Loads the catalog into a fresh in-memory shop through the commands, then reads JSON lines with
// at least "text" on stdin and writes one JSON line per input line, in order:
// {"text", "intent", "entities", "ms", "path"}. Each line is a fresh utterance (no conversation).
// Nothing but those lines goes to stdout; problems go to stderr with a non-zero exit.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Actor } from '../../../common/actor';
import { fixedClock } from '../../commands/context';
import { createServices } from '../../services';
import type { FallbackParser } from '../types';
import { IntentEngine } from './engine';
import { loadCatalog } from './load-catalog';
import { dispatcherShop } from './shop';
import { warmUp } from './warm';

const VOICE: Actor = { role: 'cashier', source: 'voice', who: 'intent-cli' };

/** The fallback model, only when one is installed and loads; otherwise the rules alone. */
async function installedFallback(): Promise<FallbackParser | null> {
  if (process.env.GALLA_INTENT_FALLBACK === 'off') return null;
  try {
    const { createLlamaFallbackParser } = await import('../llm/parser');
    const parser = createLlamaFallbackParser();
    const status = await parser.available();
    return status.ok ? parser : null;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  // stdout carries the JSON lines and nothing else: any log line goes to stderr.
  console.log = (...args: unknown[]) => console.error(...args);
  console.info = console.log;
  const { values } = parseArgs({ options: { catalog: { type: 'string' }, now: { type: 'string' } } });
  if (!values.catalog) {
    process.stderr.write('usage: npm run -s intent -- --catalog FILE [--now ISO] < utterances.jsonl\n');
    return 2;
  }
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`--now is not an ISO 8601 time: ${values.now}\n`);
    return 2;
  }
  const services = createServices({ dataDir: null, clock: fixedClock(now) });
  try {
    loadCatalog(services.dispatcher, JSON.parse(readFileSync(values.catalog, 'utf8')));
    const shop = dispatcherShop(services.dispatcher, VOICE);
    const engine = new IntentEngine(shop, { fallback: await installedFallback() });
    // Build the catalog matcher and the customer index and let V8 compile the engine first, so the
    // first lines are not charged for it.
    warmUp(engine, shop, now);

    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      let text = '';
      try {
        const row = JSON.parse(line) as { text?: unknown };
        text = typeof row.text === 'string' ? row.text : '';
      } catch {
        process.stderr.write(`not a JSON line: ${line.slice(0, 80)}\n`);
      }
      const t0 = performance.now();
      const frames = await engine.understand(text, now);
      const ms = performance.now() - t0;
      const frame = frames[0]!;
      const out = { text, intent: frame.intent, entities: frame.entities, ms: Math.round(ms * 1000) / 1000, path: frame.path, ...(frames.length > 1 ? { more: frames.slice(1).map((f) => ({ intent: f.intent, entities: f.entities })) } : {}) };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
    return 0;
  } finally {
    services.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`intent: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
