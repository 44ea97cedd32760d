// Numbers as the counter says them: digits, Hindi and English words and their mixtures.
// "paanch sau" 500, "do hazaar paanch sau" 2500, "dedh sau" 150, "sawa do" 2.25, "saadhe teen sau"
// 350, "paune do" 1.75, "aadha" 0.5, "paav kilo" 0.25, "twenty five", "15 sau" 1500, "2k" 2000,
// and "ek ek" (one of each).
import { phoneticKey } from '../text';
import { HINDI } from './number-words';
import { isDigits, keyOf, type Token } from './tokens';
import { unitOf } from './units';



/** 0..99 in Hinglish words, as replies say them. */
export const HINDI_NUMBER_WORDS: readonly string[] = HINDI.map((spellings) => spellings[0]!);

const ENGLISH_TEENS: Record<string, number> = { thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const ENGLISH_TENS = new Set(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);
const ENGLISH_ONES = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']);

const FRACTIONS: [number, string[]][] = [
  [0.5, ['aadha', 'adha', 'aadhi', 'adhi', 'aadhe', 'adhe', 'half']],
  [0.25, ['paav', 'pav', 'pau', 'quarter']],
  [1.5, ['dedh', 'derh', 'dedha', 'dhedh']],
  [2.5, ['dhai', 'dhaai', 'adhai', 'adhaai', 'dhayi', 'dhaee']],
];
/** sawa X = X + 1/4, saadhe X = X + 1/2, paune X = X - 1/4 (X a number; before sau/hazaar, of that). */
const PREFIXES: [number, string[]][] = [
  [0.25, ['sawa', 'sava', 'savva', 'sawaa']],
  [0.5, ['saadhe', 'sadhe', 'saade', 'sade', 'saarhe']],
  [-0.25, ['paune', 'pone', 'paun', 'pauna']],
];
const MULTIPLIERS: [number, string[]][] = [
  [100, ['sau', 'so', 'sao', 'hundred']],
  [1000, ['hazaar', 'hazar', 'hajar', 'hajaar', 'hazzar', 'thousand']],
  [100_000, ['lakh', 'lac', 'laakh', 'lakhs', 'lacs']],
  [10_000_000, ['crore', 'karod', 'karor', 'crores']],
];

// Exact spellings first; the phonetic key only for spellings that no other word shares
// (teen/tin the unit, saat/saath "with", so/sau).
const EXACT = new Map<string, number>();
const BY_KEY = new Map<string, number>();
const AMBIGUOUS_KEYS = new Set<string>();
HINDI.forEach((spellings, value) => {
  for (const s of spellings) {
    if (!EXACT.has(s)) EXACT.set(s, value);
    const k = phoneticKey(s);
    if (BY_KEY.has(k) && BY_KEY.get(k) !== value) AMBIGUOUS_KEYS.add(k);
    else BY_KEY.set(k, value);
  }
});
EXACT.set('sixty', 60);
for (const [w, v] of Object.entries(ENGLISH_TEENS)) EXACT.set(w, v);
for (const k of AMBIGUOUS_KEYS) BY_KEY.delete(k);
for (const k of ['tin', 'sat', 'so', 'ho', 'hi', 'de', 'to', 'pe', 'pau', 'ek']) BY_KEY.delete(k);

const lookup = (pairs: [number, string[]][]) => {
  const m = new Map<string, number>();
  for (const [v, ws] of pairs) for (const w of ws) m.set(w, v);
  return m;
};
const FRACTION = lookup(FRACTIONS);
const PREFIX = lookup(PREFIXES);
const MULTIPLIER = lookup(MULTIPLIERS);

/** The value of one number word (0-99, Hindi or English), or null. */
export function numberWord(word: string): number | null {
  const w = word.toLowerCase();
  const exact = EXACT.get(w);
  if (exact !== undefined) return exact;
  if (w.length < 3) return null;
  return BY_KEY.get(keyOf(w)) ?? null;
}

export const multiplierWord = (word: string): number | null => MULTIPLIER.get(word.toLowerCase()) ?? null;
export const fractionWord = (word: string): number | null => FRACTION.get(word.toLowerCase()) ?? null;

// "kar do", "bana do", "de do": the light verb, not the number two.
const BEFORE_VERB_DO = new Set([
  'kar', 'kr', 'karke', 'bana', 'bna', 'hata', 'de', 'le', 'likh', 'bhej', 'dikha', 'bata', 'rakh', 'nikal', 'chadha',
  'jod', 'laga', 'daal', 'dal', 'kam', 'badal', 'save', 'cancel', 'chhod', 'chod', 'rehne', 'rahne', 'jaane', 'jane', 'bhijwa',
  'mila', 'bhar', 'sun', 'suna', 'gin', 'jama', 'chuka', 'book', 'mita', 'hatwa', 'karwa', 'dilwa', 'yaad', 'dila', 'sahi',
  'badha', 'ghata', 'confirm', 'final', 'hata', 'nahi', 'mat', 'chala', 'band', 'ho', 'bol', 'update', 'delete', 'remove',
]);

const SET_VERBS = new Set(['kar', 'karo', 'kr', 'karna', 'kariye', 'rakho', 'rakh', 'rakhna', 'rakhiye', 'hi', 'packet', 'kilo']);
const ENGLISH_AFTER_DO = new Set(['we', 'you', 'i', 'they', 'it', 'not', 'he', 'she']);

/** True when "do" at i is the light verb ("kar do", "haan bana do"), not two. */
export function isVerbDo(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.norm !== 'do') return false;
  const next = tokens[i + 1];
  if (next && !next.pauseBefore && (multiplierWord(next.norm) !== null || unitOf(next.norm) !== null)) return false;
  const prev = tokens[i - 1];
  // "dal do kar do": a "do" before a verb of its own is the number.
  if (next && !next.pauseBefore && SET_VERBS.has(next.norm)) return false;
  if (prev && BEFORE_VERB_DO.has(prev.norm) && !t.pauseBefore) return true;
  // English "do": "how much poha do we have".
  if (next && ENGLISH_AFTER_DO.has(next.norm)) return true;
  // A sentence-final "do" with no number word before it: "chawal do" (give the rice), not "paune do".
  // Before a comma in a list ("Maggi teen, Parle G do, ...") it is two.
  const prevIsNumber = prev !== undefined && (isDigits(prev) || numberWord(prev.norm) !== null || PREFIX.has(prev.norm) || MULTIPLIER.has(prev.norm));
  return next === undefined && !prevIsNumber;
}

export interface NumberSpan {
  start: number;
  /** One past the last token. */
  end: number;
  value: number;
  /** "ek ek", "do do": the number said twice, one for each item. */
  each: boolean;
  /** Said with a multiplier word (sau, hazaar, lakh): an amount of money more likely than a count. */
  multiplied: boolean;
  /** Written in digits. */
  digits: boolean;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

function baseValue(tokens: readonly Token[], j: number): number | null {
  const t = tokens[j]!;
  if (isDigits(t)) return Number(t.norm);
  if (t.norm === 'do' && isVerbDo(tokens, j)) return null;
  if (t.norm === 'saath' || t.norm === 'sath') {
    // "ke saath" is "with", not sixty.
    const prev = tokens[j - 1]?.norm;
    if (prev === 'ke' || prev === 'sath' || prev === 'saath') return null;
  }
  const f = fractionWord(t.norm);
  if (f !== null) {
    // paav/pav is a quarter before a unit ("paav kilo"); alone it is more often bread (pav).
    if (f === 0.25 && t.norm !== 'quarter') {
      const next = tokens[j + 1];
      return next && (unitOf(next.norm) !== null || next.norm === 'bhar') ? f : null;
    }
    return f;
  }
  return numberWord(t.norm);
}

/** Reads the number that starts at token i, or null when none does. */
export function readNumber(tokens: readonly Token[], i: number): NumberSpan | null {
  if (i < 0 || i >= tokens.length) return null;
  let total = 0;
  let group = 0;
  let have = false;
  let multiplied = false;
  let lastWasEnglishTens = false;
  let adjust = 0;
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (j > i && t.pauseBefore) break;
    const prefix = PREFIX.get(t.norm);
    if (prefix !== undefined && group === 0 && adjust === 0) {
      const next = tokens[j + 1];
      if (!next || (baseValue(tokens, j + 1) === null && multiplierWord(next.norm) === null)) {
        // "sawa" alone: one and a quarter ("sawa kilo"); "paune" alone: three quarters.
        if (prefix === 0.5) break;
        group = 1 + prefix;
        have = true;
        j++;
        continue;
      }
      adjust = prefix;
      j++;
      continue;
    }
    const base = baseValue(tokens, j);
    if (base !== null) {
      if (group !== 0 || (have && !multiplied)) {
        if (lastWasEnglishTens && ENGLISH_ONES.has(t.norm)) {
          group += base;
          lastWasEnglishTens = false;
          j++;
          continue;
        }
        break;
      }
      group = base + adjust;
      adjust = 0;
      have = true;
      lastWasEnglishTens = ENGLISH_TENS.has(t.norm);
      j++;
      continue;
    }
    const mult = multiplierWord(t.norm) ?? (t.norm === 'k' && isDigits(tokens[j - 1]) && j > i ? 1000 : null);
    // "hazaar rupaye", "sau ka": a multiplier alone is one of it ("so" alone is English).
    const alone = mult !== null && j === i && t.norm !== 'so' && t.norm !== 'sao';
    if (mult !== null && (have || adjust !== 0 || alone)) {
      if (group === 0) group = 1 + adjust;
      adjust = 0;
      total += group * mult;
      group = 0;
      have = true;
      multiplied = true;
      lastWasEnglishTens = false;
      j++;
      continue;
    }
    break;
  }
  if (adjust !== 0) j--; // a prefix with nothing after it is not part of the number
  if (!have || j === i) return null;
  const value = round3(total + group);
  let end = j;
  let each = false;
  // "ek ek", "do do": the same small number again.
  const again = tokens[end];
  if (!multiplied && again && !again.pauseBefore && again.norm === tokens[end - 1]!.norm && end - i === 1 && baseValue(tokens, end) === value) {
    each = true;
    end++;
  }
  return { start: i, end, value, each, multiplied, digits: isDigits(tokens[i]) };
}

/** Every number in the utterance, left to right, none overlapping. */
export function findNumbers(tokens: readonly Token[]): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (let i = 0; i < tokens.length; ) {
    const n = readNumber(tokens, i);
    if (n) {
      out.push(n);
      i = n.end;
    } else i++;
  }
  return out;
}
