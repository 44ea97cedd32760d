// Misspelt working words ("balanc", "cancle", "htao", "packt", "kila") read as the word meant, so a
// near spelling of "kilo" is not taken for a product named Kela. Only words that mean nothing as
// written are repaired, only to a working word, unit or number word one edit away (or with the
// same consonants, the vowels dropped as typists do), with the same first letter, and only when
// that word is the one such.
import { editDistance } from '../text';
import { conceptsOf, WORKING_WORDS } from './lexicon';
import { numberWord, readNumber } from './numbers';
import { HINDI } from './number-words';
import { isDigits, keyOf, type Token } from './tokens';
import { UNIT_WORDS, unitOf } from './units';

/** The consonants after the first letter, with the first: "hatao" -> "ht", "packet" -> "pckt". */
const skeleton = (w: string) => w.charAt(0) + w.slice(1).replace(/[aeiou]/g, '');

interface Target {
  word: string;
  unit: boolean;
}

const TARGETS: Target[] = [];
const seen = new Set<string>();
const addTarget = (word: string, unit: boolean) => {
  if (word.length < 4 || seen.has(word) || /[^a-z]/.test(word)) return;
  seen.add(word);
  TARGETS.push({ word, unit });
};
for (const w of UNIT_WORDS) addTarget(w, true);
for (const w of WORKING_WORDS) addTarget(w, false);
for (const spellings of HINDI) for (const w of spellings) addTarget(w, false);
const BY_SKELETON = new Map<string, Target[]>();
/** Typists keep the first letter: only words that start alike are compared. */
const BY_FIRST = new Map<string, Target[]>();
for (const t of TARGETS) {
  BY_FIRST.set(t.word.charAt(0), [...(BY_FIRST.get(t.word.charAt(0)) ?? []), t]);
  const k = skeleton(t.word);
  BY_SKELETON.set(k, [...(BY_SKELETON.get(k) ?? []), t]);
}

export interface SpellingContext {
  /** The word means something as written (a working word, a product word...): leave it. */
  known(t: Token): boolean;
  /** The word names a customer: leave it. Asked only of words about to be repaired. */
  isName(t: Token): boolean;
}

/** What a word means to the engine: its unit, number or working concepts. */
const meaningOf = (word: string): string => {
  const probe: Token = { norm: word, key: keyOf(word), surface: word, pauseBefore: false };
  return `${unitOf(word) ?? ''}|${numberWord(word) ?? ''}|${[...conceptsOf(probe)].sort().join(',')}`;
};

/** After a name: a postposition or an honorific. */
const NAME_SLOT = new Set(['ka', 'ki', 'ke', 'ko', 'ne', 'se', 'ji', 'bhai', 'bhaiya', 'didi', 'sahab', 'saab', 'aunty', 'uncle']);

const isNumberToken = (t: Token | undefined) => t !== undefined && (isDigits(t) || numberWord(t.norm) !== null);

/** The word a misspelling stands for, or null when none or several fit. */
function repairOf(tokens: readonly Token[], i: number): string | null {
  const w = tokens[i]!.norm;
  let best: Target[] = [];
  let bestD = 2;
  if (w.length >= 4) {
    for (const t of BY_FIRST.get(w.charAt(0)) ?? []) {
      if (Math.abs(t.word.length - w.length) > 1) continue;
      const d = editDistance(w, t.word, 1);
      if (d < bestD) {
        bestD = d;
        best = [t];
      } else if (d === bestD) best.push(t);
    }
  }
  // "htao", "blnc", "pakt": the vowels dropped, the consonants as in the word meant.
  if (best.length === 0 && w.length >= 3 && /[^aeiou]{2}/.test(w)) {
    best = (BY_SKELETON.get(skeleton(w)) ?? []).filter((t) => t.word.length > w.length);
  }
  // "remindr" is one edit from reminder and from remind: one meaning, so either will do.
  const meanings = new Set(best.map((t) => meaningOf(t.word)));
  if (meanings.size === 1) return best[0]!.word;
  // After a number a unit is what is said: "2 kila" is 2 kilo, not kiya.
  const units = new Set(best.filter((t) => t.unit).map((t) => unitOf(t.word)));
  if (units.size === 1 && isNumberToken(tokens[i - 1])) return best.find((t) => t.unit)!.word;
  return null;
}

/** The tokens with misspelt working words replaced by the word meant (the surface kept as said). */
export function repairSpelling(tokens: readonly Token[], ctx: SpellingContext): Token[] {
  let out: Token[] | null = null;
  tokens.forEach((t, i) => {
    if (t.devanagari || isDigits(t) || /[^a-z]/.test(t.norm) || readNumber(tokens, i) !== null || ctx.known(t)) return;
    // A capitalised word past the first is a name the shop may not know yet ("naya customer Ravi");
    // so is a word before "ka"/"ko"/"ne"/"ji" ("Kamal ka balance" is not kamai), unless a number
    // before it makes it a unit ("2 kila ka").
    if (i > 0 && /^\p{Lu}/u.test(t.surface)) return;
    if (NAME_SLOT.has(tokens[i + 1]?.norm ?? '') && !isNumberToken(tokens[i - 1])) return;
    const word = repairOf(tokens, i);
    if (word === null || ctx.isName(t)) return;
    out ??= [...tokens];
    out[i] = { ...t, norm: word, key: keyOf(word) };
  });
  return out ?? [...tokens];
}
