import { describe, expect, it } from 'vitest';
import { findNumbers, isVerbDo, readNumber } from './numbers';
import { tokenize } from './tokens';

const value = (text: string) => readNumber(tokenize(text), 0)?.value ?? null;

describe('readNumber', () => {
  it.each([
    ['ek', 1], ['do doodh', 2], ['teen', 3], ['chaar', 4], ['char', 4], ['paanch', 5], ['panch', 5], ['chhe', 6], ['saat', 7], ['aath', 8], ['nau', 9],
    ['das', 10], ['dus', 10], ['gyarah', 11], ['barah', 12], ['pandrah', 15], ['bees', 20], ['pachchis', 25], ['tees', 30], ['chaalis', 40],
    ['pachaas', 50], ['saath', 60], ['sattar', 70], ['pachattar', 75], ['pachhattar', 75], ['assi', 80], ['nabbe', 90], ['ninyanave', 99],
  ])('%s is %d', (w, n) => expect(value(w)).toBe(n));

  it.each([
    ['paanch sau', 500], ['do hazaar paanch sau', 2500], ['ek sau ek', 101], ['ek sau bees', 120], ['pandrah sau', 1500], ['15 sau', 1500],
    ['dedh sau', 150], ['dhai hazaar', 2500], ['sawa sau', 125], ['saadhe teen sau', 350], ['paune do sau', 175], ['ek lakh bees hazaar', 120_000],
    ['dedh lakh', 150_000], ['2 hazaar', 2000], ['2k', 2000], ['hazaar', 1000], ['sau', 100],
  ])('%s is %d (money words)', (w, n) => expect(value(w)).toBe(n));

  it.each([
    ['aadha', 0.5], ['adha', 0.5], ['dedh', 1.5], ['dhai', 2.5], ['adhai', 2.5], ['sawa', 1.25], ['sawa do', 2.25], ['saadhe paanch', 5.5],
    ['paune do', 1.75], ['paune', 0.75], ['2.5', 2.5], ['500', 500],
  ])('%s is %d (fractions)', (w, n) => expect(value(w)).toBe(n));

  it('reads paav as a quarter only before a unit (alone it is bread, "pav")', () => {
    expect(value('paav kilo')).toBe(0.25);
    expect(value('pav')).toBeNull();
  });

  it('reads English numbers', () => {
    expect(value('twenty five')).toBe(25);
    expect(value('two hundred')).toBe(200);
    expect(value('one thousand five hundred')).toBe(1500);
    expect(value('half')).toBe(0.5);
  });

  it('reads Devanagari words and digits', () => {
    expect(value('पांच सौ')).toBe(500);
    expect(value('ढाई')).toBe(2.5);
    expect(value('५००')).toBe(500);
  });

  it('marks "ek ek" as one of each', () => {
    const n = readNumber(tokenize('ek ek'), 0)!;
    expect(n).toMatchObject({ value: 1, each: true, end: 2 });
  });

  it('keeps two numbers said one after the other apart', () => {
    expect(findNumbers(tokenize('do doodh teen bread')).map((n) => n.value)).toEqual([2, 3]);
    expect(findNumbers(tokenize('ek tin ghee')).map((n) => n.value)).toEqual([1, 3]);
  });

  it('does not read "ke saath" as sixty', () => {
    expect(findNumbers(tokenize('doodh ke saath')).map((n) => n.value)).toEqual([]);
  });
});

describe('isVerbDo', () => {
  it.each([
    ['doodh teen kar do', 3, true],
    ['haan bana do', 2, true],
    ['chawal do', 1, true],
    ['how much poha do we have', 3, true],
    ['Rahul ko do doodh', 2, false],
    ['paune do', 1, false],
    ['do sau', 0, false],
    ['do kilo', 0, false],
  ])('%s: word %d is the verb: %s', (text, i, verb) => expect(isVerbDo(tokenize(text), i)).toBe(verb));
});
