// `npm run dist [-- --linux | --win]`: the installers, on the OS they are for. Builds the screen and
// the Electron shell, then runs electron-builder (under tsx, so electron-builder.yml's afterPack hook
// can be TypeScript) without npm's nodedir, which would make the native rebuild use Node's headers.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildShell } from '../build';
import { electronBuildEnv } from '../native';

export function targetFlags(argv: string[], platform: NodeJS.Platform = process.platform): string[] {
  const asked = argv.filter((a) => a === '--linux' || a === '--win');
  if (asked.length > 0) return asked;
  return [platform === 'win32' ? '--win' : '--linux'];
}

async function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const require = createRequire(join(root, 'package.json'));
  if (!existsSync(join(root, 'renderer', 'index.html'))) throw new Error('renderer/index.html is missing: there is no screen to package yet.');
  const vite = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (vite.status !== 0) throw new Error('The screen did not build (vite build).');
  await buildShell(root, { sourcemap: false });
  const cli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...targetFlags(process.argv.slice(2)), '--publish', 'never'], {
    cwd: root,
    stdio: 'inherit',
    env: electronBuildEnv(process.env),
  });
  if (r.status !== 0) throw new Error(`electron-builder failed (exit ${r.status}).`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}
