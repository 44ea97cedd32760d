// Builds what Electron runs (it cannot run TypeScript): the main process and the services entry as
// ES modules that keep the source layout (dist/main/..., dist/common/...), so import.meta.url-relative
// files such as main/db/migrations still sit beside their module; and the preload as one CommonJS
// file, since a sandboxed preload cannot load modules of its own. Dependencies stay in node_modules.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'vite';

export const SHELL_ENTRIES = {
  'main/electron/main': 'main/electron/main.ts',
  'main/electron/services-entry': 'main/electron/services-entry.ts',
};

/** Packages that must not be bundled: every dependency, Electron, Node's own modules. */
export function externals(root: string): (id: string) => boolean {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const names = new Set(['electron', ...builtinModules, ...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]);
  return (id) => id.startsWith('node:') || names.has(id) || [...names].some((n) => id.startsWith(`${n}/`));
}

/** Source maps help while developing; packages go without them. */
export async function buildShell(root: string, opts: { sourcemap?: boolean } = {}): Promise<void> {
  for (const d of ['dist/main', 'dist/common', 'dist/preload']) rmSync(join(root, d), { recursive: true, force: true });
  const external = externals(root);
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir: 'dist',
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: opts.sourcemap ?? true,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(SHELL_ENTRIES).map(([k, v]) => [k, join(root, v)])),
        external,
        output: { format: 'es', preserveModules: true, preserveModulesRoot: root, entryFileNames: '[name].js' },
      },
    },
  });
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      outDir: 'dist/preload',
      emptyOutDir: true,
      target: 'chrome120',
      minify: false,
      sourcemap: false,
      lib: { entry: join(root, 'preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      rollupOptions: { external: ['electron'] },
    },
  });
  cpSync(join(root, 'main/db/migrations'), join(root, 'dist/main/db/migrations'), { recursive: true });
}
