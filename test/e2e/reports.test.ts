// The owner's reports on Today: GSTR-1 downloaded as the GST offline tool's JSON (first refused in
// words with where to set the shop's GSTIN), and sales and GST for the month; hidden for the cashier.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gstinCheckChar } from '../../common/gstin';
import { formatRupees } from '../../common/money';
import type { Gstr1Json } from '../../common/reports';
import { istMonth } from '../../renderer/lib/report-month';
import { cspViolations, launchChromium, OWNER_PIN, openCounter, shot, startShop, type Shop } from './shop';

const SHOP_GSTIN = '27AAPFS1234K1Z' + gstinCheckChar('27AAPFS1234K1Z');
const BUYER_GSTIN = '27AABCG5678L1Z' + gstinCheckChar('27AABCG5678L1Z');

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

describe('owner reports on Today', () => {
  it('hides them from the cashier; the owner sees this month’s sales and downloads GSTR-1 once the GSTIN is set', async () => {
    shop = await startShop();
    const { lux, parle, amul } = shop.ids.products;
    // A walk-in bill (B2C) and one to a business with a GSTIN (B2B), both this month.
    const walkIn = shop.run('invoice-create', { items: [{ productId: lux, quantity: 30, discountPaise: 0 }, { productId: parle, quantity: 1, discountPaise: 0 }], paymentMode: 'cash', discountPaise: 0, applyGst: true, allowOverCreditLimit: false });
    const buyer = shop.run('customer-create', { name: 'Gupta Traders', phone: '9822012345', gstin: BUYER_GSTIN, state: 'Maharashtra' });
    const b2b = shop.run('invoice-create', { customerId: buyer.id, items: [{ productId: amul, quantity: 1, discountPaise: 0 }], paymentMode: 'upi', discountPaise: 0, applyGst: true, allowOverCreditLimit: false });
    const thisMonth = istMonth(Date.now());

    page = await openCounter(browser, shop);
    await page.keyboard.press('Alt+t');
    await page.getByTestId('today').waitFor();
    expect(await page.getByTestId('reports').count()).toBe(0);
    await shot(page, 'reports-1-cashier');

    await page.keyboard.press('Alt+o');
    await page.locator('[data-testid=pin]').waitFor();
    await page.keyboard.type(OWNER_PIN);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('role').textContent()).toMatch(/^Owner until/);
    const reports = page.getByTestId('reports');
    await reports.waitFor();
    const month = page.locator('input[name=report-month]');
    // GSTR-1 is filed for the month gone by, so that is where the picker starts.
    expect(await month.inputValue()).toBe(istMonth(Date.now(), 1));

    await page.keyboard.press('Alt+m');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('report-month');
    await month.fill(thisMonth);
    const sales = page.getByTestId('sales-report');
    await sales.locator('tr', { hasText: 'Billed (net + GST)' }).locator('.money', { hasText: formatRupees(walkIn.totalPaise + b2b.totalPaise) }).waitFor();
    expect(walkIn.totalPaise + b2b.totalPaise).toBeGreaterThan(100_000); // shown with Indian grouping, ₹1,xxx.xx
    expect(await sales.locator('tr', { hasText: 'Bills' }).first().locator('td').textContent()).toBe('2');
    expect(await sales.locator('tr', { hasText: 'Received in cash' }).locator('.money').textContent()).toBe(formatRupees(walkIn.totalPaise));
    expect(await reports.getByTestId('no-profit').textContent()).toContain('purchase prices');

    // No GSTIN yet: the owner is told so, and where to set it.
    await page.keyboard.press('Alt+g');
    await reports.getByTestId('gstr1-error').locator('text=Set it in Settings (Alt+S)').waitFor();
    await reports.scrollIntoViewIfNeeded();
    await shot(page, 'reports-2-no-gstin');

    await page.keyboard.press('Alt+s');
    const gstinBox = page.locator('input[name=gstin]');
    await gstinBox.waitFor();
    await gstinBox.fill(SHOP_GSTIN);
    await gstinBox.press('Enter');
    await page.getByTestId('settings-notice').waitFor();

    await page.keyboard.press('Alt+t');
    await reports.waitFor();
    expect(await month.inputValue()).toBe(thisMonth);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Alt+g')]);
    const fp = `${thisMonth.slice(5)}${thisMonth.slice(0, 4)}`;
    expect(download.suggestedFilename()).toBe(`GSTR1-${SHOP_GSTIN}-${fp}.json`);
    const json = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Gstr1Json;
    expect(json).toMatchObject({ gstin: SHOP_GSTIN, fp });
    expect(json.b2b).toMatchObject([{ ctin: BUYER_GSTIN, inv: [{ inum: b2b.number }] }]);
    const result = reports.getByTestId('gstr1-result');
    await result.waitFor();
    expect(await result.getByTestId('gstr1-b2b').textContent()).toBe('1');
    expect(await result.getByTestId('gstr1-b2c').textContent()).toBe('1');
    expect(await result.textContent()).toContain(formatRupees(walkIn.taxPaise + b2b.taxPaise));
    await result.scrollIntoViewIfNeeded();
    await shot(page, 'reports-3-gstr1');
    // The download needed nothing the screen's CSP forbids.
    expect(await cspViolations(page)).toEqual([]);

    await page.keyboard.press('Alt+l');
    await reports.locator('h2', { hasText: 'रिपोर्ट' }).waitFor();
    await reports.scrollIntoViewIfNeeded();
    await shot(page, 'reports-4-hindi');
    await page.keyboard.press('Alt+l');

    // Locked again: the cashier's Today has no reports, and Alt+G does nothing.
    await page.keyboard.press('Alt+o');
    await expect.poll(() => page.getByTestId('role').textContent()).toBe('Cashier');
    expect(await page.getByTestId('reports').count()).toBe(0);
  });
});
