import { describe, expect, it } from 'vitest';
import { parseQuantity, parseRupees, paiseToInput, splitQuantityPrefix } from './parse';
import { DEFAULT_SCALE, eanCheckDigit, quantityForPrice, readScaleLabel } from './scale';
import { isBarcodeLike, KeyBurst, looksLikeScan } from './scanner';
import { statementText, whatsappLink } from './share';
import { expectedNextBillNumber, financialYearOf, upiPayUrl } from './upi';
import { keyName } from '../actions/keyboard';

const label = (body: string) => body + eanCheckDigit(body);

describe('what the cashier types', () => {
  it('takes quantities above zero with at most 3 decimals', () => {
    expect(parseQuantity('2')).toEqual({ ok: true, value: 2 });
    expect(parseQuantity(' 0.25 ')).toEqual({ ok: true, value: 0.25 });
    expect(parseQuantity('1,5')).toEqual({ ok: true, value: 1.5 });
    for (const bad of ['0', '-2', '', 'abc', '1e3', '0.000']) expect(parseQuantity(bad)).toMatchObject({ ok: false, error: 'error.quantity' });
    expect(parseQuantity('1.2345')).toEqual({ ok: false, error: 'error.quantityDecimals' });
  });

  it('takes rupees with at most 2 decimals as paise; empty and zero are refused unless allowed', () => {
    expect(parseRupees('45')).toEqual({ ok: true, value: 4500 });
    expect(parseRupees('₹1,250.5')).toEqual({ ok: true, value: 125_050 });
    expect(parseRupees('')).toEqual({ ok: false, error: 'error.price' });
    expect(parseRupees('0')).toEqual({ ok: false, error: 'error.price' });
    expect(parseRupees('0', 'error.discount', { allowZero: true })).toEqual({ ok: true, value: 0 });
    expect(parseRupees('4.555')).toMatchObject({ ok: false });
    expect(paiseToInput(4550)).toBe('45.50');
    expect(paiseToInput(4500)).toBe('45');
  });

  it('reads a quantity typed before the product', () => {
    expect(splitQuantityPrefix('2*maggi')).toEqual({ quantity: 2, q: 'maggi' });
    expect(splitQuantityPrefix('0.5 x atta')).toEqual({ quantity: 0.5, q: 'atta' });
    expect(splitQuantityPrefix('maggi 2')).toEqual({ quantity: null, q: 'maggi 2' });
  });
});

describe('weighing-scale labels', () => {
  it('reads weight or price from a label with the configured layout and checks the check digit', () => {
    expect(readScaleLabel(label('212345' + '01250'), DEFAULT_SCALE)).toEqual({ kind: 'weight', itemCode: '12345', quantity: 1.25 });
    expect(readScaleLabel(label('212345' + '04999'), { ...DEFAULT_SCALE, valueKind: 'price' })).toEqual({ kind: 'price', itemCode: '12345', pricePaise: 4999 });
    expect(readScaleLabel(label('2212345' + '0500').slice(0, 13), { ...DEFAULT_SCALE, prefix: '22', valueDigits: 4 })).toMatchObject({ itemCode: '12345' });
    const good = label('212345' + '01250');
    expect(good).toHaveLength(12);
    expect(readScaleLabel(good.slice(0, 11) + ((Number(good[11]) + 1) % 10), DEFAULT_SCALE)).toEqual({ kind: 'badCheck' });
    // Ordinary barcodes are not labels.
    expect(readScaleLabel('8901030865278', DEFAULT_SCALE)).toBeNull();
    expect(readScaleLabel(label('212345' + '01250'), { ...DEFAULT_SCALE, enabled: false })).toBeNull();
    expect(eanCheckDigit('400638133393')).toBe(1);
  });

  it('turns a label price into the nearest quantity at the product rate', () => {
    expect(quantityForPrice(4999, 20_000)).toBe(0.25);
    expect(quantityForPrice(100, 0)).toBe(1);
  });
});

describe('the scanner', () => {
  it('is a fast burst of keys ending in Enter; typing is slower', () => {
    expect(looksLikeScan([0, 5, 9, 14, 20, 26])).toBe(true);
    expect(looksLikeScan([0, 80, 160, 240, 320, 400])).toBe(false);
    expect(looksLikeScan([0, 5, 9])).toBe(false);
    const burst = new KeyBurst();
    for (const t of [1000, 1004, 1008, 1012, 1016]) burst.key(t);
    expect(burst.enter(1020)).toBe(true);
    for (const t of [2000, 2100, 2200, 2300]) burst.key(t);
    expect(burst.enter(2400)).toBe(false);
    expect(isBarcodeLike('8901030865278')).toBe(true);
    expect(isBarcodeLike('maggi')).toBe(false);
  });

  it('names keys the way the registry lists them', () => {
    const k = (key: string, code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) =>
      keyName({ key, code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
    expect(k('b', 'KeyB', { altKey: true })).toBe('Alt+b');
    expect(k('∫', 'KeyB', { altKey: true })).toBe('Alt+b');
    expect(k('F8', 'F8', { shiftKey: true })).toBe('Shift+F8');
    expect(k('+', 'Equal', { shiftKey: true })).toBe('+');
    expect(k('Enter', 'Enter')).toBe('Enter');
  });
});

describe('UPI and sharing', () => {
  it('builds a upi://pay link with the VPA, amount in rupees and the bill as reference', () => {
    expect(upiPayUrl({ vpa: 'shop@okaxis', payeeName: 'Sharma Kirana', amountPaise: 12_550, reference: 'SK/2526/000042' })).toBe(
      'upi://pay?pa=shop%40okaxis&pn=Sharma%20Kirana&am=125.50&cu=INR&tr=SK%2F2526%2F000042&tn=Bill%20SK%2F2526%2F000042',
    );
  });

  it('expects the next bill number in the Indian financial year (IST)', () => {
    expect(financialYearOf(new Date('2026-03-31T18:29:00Z'))).toBe('2526');
    expect(financialYearOf(new Date('2026-03-31T18:31:00Z'))).toBe('2627');
    expect(expectedNextBillNumber('SK/2526/000041', 'SK', new Date('2026-03-10T05:00:00Z'))).toBe('SK/2526/000042');
    expect(expectedNextBillNumber('SK/2526/000041', 'SK', new Date('2026-04-02T05:00:00Z'))).toBe('SK/2627/000001');
    expect(expectedNextBillNumber(null, 'GA', new Date('2026-03-10T05:00:00Z'))).toBe('GA/2526/000001');
  });

  it('writes a statement oldest first with the balance, and a wa.me link with +91', () => {
    const entry = (id: number, description: string, deltaPaise: number, balanceAfterPaise: number) => ({
      id, customerId: 1, type: deltaPaise > 0 ? ('DEBIT' as const) : ('CREDIT' as const), amountPaise: Math.abs(deltaPaise), deltaPaise, description, paymentMode: null, invoiceId: null, balanceAfterPaise, createdAt: '2026-03-10T05:30:00.000Z',
    });
    const text = statementText('Sharma Kirana', { name: 'Sunita', balancePaise: 30_600 }, [entry(2, 'Payment', -20_000, 30_600), entry(1, 'Bill SK/2526/000001', 50_600, 50_600)]);
    expect(text.split('\n')).toEqual(['Sharma Kirana: statement for Sunita', '10 Mar  Bill SK/2526/000001  +₹506.00  = ₹506.00', '10 Mar  Payment  -₹200.00  = ₹306.00', 'Balance due: ₹306.00']);
    expect(whatsappLink('91234 56780', 'hi there')).toBe('https://wa.me/919123456780?text=hi%20there');
  });
});
