// A real shop for the end-to-end tests: the services and API on loopback (port 0) over a fresh data
// folder, filled through the commands the counter uses, and a Chromium page on it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Actor } from '../../common/actor';
import type { CommandInput, CommandName, CommandResult } from '../../common/commands';
import { startServer, type Running } from '../../main/server-main';
import { E2E_RENDERER_DIR, SHOTS_DIR } from './paths';

process.env.GALLA_RENDERER_DIR ??= E2E_RENDERER_DIR;

export const OWNER_PIN = '4321';
const owner: Actor = { role: 'owner', source: 'api', who: 'e2e' };

export const PRODUCTS = {
  lux: { name: 'Lux Soap 100g', aliases: ['lux', 'sabun'], barcode: '8901030865278', pricePaise: 4_000, stock: 40, gstRateBp: 1800, unit: 'piece' },
  parle: { name: 'Parle-G Biscuit 250g', aliases: ['parle', 'biskut'], barcode: '8901719110016', pricePaise: 2_500, stock: 100, gstRateBp: 500, unit: 'piece' },
  rice: { name: 'Sona Masoori Rice', aliases: ['chawal', 'rice'], barcode: '12345', pricePaise: 6_000, stock: 50, gstRateBp: 0, unit: 'kg' },
  tata: { name: 'Tata Salt 1kg', aliases: ['namak', 'salt'], barcode: '8904043901015', pricePaise: 2_800, stock: 60, gstRateBp: 0, unit: 'piece' },
  maggi: { name: 'Maggi Noodles 70g', aliases: ['maggi'], barcode: '8901058000290', pricePaise: 1_400, stock: 8, gstRateBp: 1200, unit: 'piece' },
  amul: { name: 'Amul Butter 100g', aliases: ['makhan', 'butter'], barcode: '8901262010016', pricePaise: 5_800, stock: 20, gstRateBp: 1200, unit: 'piece' },
} as const;

export interface Shop {
  running: Running;
  url: string;
  run<N extends CommandName>(name: N, input: CommandInput<N>): CommandResult<N>;
  ids: { products: Record<keyof typeof PRODUCTS, number>; ramesh: number; sunita: number };
  stop(): Promise<void>;
}

export async function startShop(): Promise<Shop> {
  const dataDir = mkdtempSync(join(tmpdir(), 'galla-e2e-'));
  const running = await startServer({ dataDir, port: 0, host: '127.0.0.1', demo: false, scheduler: false });
  const run = <N extends CommandName>(name: N, input: CommandInput<N>): CommandResult<N> => {
    const r = running.services.dispatcher.dispatch(name, input, owner);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as CommandResult<N>;
  };
  run('settings-update', { name: 'Sharma Kirana Store', address: 'Shop 4, Gandhi Chowk, Nagpur', state: 'Maharashtra', upiVpa: 'sharmakirana@okaxis', billPrefix: 'SK' });
  run('owner-pin-set', { pin: OWNER_PIN });
  const products = Object.fromEntries(Object.entries(PRODUCTS).map(([k, p]) => [k, run('product-create', { ...p, aliases: [...p.aliases] }).id])) as Shop['ids']['products'];
  const ramesh = run('customer-create', { name: 'Ramesh Kumar', phone: '9876543210', landmark: 'near the temple', creditLimitPaise: 500_000 }).id;
  const sunita = run('customer-create', { name: 'Sunita Devi', phone: '9123456780', creditLimitPaise: 300_000, openingBalancePaise: 45_000 }).id;
  return {
    running,
    url: running.url,
    run,
    ids: { products, ramesh, sunita },
    stop: async () => {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's Chromium, headless. `fakeMic`: a WAV file Chromium's fake microphone plays (in a loop),
 * with the permission prompt answered yes.
 */
export async function launchChromium(opts: { fakeMic?: string; args?: string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      ...(opts.fakeMic ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${opts.fakeMic}`] : []),
      ...(opts.args ?? []),
    ],
  });
}

/** `text` spoken by espeak-ng's English voice for the fake microphone: 48 kHz mono 16-bit, with silence before and after (seconds). */
export function fakeMicWav(dir: string, text: string, padBefore: number, padAfter: number): string {
  const raw = join(dir, 'say.wav');
  const wav = join(dir, 'fake.wav');
  execFileSync('espeak-ng', ['-v', 'en', '-s', '140', '-w', raw, text]);
  execFileSync('sox', [raw, '-r', '48000', '-c', '1', '-b', '16', wav, 'pad', String(padBefore), String(padAfter)]);
  return wav;
}

/** A fresh page (its own storage) on the shop's billing screen, ready for keys. */
export async function openCounter(browser: Browser, shop: Shop): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-IN' });
  // Anything the page's CSP refuses is recorded, so a test can show there was nothing to refuse.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(shop.url);
  await page.locator('body[data-ready="1"]').waitFor();
  await page.locator('#bill-search').waitFor();
  return page;
}

export const cspViolations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
}

/** Typed like a person: slower than a scanner, so it is not taken for one. */
export async function typeSlowly(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 60 });
}

/** A scanner: every key within a few milliseconds, then Enter. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 0 });
  await page.keyboard.press('Enter');
}
