import { describe, expect, it } from 'vitest';
import { findNumbers } from './numbers';
import { findPaymentModes, findSplitPayment } from './payment';
import { tokenize } from './tokens';

const split = (text: string) => {
  const tokens = tokenize(text);
  return findSplitPayment(tokens, findPaymentModes(tokens), findNumbers(tokens))?.parts ?? null;
};

describe('findSplitPayment', () => {
  it.each([
    ['500 cash aur 300 UPI se', [{ mode: 'cash', amount: 500 }, { mode: 'upi', amount: 300 }]],
    ['aadha cash aadha UPI', [{ mode: 'cash', share: 0.5 }, { mode: 'upi', share: 0.5 }]],
    ['200 card se baaki cash', [{ mode: 'card', amount: 200 }, { mode: 'cash', rest: true }]],
    ['cash mein 600, online 400', [{ mode: 'cash', amount: 600 }, { mode: 'upi', amount: 400 }]],
    ['aadhe paise cash mein aadhe card se', [{ mode: 'cash', share: 0.5 }, { mode: 'card', share: 0.5 }]],
    ['paanch sau rupaye nakad, teen sau GPay pe', [{ mode: 'cash', amount: 500 }, { mode: 'upi', amount: 300 }]],
    // A part paid now, the rest on the khata.
    ['300 cash baaki udhaar', [{ mode: 'cash', amount: 300 }, { mode: 'credit', rest: true }]],
    ['200 diye baaki khate mein', [{ mode: 'cash', amount: 200 }, { mode: 'credit', rest: true }]],
    ['200 cash aur 100 UPI, baaki ka udhaar', [{ mode: 'cash', amount: 200 }, { mode: 'upi', amount: 100 }, { mode: 'credit', rest: true }]],
  ])('%s', (text, parts) => expect(split(text)).toEqual(parts));

  it('is null for one mode, a correction between modes without amounts, or udhaar with nothing paid', () => {
    expect(split('500 UPI se')).toBeNull();
    expect(split('cash... nahi, UPI se')).toBeNull();
    expect(split('300 udhaar likho')).toBeNull();
    expect(split('1200 baaki likho')).toBeNull();
  });
});
