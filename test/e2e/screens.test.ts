// A UPI sale with its QR, then the Today, Products (low stock) and Settings screens, and Hindi.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eanCheckDigit } from '../../renderer/lib/scale';
import { cspViolations, launchChromium, openCounter, PRODUCTS, scan, shot, startShop, type Shop } from './shop';

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

describe('the other screens', () => {
  it('takes UPI with a upi://pay QR, then shows today, low stock, settings and Hindi', async () => {
    shop = await startShop();
    page = await openCounter(browser, shop);
    await scan(page, PRODUCTS.amul.barcode);
    await scan(page, PRODUCTS.maggi.barcode);
    await page.locator('[data-testid=save-state]', { hasText: 'Bill kept safe' }).waitFor();
    await page.keyboard.press('F9');
    await page.keyboard.press('u');
    const qr = page.getByTestId('upi-qr');
    await qr.waitFor();
    // 58 + 12% = 64.96; 14 + 12% = 15.68; 80.64, with the bill number expected next as the reference.
    expect(await qr.getAttribute('data-url')).toBe('upi://pay?pa=sharmakirana%40okaxis&pn=Sharma%20Kirana%20Store&am=80.64&cu=INR&tr=SK%2F' + (await fy(page)) + '%2F000001&tn=Bill%20SK%2F' + (await fy(page)) + '%2F000001');
    await shot(page, 'screens-1-upi');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=receipt]', { hasText: 'Paid by UPI' }).waitFor();
    await page.keyboard.press('Enter');

    await page.keyboard.press('Alt+t');
    await page.getByTestId('today').locator('.tile.big', { hasText: '₹80.64' }).first().waitFor();
    expect(await page.locator('.chart rect.bar').count()).toBeGreaterThan(0);
    await shot(page, 'screens-2-today');

    await page.keyboard.press('Alt+p');
    await page.keyboard.press('F6');
    await expect.poll(() => page.locator('[data-testid=products] tbody tr').allTextContents()).toEqual([expect.stringContaining('Maggi')]);
    await shot(page, 'screens-3-low-stock');

    await page.keyboard.press('Alt+s');
    await page.locator('input[name=vpa]').waitFor();
    expect(await page.locator('input[name=vpa]').inputValue()).toBe('sharmakirana@okaxis');
    await shot(page, 'screens-4-settings');

    await page.keyboard.press('Alt+b');
    await page.keyboard.press('F1');
    await page.getByTestId('help').locator('li', { hasText: 'Hold bill' }).waitFor();
    await shot(page, 'screens-5-help');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+l');
    await page.locator('nav', { hasText: 'बिलिंग' }).waitFor();
    await shot(page, 'screens-6-hindi');
    // The choice is this counter's and survives a reload.
    const response = await page.reload();
    await page.locator('nav', { hasText: 'बिलिंग' }).waitFor();
    // The screen runs under a strict CSP, and nothing on it needed what the CSP forbids.
    const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(await cspViolations(page)).toEqual([]);
  });
});

describe('weighing-scale labels', () => {
  it('adds loose rice by the weight printed in the label, and refuses a misread label', async () => {
    shop = await startShop();
    page = await openCounter(browser, shop);
    // Prefix 2, item 12345 (the rice's code), 01250 g, check digit.
    const body = `2${PRODUCTS.rice.barcode}01250`;
    await scan(page, body + eanCheckDigit(body));
    const line = page.locator('[data-testid=bill-line]').first();
    await line.waitFor();
    expect(await line.textContent()).toContain('Sona Masoori Rice');
    expect(await line.locator('.qty').textContent()).toBe('1.25 kg');
    // 1.25 kg at ₹60.00
    await expect.poll(() => page.locator('.grand-total').textContent()).toBe('₹75.00');
    await scan(page, body + ((eanCheckDigit(body) + 1) % 10));
    await page.locator('[data-testid=bill-error]', { hasText: 'The scale label did not read right' }).waitFor();
    expect(await page.locator('[data-testid=bill-line]').count()).toBe(1);
    await shot(page, 'scale-1-label');
  });
});

/** The financial year as the page's clock sees it ("2627"). */
async function fy(page: Page): Promise<string> {
  return page.evaluate(() => {
    const ist = new Date(Date.now() + 5.5 * 3_600_000);
    const start = ist.getUTCMonth() >= 3 ? ist.getUTCFullYear() : ist.getUTCFullYear() - 1;
    return `${String(start % 100).padStart(2, '0')}${String((start + 1) % 100).padStart(2, '0')}`;
  });
}
