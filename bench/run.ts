// `npm run bench`: runs every benchmark in turn and prints its figures. Each bench module exports
// `run(): Promise<void>` and prints its own lines (ratios against a baseline measured in the same run).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const all = readdirSync(here);
const exact = (o: string) => all.includes(`${o}.bench.ts`);
const files = all
  .filter((f) => f.endsWith('.bench.ts'))
  // A name picks that bench ("voice" is not also "invoice"); otherwise any bench whose name contains it.
  .filter((f) => only.length === 0 || only.some((o) => f === `${o}.bench.ts` || (!exact(o) && f.includes(o))))
  .sort();
for (const f of files) {
  console.log(`\n## ${f.replace('.bench.ts', '')}`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run: () => Promise<void> };
  await mod.run();
}
