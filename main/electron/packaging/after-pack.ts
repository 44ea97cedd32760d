// electron-builder's afterPack hook (loaded by `npm run dist`, which runs electron-builder under
// tsx): refuse a package whose better_sqlite3.node was built for another ABI than its Electron's.
// electron-rebuild can print success while building against Node's headers when npm's nodedir is set.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nodeModuleAbiOf } from '../native';

/** Every better_sqlite3.node under a packed app folder. */
export function findSqliteBindings(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name === 'better_sqlite3.node') out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function checkPackedAbi(appOutDir: string, electronAbi: number): void {
  const files = findSqliteBindings(appOutDir);
  if (files.length === 0) throw new Error(`No better_sqlite3.node in ${appOutDir}: is asarUnpack set for *.node?`);
  for (const f of files) {
    const abi = nodeModuleAbiOf(readFileSync(f));
    if (abi !== electronAbi) {
      throw new Error(`${f} is built for ABI ${abi ?? 'unknown'}, but this Electron needs ${electronAbi}. Package with \`npm run dist\` (it clears npm's nodedir) on the target OS.`);
    }
  }
}

export default async function afterPack(context: { appOutDir: string }): Promise<void> {
  const abi = Number(readFileSync(join(process.cwd(), 'node_modules', 'electron', 'abi_version'), 'utf8').trim());
  checkPackedAbi(context.appOutDir, abi);
}
