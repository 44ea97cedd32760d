import { describe, expect, it } from 'vitest';
import { conceptIndex, conceptsOf } from './lexicon';
import { findPaymentModes, paymentModeOf } from './payment';
import { tokenize } from './tokens';

const norms = (text: string) => tokenize(text).map((t) => t.norm);

describe('tokenize', () => {
  it('lower-cases, drops punctuation and marks pauses', () => {
    const t = tokenize('Rahul, ek DOODH!');
    expect(t.map((x) => x.norm)).toEqual(['rahul', 'ek', 'doodh']);
    expect(t.map((x) => x.pauseBefore)).toEqual([false, true, false]);
    expect(t[0]!.surface).toBe('Rahul');
  });

  it('joins at a hyphen inside a word, pauses at one between words', () => {
    expect(tokenize('Coca-Cola').map((x) => x.pauseBefore)).toEqual([false, false]);
    expect(tokenize('rehne do - bill mat banao')[2]!.pauseBefore).toBe(true);
    expect(tokenize('chawal hai?')[1]!.question).toBe(true);
  });

  it('keeps numbers whole and splits sizes from their units', () => {
    expect(norms('1,500 rupaye')).toEqual(['1500', 'rupaye']);
    expect(norms('1,25,000')).toEqual(['125000']);
    expect(norms('2.5 kilo')).toEqual(['2.5', 'kilo']);
    expect(norms('500ml doodh')).toEqual(['500', 'ml', 'doodh']);
    expect(norms('9:30 am')).toEqual(['9:30', 'am']);
    expect(norms('₹500')).toEqual(['rupaye', '500']);
    expect(norms('10% off')).toEqual(['10', 'percent', 'off']);
  });

  it('reads Devanagari and its digits as Latin', () => {
    expect(norms('राहुल को दो दूध')).toEqual(['rahul', 'ko', 'do', 'dudh']);
    expect(norms('५०० रुपये')).toEqual(['500', 'rupye']);
    expect(norms('गुप्ता अंकल का बैलेंस')).toEqual(['gupta', 'uncle', 'ka', 'balance']);
  });

  it('splits verbs run together', () => {
    expect(norms('doodh teen kardo')).toEqual(['doodh', 'teen', 'kar', 'do']);
    expect(norms('bill banado')).toEqual(['bill', 'bana', 'do']);
    expect(norms('hatado')).toEqual(['hata', 'do']);
  });

  it('gives spelling variants one key', () => {
    const key = (w: string) => tokenize(w)[0]!.key;
    expect(key('doodh')).toBe(key('dudh'));
    expect(key('cheeni')).toBe(key('chini'));
    expect(key('hisaab')).toBe(key('hisab'));
    expect(key('Deepak')).toBe(key('Dipak'));
  });
});

describe('lexicon', () => {
  it('knows the working words in their spellings', () => {
    expect(conceptsOf(tokenize('baaki')[0]!)).toContain('balance');
    expect(conceptsOf(tokenize('bakaya')[0]!)).toContain('balance');
    expect(conceptsOf(tokenize('udhar')[0]!)).toContain('udhaar');
    expect(conceptsOf(tokenize('रिमाइंडर')[0]!)).toContain('reminder');
    expect(conceptsOf(tokenize('off')[0]!)).toContain('discount');
    expect(conceptsOf(tokenize('of')[0]!)).not.toContain('discount');
  });

  it('marks every word of a phrase', () => {
    expect(conceptIndex(tokenize('sab mila ke kitna')).get('total')).toEqual([0, 1, 2]);
  });
});

describe('payment modes', () => {
  it.each([
    ['GPay pe', 'upi'], ['google pay se', 'upi'], ['PhonePe', 'upi'], ['phone pe bheje', 'upi'], ['paytm', 'upi'], ['online', 'upi'],
    ['udhaar mein', 'credit'], ['khate mein likh do', 'credit'], ['nakad', 'cash'], ['cash', 'cash'], ['card se', 'card'], ['credit card', 'card'],
  ])('%s is %s', (text, mode) => expect(paymentModeOf(tokenize(text))).toBe(mode));

  it('takes the last mode said ("cash... nahi, UPI")', () => {
    expect(findPaymentModes(tokenize('cash nahi UPI se')).map((m) => m.mode)).toEqual(['cash', 'upi']);
    expect(paymentModeOf(tokenize('cash nahi UPI se'))).toBe('upi');
    expect(paymentModeOf(tokenize('do doodh'))).toBeNull();
  });
});
