import { describe, expect, it } from 'vitest';
import type { Invoice, LedgerEntry } from '../../../common/types';
import { lineWords, say } from './say';
import { whenInWords } from './when';

const NOW = new Date('2026-03-10T11:00:00+05:30');

describe('say', () => {
  it('speaks balances the Indian way', () => {
    expect(say.balance('Rahul Gupta', 150_000)).toBe('Rahul Gupta ka balance pandrah sau rupaye hai.');
    expect(say.balance('Pinky', 0)).toBe('Pinky ka koi udhaar baaki nahi hai.');
    expect(say.balance('Priya', -20_000)).toBe('Priya ka do sau rupaye advance jama hai.');
  });

  it('says what a bill came to and how it was paid', () => {
    const inv = { totalPaise: 10_100, paymentMode: 'credit' } as Invoice;
    expect(say.invoiceDone(inv)).toBe('Bill ban gaya, ek sau ek rupaye, udhaar mein likha.');
    expect(say.invoiceDone({ ...inv, paymentMode: 'upi' })).toBe('Bill ban gaya, ek sau ek rupaye, UPI se.');
  });

  it('says a payment with what is left', () => {
    const entry = { amountPaise: 50_000, balanceAfterPaise: 100_000 } as LedgerEntry;
    expect(say.payment('Rahul Gupta', entry)).toBe('Rahul Gupta se paanch sau rupaye mile. Ab baaki ek hazaar rupaye.');
  });

  it('says lines with their quantity', () => {
    expect(lineWords('Sugar', 1.5, 'kg')).toBe('dedh kilo Sugar');
    expect(lineWords('Bread', 2, 'loaf')).toBe('do Bread');
    expect(say.billSoFar([{ name: 'Bread', quantity: 2, unit: 'loaf' }], 9000, 'Rahul Gupta')).toBe('Rahul Gupta: do Bread. Total nabbe rupaye.');
  });

  it('asks which customer', () => {
    expect(say.whichCustomer(['Rahul Gupta', 'Rahul Sharma'])).toBe('Rahul Gupta ya Rahul Sharma?');
    expect(say.whichCustomer(['A', 'B', 'C'])).toBe('A, B ya C?');
  });
});

describe('whenInWords', () => {
  it.each([
    ['2026-03-11T19:00:00+05:30', 'kal shaam saat baje'],
    ['2026-03-11T10:30:00+05:30', 'kal subah saadhe das baje'],
    ['2026-03-10T13:30:00+05:30', 'aaj dopahar dedh baje'],
    ['2026-03-12T21:15:00+05:30', 'parso raat sawa nau baje'],
    ['2026-03-15T18:45:00+05:30', '15 tarikh shaam paune saat baje'],
  ])('%s is "%s"', (iso, words) => expect(whenInWords(new Date(iso), NOW)).toBe(words));
});
