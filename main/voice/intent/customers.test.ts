import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../common/hinglish/tokens';
import type { CustomerMatch } from '../../../common/types';
import { findCustomer, judge, nameRuns } from './customers';

const match = (id: number, name: string, matchScore: number): CustomerMatch => ({
  id, name, matchScore, phone: null, nickname: null, landmark: null, notes: null, gstin: null, state: null, creditLimitPaise: null, balancePaise: 0, createdAt: '', updatedAt: '',
});

describe('nameRuns', () => {
  const runs = (text: string, taken: number[] = []) => {
    const tokens = tokenize(text);
    return nameRuns(tokens, tokens.map((_, i) => taken.includes(i))).map((r) => tokens.slice(r.start, r.end).map((t) => t.norm).join(' '));
  };

  it('keeps the words around a name that help find it', () => {
    expect(runs('Rahul ATM wale ko ek double roti', [4, 5, 6])).toEqual(['rahul atm wale']);
    expect(runs('mandir wali gali wale Rahul ko do anda', [6, 7])).toEqual(['mandir wali gali wale rahul']);
    expect(runs('bank ke peeche wale Ankit ka balance')).toEqual(['bank ke peeche wale ankit']);
  });

  it('leaves out working words, numbers and words already explained', () => {
    expect(runs('Sunita ka kitna baaki hai')).toEqual(['sunita']);
    expect(runs('kal 7 baje reminder bhejo', [0, 1, 2])).toEqual([]);
  });
});

describe('judge', () => {
  it('names one customer when one fits best', () => {
    expect(judge([match(1, 'Gupta Ji', 1), match(2, 'Rahul Gupta', 0.97)], 0, 1)).toMatchObject({ name: 'Gupta Ji', id: 1 });
  });

  it('names nobody, with candidates, when several fit equally', () => {
    const ref = judge([match(1, 'Rahul Gupta', 0.97), match(2, 'Rahul Sharma', 0.97)], 0, 1)!;
    expect(ref.name).toBeNull();
    expect(ref.candidates.map((c) => c.name)).toEqual(['Rahul Gupta', 'Rahul Sharma']);
  });

  it('takes nothing below the bar', () => {
    expect(judge([match(1, 'Kavita Joshi', 0.5)], 0, 1)).toBeNull();
    expect(judge([], 0, 1)).toBeNull();
  });
});

describe('findCustomer with names that are also working words', () => {
  const sahi = match(7, 'Jaswant Sahi', 0.95);
  const search = (q: string) => (q.split(' ').includes('sahi') ? [sahi] : []);
  const find = (text: string, second: boolean) => {
    const tokens = tokenize(text);
    return findCustomer(tokens, tokens.map(() => false), search, second)?.name ?? null;
  };

  it('reads "sahi" before a postposition or honorific as a name only on the second look', () => {
    expect(find('Sahi ko do kilo cheeni', false)).toBeNull();
    expect(find('Sahi ko do kilo cheeni', true)).toBe('Jaswant Sahi');
    expect(find('Sahi ji ka balance', true)).toBe('Jaswant Sahi');
    expect(find('sahi hai bill bana do', true)).toBeNull();
  });
});
