// A full sale by keyboard only, and a khata sale followed by a payment.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiGet } from './api';
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
const total = (p: Page) => p.locator('.grand-total');

describe('the counter', () => {
  it('sells by keyboard alone: search, scan, quantity, customer, cash with change', async () => {
    shop = await startShop();
    page = await openCounter(browser, shop);

    // Type-ahead by Hinglish alias, Enter adds the chosen result.
    await typeSlowly(page, 'sabun');
    await page.locator('[data-testid=results] li.selected', { hasText: 'Lux Soap' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => lines(page).count()).toBe(1);

    // A scan is a fast burst of keys ending in Enter.
    await scan(page, PRODUCTS.parle.barcode);
    await expect.poll(() => lines(page).count()).toBe(2);
    await expect.poll(() => lines(page).nth(1).textContent()).toContain('Parle-G');

    // The scanned line is selected: F2 changes its quantity.
    await page.keyboard.press('F2');
    await page.locator('[data-testid=editor] input').waitFor();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => lines(page).nth(1).locator('.qty').textContent()).toContain('3');

    // Pick the customer by a fuzzy search.
    await page.keyboard.press('F7');
    await page.locator('[data-testid=picker] input').waitFor();
    await typeSlowly(page, 'ramesh');
    await page.locator('[data-testid=picker] li.selected', { hasText: 'Ramesh Kumar' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=bill-customer]', { hasText: 'Ramesh Kumar' }).waitFor();

    // Lux 40 + 18% = 47.20; Parle-G 3 × 25 = 75 + CGST 1.88 + SGST 1.88 (each half rounded) = 78.76; total 125.96.
    await expect.poll(() => total(page).textContent()).toBe('₹125.96');
    await shot(page, 'sale-1-bill');

    await page.keyboard.press('F9');
    await page.locator('[data-testid=tender] input[name=cash]').waitFor();
    await page.keyboard.type('200');
    await expect.poll(() => page.locator('[data-testid=change]').textContent()).toContain('₹74.04');
    await shot(page, 'sale-2-tender');
    await page.keyboard.press('Enter');

    const receipt = page.locator('[data-testid=receipt]');
    await receipt.waitFor();
    expect(await receipt.locator('[data-testid=receipt-total]').textContent()).toBe('₹125.96');
    expect(await receipt.locator('[data-testid=receipt-change]').textContent()).toContain('₹74.04');
    expect(await receipt.locator('[data-testid=receipt-number]').textContent()).toMatch(/SK\/\d{4}\/000001/);
    await shot(page, 'sale-3-receipt');

    // The sale is in the books; the counter is ready for the next bill.
    const { invoices } = await apiGet<{ invoices: { total: string; paymentMode: string; customerName: string; items: { quantity: number }[] }[] }>(shop.url, '/api/v1/invoices');
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ total: '125.96', paymentMode: 'cash', customerName: 'Ramesh Kumar' });
    expect(invoices[0]!.items.map((i) => i.quantity)).toEqual([1, 3]);
    await page.keyboard.press('Enter');
    await expect.poll(() => lines(page).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('bill-search');
  });

  it('puts a bill on the khata, then takes a payment on the khata screen', async () => {
    shop = await startShop();
    page = await openCounter(browser, shop);
    const balance = async () => (await apiGet<{ customer: { balance: string } }>(shop.url, `/api/v1/customers/${shop.ids.sunita}`)).customer.balance;
    expect(await balance()).toBe('450.00');

    await scan(page, PRODUCTS.tata.barcode);
    await scan(page, PRODUCTS.tata.barcode);
    await expect.poll(() => lines(page).first().locator('.qty').textContent()).toContain('2');
    await page.keyboard.press('F7');
    await typeSlowly(page, 'sunita');
    await page.locator('[data-testid=picker] li.selected', { hasText: 'Sunita Devi' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=bill-customer]', { hasText: '₹450.00' }).waitFor();

    await page.keyboard.press('F9');
    await page.locator('[data-testid=tender]').waitFor();
    await page.keyboard.press('k');
    await page.locator('[data-testid=tender]', { hasText: 'Balance after this bill: ₹506.00' }).waitFor();
    await shot(page, 'khata-1-tender');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=receipt]', { hasText: 'On khata' }).waitFor();
    expect(await balance()).toBe('506.00');
    await page.keyboard.press('Escape');

    // The khata screen: oldest dues first, Sunita's statement, a payment of ₹200 by UPI.
    await page.keyboard.press('Alt+k');
    await page.locator('[data-testid=balances] tr', { hasText: 'Sunita Devi' }).waitFor();
    await page.locator('[data-testid=statement-balance]', { hasText: '₹506.00' }).waitFor();
    await page.keyboard.press('F2');
    await page.locator('[data-testid=khata-form] input[name=amount]').waitFor();
    await page.keyboard.type('200');
    await page.keyboard.press('u');
    await page.locator('[data-testid=khata-form] button.active', { hasText: 'UPI' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=khata-notice]', { hasText: 'Sunita Devi now owes ₹306.00' }).waitFor();
    await page.locator('[data-testid=statement] tr', { hasText: 'UPI' }).waitFor();
    await shot(page, 'khata-2-statement');
    expect(await balance()).toBe('306.00');

    // Sharing: the statement as text and a wa.me link to her number.
    await page.keyboard.press('F4');
    const link = await page.locator('[data-testid=wa-link]').getAttribute('href');
    expect(link).toMatch(/^https:\/\/wa\.me\/919123456780\?text=/);
    expect(decodeURIComponent(link!.split('text=')[1]!)).toContain('Balance due: ₹306.00');
    await shot(page, 'khata-3-share');
  });
});
