import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { devanagariToLatin, editDistance, hasDevanagari, isFillerWord, latinWords, normalise, phoneticKey, phoneticKeys, words } from './index';

describe('normalise', () => {
  it('lower-cases, drops punctuation and apostrophes, single-spaces', () => {
    expect(normalise('  Rahul   GUPTA, (ATM-wala)!! ')).toBe('rahul gupta atm wala');
    expect(normalise("D'Souza’s shop")).toBe('dsouzas shop');
    expect(normalise('José Ñuñez')).toBe('jose nunez');
    expect(normalise('...')).toBe('');
  });

  it('keeps Devanagari with its vowel signs and turns its digits into ASCII', () => {
    expect(normalise('राहुल, गुप्ता।')).toBe('राहुल गुप्ता');
    expect(normalise('फ़ोन ९८७६५')).toBe(normalise('फ़ोन 98765'));
  });

  it('splits into words', () => {
    expect(words('Rahul  bhai - ATM')).toEqual(['rahul', 'bhai', 'atm']);
    expect(words('  ')).toEqual([]);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalise(normalise(s)) === normalise(s)));
  });
});

describe('devanagariToLatin', () => {
  it.each([
    ['राहुल', 'rahul'],
    ['सुनीता', 'sunita'],
    ['दीपक', 'dipak'],
    ['विकास', 'vikas'],
    ['भरत', 'bharat'],
    ['लक्ष्मी', 'lakshmi'],
    ['गुप्ता', 'gupta'],
    ['शर्मा', 'sharma'],
    ['रमेश', 'ramesh'],
    ['सलीम', 'salim'],
    ['पवन', 'pavan'],
    ['गौरव', 'gaurav'],
    ['आकाश', 'akash'],
  ])('%s -> %s (matras, word-final schwa dropped)', (dev, latin) => {
    expect(devanagariToLatin(dev)).toBe(latin);
  });

  it.each([
    ['कमला', 'kamla'],
    ['जगदीश', 'jagdish'],
    ['अमरनाथ', 'amarnath'],
    ['रामचंद्र', 'ramchandra'],
  ])('%s -> %s (medial schwa deletion)', (dev, latin) => {
    expect(devanagariToLatin(dev)).toBe(latin);
  });

  it('keeps the final vowel after a conjunct and in one-syllable words', () => {
    expect(devanagariToLatin('मिश्र')).toBe('mishra');
    expect(devanagariToLatin('कृष्ण')).toBe('krishna');
    expect(devanagariToLatin('नरेंद्र')).toBe('narendra');
    expect(devanagariToLatin('न')).toBe('na');
  });

  it('handles virama, anusvara, candrabindu, visarga and ज्ञ', () => {
    expect(devanagariToLatin('संजय')).toBe('sanjay');
    expect(devanagariToLatin('चंपा')).toBe('champa'); // anusvara before a labial is m
    expect(devanagariToLatin('हिंदी')).toBe('hindi');
    expect(devanagariToLatin('सिंह')).toBe('singh');
    expect(devanagariToLatin('हाँ')).toBe('han');
    expect(devanagariToLatin('दुःख')).toBe('duhkh');
    expect(devanagariToLatin('ज्ञान')).toBe('gyan');
  });

  it('reads nukta letters, precomposed or as a base letter plus nukta', () => {
    expect(devanagariToLatin('ज़ाकिर')).toBe('zakir');
    expect(devanagariToLatin('\u091c\u093c\u093e\u0915\u093f\u0930')).toBe('zakir');
    expect(devanagariToLatin('\u095bाकिर')).toBe('zakir');
    expect(devanagariToLatin('फ़ारूक़')).toBe('faruq');
    expect(devanagariToLatin('लड़का')).toBe('ladka');
  });

  it('leaves Latin alone, turns digits and danda, and spells out shop-front acronyms', () => {
    expect(devanagariToLatin('Rahul राहुल 42')).toBe('Rahul rahul 42');
    expect(devanagariToLatin('राम।श्याम ९८')).toBe('ram shyam 98');
    expect(devanagariToLatin('एटीएम के पास')).toBe('atm ke pas');
    expect(hasDevanagari('rahul')).toBe(false);
    expect(hasDevanagari('राहुल')).toBe(true);
  });
});

describe('phoneticKey', () => {
  it.each([
    ['Deepak', 'Dipak'], // ee/i
    ['Pooja', 'Puja'], // oo/u
    ['Bharat', 'Bharath'], // h after a consonant
    ['Bharat', 'Barat'], // aspirate
    ['Dharmendra', 'Darmendra'],
    ['Vikas', 'Wikas'], // w/v
    ['Laxmi', 'Lakshmi'], // x/ksh
    ['Aarti', 'Arti'], // doubled vowel
    ['Pappu', 'Papu'], // doubled consonant
    ['Shiv', 'Siv'], // sh/s
    ['Phool', 'Fool'], // ph/f
    ['Zakir', 'Jakir'], // z/j
    ['Farooq', 'Faruk'], // q/k
    ['Vicky', 'Viki'], // ck/k, final y/i
    ['Kamal', 'Camal'], // c/k
    ['Gaurav', 'Gourav'],
  ])('%s and %s share a key', (a, b) => {
    expect(phoneticKey(a)).toBe(phoneticKey(b));
  });

  it('keeps different names apart', () => {
    expect(phoneticKey('Chand')).not.toBe(phoneticKey('Kand')); // ch is not k
    expect(phoneticKey('Rahul')).not.toBe(phoneticKey('Raul'));
    expect(phoneticKey('Ramesh')).not.toBe(phoneticKey('Rakesh'));
    expect(phoneticKey('Sunita')).not.toBe(phoneticKey('Sanita'));
  });

  it('merges Devanagari names with their Latin spellings', () => {
    const key = (s: string) => phoneticKeys(s).join(' ');
    expect(key('दीपक')).toBe(key('Deepak'));
    expect(key('राहुल गुप्ता')).toBe(key('Rahul Gupta'));
    expect(key('लक्ष्मी')).toBe(key('Laxmi'));
    expect(key('भरत')).toBe(key('Bharath'));
    expect(key('सुनीता शर्मा')).toBe(key('Sunita Sharma'));
    expect(key('विकास')).toBe(key('Wikas'));
  });

  it('passes digits through', () => {
    expect(phoneticKey('9876543210')).toBe('9876543210');
    expect(phoneticKey('Rahul-2')).toBe('rahul2');
  });

  it('ignores any doubled letter', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[abdgiklmnprtuv]{1,10}$/), fc.nat(), (w, at) => {
        const i = at % w.length;
        return phoneticKey(w.slice(0, i + 1) + w.slice(i)) === phoneticKey(w);
      }),
    );
  });
});

describe('latinWords and fillers', () => {
  it('normalises and transliterates in one go', () => {
    expect(latinWords('राहुल, ATM-wala')).toEqual(['rahul', 'atm', 'wala']);
    expect(latinWords('')).toEqual([]);
  });

  it('recognises filler words in their spellings', () => {
    for (const w of ['wala', 'waala', 'vala', 'wali', 'ji', 'jee', 'ke', 'paas', 'bhai', 'bhaiyya']) expect(isFillerWord(w)).toBe(true);
    for (const w of ['rahul', 'atm', 'mandir', 'gali', 'sharma']) expect(isFillerWord(w)).toBe(false);
    expect(latinWords('वाला जी').every(isFillerWord)).toBe(true);
  });
});

describe('editDistance', () => {
  it('counts edits and neighbour swaps', () => {
    expect(editDistance('rahul', 'rahul')).toBe(0);
    expect(editDistance('rahul', 'rahlu')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops at the bound', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('is symmetric and zero only for equal words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        const d = editDistance(a, b);
        return d === editDistance(b, a) && (d === 0) === (a === b);
      }),
    );
  });
});

describe('latinWords fast path', () => {
  it('gives the same words for ASCII as the full path', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e]{0,30}$/), (s) => {
        const full = normalise(devanagariToLatin(normalise(s)));
        expect(latinWords(s)).toEqual(full === '' ? [] : full.split(' '));
      }),
    );
  });
});
