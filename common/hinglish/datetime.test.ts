import { describe, expect, it } from 'vitest';
import { findWhen, parseWhen, toIstIso } from './datetime';
import { tokenize } from './tokens';

// A Tuesday, 11:00 in India.
const NOW = new Date('2026-03-10T11:00:00+05:30');
const when = (text: string, now = NOW) => toIstIso(parseWhen(text, now).at);

describe('parseWhen', () => {
  it.each([
    ['kal 7 baje', '2026-03-11T19:00:00+05:30'],
    ['kal subah 10 baje', '2026-03-11T10:00:00+05:30'],
    ['aaj shaam 6 baje', '2026-03-10T18:00:00+05:30'],
    ['parso', '2026-03-12T19:00:00+05:30'],
    ['parson dopahar 2 baje', '2026-03-12T14:00:00+05:30'],
    ['shukravar ko', '2026-03-13T19:00:00+05:30'],
    ['mangalvar ko', '2026-03-17T19:00:00+05:30'],
    ['next monday', '2026-03-16T19:00:00+05:30'],
    ['15 tarikh ko', '2026-03-15T19:00:00+05:30'],
    ['5 tarikh ko', '2026-04-05T19:00:00+05:30'],
    ['20 april', '2026-04-20T19:00:00+05:30'],
    ['3 din baad', '2026-03-13T19:00:00+05:30'],
    ['do din ke baad subah 9 baje', '2026-03-12T09:00:00+05:30'],
    ['ek hafte baad', '2026-03-17T19:00:00+05:30'],
    ['tomorrow at 9:30 am', '2026-03-11T09:30:00+05:30'],
    ['tomorrow', '2026-03-11T19:00:00+05:30'],
    ['kal saadhe 8 baje', '2026-03-11T20:30:00+05:30'],
    ['aaj raat 10 baje', '2026-03-10T22:00:00+05:30'],
    ['कल शाम सात बजे', '2026-03-11T19:00:00+05:30'],
    ['do ghante baad', '2026-03-10T13:00:00+05:30'],
  ])('%s is %s', (text, iso) => expect(when(text)).toBe(iso));

  it('reads a bare hour 1 to 11 as evening, and an hour already gone today as tomorrow', () => {
    expect(when('7 baje')).toBe('2026-03-10T19:00:00+05:30');
    expect(when('subah 9 baje')).toBe('2026-03-11T09:00:00+05:30');
  });

  it('works in IST whatever the machine zone, across the UTC date line', () => {
    // 00:30 IST on the 11th is still the 10th in UTC.
    const lateNight = new Date('2026-03-10T19:00:00Z');
    expect(when('kal 7 baje', lateNight)).toBe('2026-03-12T19:00:00+05:30');
    expect(when('aaj shaam 6 baje', lateNight)).toBe('2026-03-11T18:00:00+05:30');
  });

  it('passes ISO through and falls back to an hour from now when nothing is understood', () => {
    expect(parseWhen('2026-03-11T19:00:00+05:30', NOW)).toEqual({ at: new Date('2026-03-11T13:30:00Z'), understood: true });
    expect(parseWhen('jab bhi', NOW)).toEqual({ at: new Date(NOW.getTime() + 3_600_000), understood: false });
  });

  it.each([
    ['15/3 ko', '2026-03-15T19:00:00+05:30'],
    ['20-03 ko subah 10 baje', '2026-03-20T10:00:00+05:30'],
    ['2/4 shaam 6 baje', '2026-04-02T18:00:00+05:30'],
    ['05.04.2027', '2027-04-05T19:00:00+05:30'],
    ['5/3', '2027-03-05T19:00:00+05:30'],
  ])('reads the numeric date %s as %s (day first, the next such day)', (text, iso) => expect(when(text)).toBe(iso));

  it('keeps fractions, ranges and decimals as numbers', () => {
    for (const text of ['1/2 kilo', '10-12 packet', '2.5 kilo']) expect(findWhen(tokenize(text), NOW)).toBeNull();
  });

  it.each([
    ['kal 500 diye the', '2026-03-09'],
    ['kal liya tha', '2026-03-09'],
    ['kal ka bill', '2026-03-09'],
    ['kal ki bikri', '2026-03-09'],
    ['parso mile', '2026-03-08'],
    ['kal 500 de dega', '2026-03-11'],
    ['kal ka reminder', '2026-03-11'],
    ['kal 7 baje', '2026-03-11'],
  ])('reads kal/parso by the verb: %s is %s', (text, day) => expect(when(text).slice(0, 10)).toBe(day));

  it('reads the short weekday names, and leaves a word that is something else here', () => {
    expect(when('mangal ko')).toBe('2026-03-17T19:00:00+05:30');
    expect(when('shukra ko subah')).toBe('2026-03-13T10:00:00+05:30');
    const tokens = tokenize('Mangal ko kal 6 baje');
    expect(toIstIso(findWhen(tokens, NOW, new Set([0]))!.at)).toBe('2026-03-11T18:00:00+05:30');
  });
});
