// Held and recalled bills, bad input refused where it was typed, and a reload in the middle of a bill.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../common/commands/drafts';
import { rpc } from './api';
import { launchChromium, openCounter, PRODUCTS, scan, shot, startShop, typeSlowly, type Shop } from './shop';

let browser: Browser;
let shop: Shop;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());
afterEach(async () => {
  await page?.context().close();
  await shop?.stop();
});

const lines = (p: Page) => p.locator('[data-testid=bill-line]');
const names = (p: Page) => p.locator('[data-testid=bill-line] td.item').allTextContents();
const saved = (p: Page) => p.locator('[data-testid=save-state]', { hasText: 'Bill kept safe' }).waitFor();
const openDraft = (s: Shop) => rpc<Draft | null>(s.url, 'draft-get-open', { counter: 'main' });

describe('bills at the counter', () => {
  it('holds bills and recalls one later, the bill on the counter held in its place', async () => {
    shop = await startShop();
    page = await openCounter(browser, shop);
    await scan(page, PRODUCTS.lux.barcode);
    await saved(page);
    await page.keyboard.press('F8');
    await expect.poll(() => lines(page).count()).toBe(0);
    await page.locator('.held-badge', { hasText: '1 held' }).waitFor();

    await scan(page, PRODUCTS.parle.barcode);
    await scan(page, PRODUCTS.tata.barcode);
    // Both lines on screen before F8, as the cashier sees them ("Bill kept safe" may still be showing
    // from the last save while the second scan resolves).
    await expect.poll(() => lines(page).count()).toBe(2);
    await saved(page);
    await page.keyboard.press('F8');
    await page.locator('.held-badge', { hasText: '2 held' }).waitFor();

    await scan(page, PRODUCTS.maggi.barcode);
    await expect.poll(() => lines(page).count()).toBe(1);
    await saved(page);
    await page.keyboard.press('Shift+F8');
    const held = page.locator('[data-testid=held] li');
    await expect.poll(() => held.count()).toBe(2);
    await shot(page, 'held-1-list');
    // Oldest first: the Lux bill is chosen; Enter brings it back.
    await page.keyboard.press('Enter');
    await expect.poll(() => names(page)).toEqual([expect.stringContaining('Lux Soap')]);

    const stillHeld = await rpc<Draft[]>(shop.url, 'draft-list-held');
    expect(stillHeld.map((d) => d.data.lines.map((l) => l.name))).toEqual(expect.arrayContaining([[PRODUCTS.parle.name, PRODUCTS.tata.name], [PRODUCTS.maggi.name]]));
    expect((await openDraft(shop))!.data.lines.map((l) => l.name)).toEqual([PRODUCTS.lux.name]);
    await shot(page, 'held-2-recalled');
  });

  it('refuses bad input where it was typed and changes nothing', async () => {
    shop = await startShop();
    page = await openCounter(browser, shop);
    await scan(page, PRODUCTS.lux.barcode);
    await saved(page);
    const before = (await openDraft(shop))!.data;

    const editor = page.locator('[data-testid=editor]');
    for (const bad of ['0', '-2', 'abc', '1.2345']) {
      await page.keyboard.press('F2');
      await editor.locator('input').waitFor();
      await page.keyboard.type(bad);
      await page.keyboard.press('Enter');
      await editor.locator('.field-error').waitFor();
      expect(await editor.locator('.field-error').textContent()).toMatch(/Quantity (must be more than 0|can have at most 3 decimals)/);
      if (bad === '-2') await shot(page, 'bad-1-quantity');
      await page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached' });
    }
    await page.keyboard.press('F3');
    await editor.locator('input').waitFor();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await editor.locator('.field-error', { hasText: 'Price must be an amount like 45 or 45.50' }).waitFor();
    await shot(page, 'bad-2-price');
    await page.keyboard.press('Escape');

    await scan(page, '8900000000017');
    await page.locator('[data-testid=bill-error]', { hasText: 'Barcode 8900000000017 is not in your products. Nothing was added.' }).waitFor();
    await shot(page, 'bad-3-barcode');

    expect(await lines(page).count()).toBe(1);
    expect(await lines(page).first().locator('.qty').textContent()).toContain('1');
    expect((await openDraft(shop))!.data).toEqual(before);
    // Walk-in khata is refused in the payment panel, and the bill stays.
    await page.keyboard.press('F9');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=tender-error]', { hasText: 'Khata needs a customer' }).waitFor();
    await page.keyboard.press('Escape');
    expect((await openDraft(shop))!.data).toEqual(before);
  });

  it('brings the bill back after a reload in the middle of it', async () => {
    shop = await startShop();
    page = await openCounter(browser, shop);
    await scan(page, PRODUCTS.lux.barcode);
    await typeSlowly(page, '2*chawal');
    await page.locator('[data-testid=results] li.selected', { hasText: 'Rice' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => lines(page).count()).toBe(2);
    await page.keyboard.press('F7');
    await typeSlowly(page, 'ramesh');
    await page.locator('[data-testid=picker] li.selected', { hasText: 'Ramesh Kumar' }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+F4');
    await page.locator('[data-testid=editor] input').waitFor();
    await page.keyboard.type('7.20');
    await page.keyboard.press('Enter');
    // 40 + 7.20 GST, 2 kg rice 120; discount 7.20 spread: total 160.00 + GST on the soap's share.
    await saved(page);
    const totalBefore = await page.locator('.grand-total').textContent();

    await page.reload();
    await page.locator('body[data-ready="1"]').waitFor();
    await expect.poll(() => lines(page).count()).toBe(2);
    expect(await names(page)).toEqual([expect.stringContaining('Lux Soap'), expect.stringContaining('Sona Masoori Rice')]);
    expect(await lines(page).nth(1).locator('.qty').textContent()).toContain('2');
    await page.locator('[data-testid=bill-customer]', { hasText: 'Ramesh Kumar' }).waitFor();
    expect(await page.locator('.grand-total').textContent()).toBe(totalBefore);
    await shot(page, 'reload-1-restored');
  });
});
