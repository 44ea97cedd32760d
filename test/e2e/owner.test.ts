// The screen opens as cashier; an owner action is refused by the command table and allowed after
// the owner's PIN.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../common/types';
import { rpc } from './api';
import { launchChromium, OWNER_PIN, openCounter, shot, startShop, typeSlowly, type Shop } from './shop';

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

describe('owner and cashier', () => {
  it('refuses a cashier adding a product, then the owner PIN allows it', async () => {
    shop = await startShop();
    page = await openCounter(browser, shop);
    expect(await page.getByTestId('role').textContent()).toBe('Cashier');

    await page.keyboard.press('Alt+p');
    await page.locator('[data-testid=products] tr', { hasText: 'Lux Soap' }).waitFor();
    await page.keyboard.press('F2');
    const form = page.locator('[data-testid=product-form]');
    await form.locator('input[name=name]').waitFor();
    await typeSlowly(page, 'Haldi Powder 100g');
    await page.keyboard.press('Tab');
    await typeSlowly(page, 'haldi, turmeric');
    await page.keyboard.press('Tab');
    await typeSlowly(page, '8901234500017');
    await page.keyboard.press('Tab');
    await typeSlowly(page, '35');
    await page.keyboard.press('Enter');

    const pin = page.locator('[data-testid=pin]');
    await pin.locator('.notice.error', { hasText: 'Only the owner can do this' }).waitFor();
    await shot(page, 'owner-1-refused');
    expect(await rpc<Product[]>(shop.url, 'product-search', { q: 'haldi' })).toEqual([]);

    await page.keyboard.type('1111');
    await page.keyboard.press('Enter');
    await pin.locator('.field-error').waitFor();
    expect(await rpc<Product[]>(shop.url, 'product-search', { q: 'haldi' })).toEqual([]);

    await page.keyboard.type(OWNER_PIN);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=product-notice]', { hasText: 'Saved Haldi Powder 100g.' }).waitFor();
    expect(await page.getByTestId('role').textContent()).toMatch(/^Owner until/);
    const made = await rpc<Product[]>(shop.url, 'product-search', { q: 'haldi' });
    expect(made).toMatchObject([{ name: 'Haldi Powder 100g', pricePaise: 3500, barcode: '8901234500017', aliases: ['haldi', 'turmeric'] }]);
    await shot(page, 'owner-2-allowed');

    // Locking goes back to cashier, and the next owner action is refused again.
    await page.keyboard.press('Alt+o');
    await expect.poll(() => page.getByTestId('role').textContent()).toBe('Cashier');
    await page.keyboard.press('F3');
    await form.locator('input[name=name]').waitFor();
    await page.keyboard.press('Enter');
    await pin.waitFor();
  });
});
