import { describe, expect, it } from 'vitest';
import { conceptsOf } from './lexicon';
import { repairSpelling } from './spelling';
import { tokenize } from './tokens';
import { unitOf } from './units';

const known = new Set(['kela', 'cheeni', 'kamla']);
const repaired = (text: string) =>
  repairSpelling(tokenize(text), { known: (t) => conceptsOf(t).length > 0 || unitOf(t.norm) !== null || known.has(t.norm), isName: (t) => t.norm === 'kamla' })
    .map((t) => t.norm)
    .join(' ');

describe('repairSpelling', () => {
  it.each([
    ['kamla ka balanc batao', 'kamla ka balance batao'],
    ['reminder cancle karo', 'reminder cancel karo'],
    ['gst htao', 'gst hatao'],
    ['teen pakt biscuit', 'teen paket biscuit'],
    ['2 kila cheeni', '2 kilo cheeni'],
  ])('%s -> %s', (text, want) => expect(repaired(text)).toBe(want));

  it('leaves words that mean something, names, numbers and capitalised names alone', () => {
    expect(repaired('do kela aur dedh kilo cheeni')).toBe('do kela aur dedh kilo cheeni');
    expect(repaired('naya customer Ravi Kumar')).toBe('naya customer ravi kumar');
    expect(repaired('kiya tha')).toBe('kiya tha');
    expect(repaired('kamal ka balance')).toBe('kamal ka balance');
  });
});
