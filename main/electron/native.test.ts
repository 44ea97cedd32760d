import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cachedBindingPath, electronBuildEnv, electronInfo, ensureElectronSqlite, nodeModuleAbiOf } from './native';
import { checkPackedAbi } from './packaging/after-pack';

const base = mkdtempSync(join(tmpdir(), 'galla-native-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const fakeAddon = (abi: number) => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]), Buffer.from(`\0node_register_module_v${abi}\0`)]);

describe('native module ABI', () => {
  it('reads the ABI that node_modules’ better-sqlite3 registers: this Node’s', () => {
    const require = createRequire(import.meta.url);
    const file = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    expect(nodeModuleAbiOf(readFileSync(file))).toBe(Number(process.versions.modules));
    expect(nodeModuleAbiOf(Buffer.from('no symbol here'))).toBeNull();
  });

  it('knows the installed Electron’s version and ABI', () => {
    const require = createRequire(import.meta.url);
    const info = electronInfo(dirname(require.resolve('electron/package.json')));
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.abi).toBeGreaterThan(Number(process.versions.modules));
  });

  it('builds for Electron without npm’s nodedir (it makes node-gyp use Node’s headers)', () => {
    expect(electronBuildEnv({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });

  it('uses a cached Electron build of the right ABI without building', () => {
    const root = join(base, 'cached');
    const e = { dir: '', version: '45.4.1', abi: 150 };
    const target = cachedBindingPath(root, e);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, fakeAddon(150));
    const run = vi.fn();
    expect(ensureElectronSqlite(root, e, run)).toEqual({ ok: true, path: target, built: false });
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a build that says it succeeded but registers Node’s ABI', () => {
    const root = join(base, 'wrong');
    mkdirSync(join(root, 'node_modules', 'better-sqlite3'), { recursive: true });
    mkdirSync(join(root, 'node_modules', 'node-gyp', 'bin'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), '');
    const e = { dir: '', version: '45.4.1', abi: 150 };
    const run = vi.fn((_cmd: string, a: string[], o: { cwd: string; env: NodeJS.ProcessEnv }) => {
      expect(a).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', '--target=45.4.1']));
      expect(o.env.npm_config_nodedir).toBeUndefined();
      mkdirSync(join(o.cwd, 'build', 'Release'), { recursive: true });
      writeFileSync(join(o.cwd, 'build', 'Release', 'better_sqlite3.node'), fakeAddon(115));
      return { status: 0, output: 'gyp info ok' };
    });
    expect(ensureElectronSqlite(root, e, run)).toEqual({ ok: false, reason: expect.stringMatching(/ABI 115, not Electron's 150/) });
  });

  it('the packaging hook refuses a package with a Node-ABI better_sqlite3.node', () => {
    const app = join(base, 'linux-unpacked', 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'better_sqlite3.node'), fakeAddon(115));
    expect(() => checkPackedAbi(join(base, 'linux-unpacked'), 150)).toThrow(/ABI 115, but this Electron needs 150/);
    writeFileSync(join(app, 'better_sqlite3.node'), fakeAddon(150));
    expect(() => checkPackedAbi(join(base, 'linux-unpacked'), 150)).not.toThrow();
    expect(() => checkPackedAbi(mkdtempSync(join(base, 'empty-')), 150)).toThrow(/No better_sqlite3.node/);
  });
});
