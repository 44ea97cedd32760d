// Who the utterance is about. The words nothing else explained (not a number, product, date,
// payment mode or working word) are the name, with the words around a name that help find it
// ("bhai", "ji", "ATM wale", "mandir wali gali"). customer-search does the matching (one search
// for the whole app); this only decides whether its answer names one customer or several.
import { FILLER_WORDS, phoneticKey } from '../../../common/text';
import { conceptsOf } from '../../../common/hinglish/lexicon';
import { numberWord } from '../../../common/hinglish/numbers';
import { isDigits, type Token } from '../../../common/hinglish/tokens';
import type { CustomerMatch } from '../../../common/types';

const HONORIFIC_END = /^(.+?)(ji|jee|bhai|bhaiya|didi|sahab|saab|chacha|kaka|uncle|aunty|madam|sir)$/;

/** Below this, a search answer is not taken as the customer meant. */
export const MIN_CUSTOMER_SCORE = 0.72;
/** Answers this close to the best are as good as the best: the mention fits several. */
const TIE = 0.015;

export interface CustomerRef {
  /** Full name when one customer fits; null when several do. */
  name: string | null;
  id: number | null;
  /** The customers that fit equally well (one when resolved). */
  candidates: CustomerMatch[];
  start: number;
  end: number;
  score: number;
}

type WordClass = 'name' | 'context' | 'link' | 'other';

const FILLER_KEYS = new Set(FILLER_WORDS.map(phoneticKey));
const isFillerWord = (t: Token) => FILLER_KEYS.has(t.key);

/** After a name: a postposition or an honorific ("Sahi ko", "Mangal ne", "Sahi ji"). */
const AFTER_NAME = new Set(['ko', 'ka', 'ki', 'ke', 'se', 'ne', 'pe', 'par', 'ji', 'jee', 'bhai', 'bhaiya', 'didi', 'sahab', 'saab', 'chacha', 'kaka', 'uncle', 'aunty', 'madam', 'sir', 'ben', 'behen']);

/**
 * A working word that may be a name here: said before a postposition or an honorific ("Sahi ko",
 * "Mangal ji"), not grammar or a number. Only a customer search that finds someone makes it one.
 */
export const mayBeName = (tokens: readonly Token[], i: number): boolean => {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (!next || next.pauseBefore || !AFTER_NAME.has(next.norm) || isDigits(t) || numberWord(t.norm) !== null || t.norm.length < 3) return false;
  const concepts = conceptsOf(t);
  return concepts.length > 0 && !concepts.includes('stop') && !isFillerWord(t);
};

function classify(t: Token, taken: boolean, commonWordName = false): WordClass {
  if (taken || isDigits(t)) return 'other';
  if (commonWordName) return 'name';
  if (isFillerWord(t)) return ['ke', 'ka', 'ki', 'ko', 'se', 'me', 'mein', 'pe', 'par', 'aur', 'and', 'the', 'of'].includes(t.norm) ? (['ke', 'ka', 'ki'].includes(t.norm) ? 'link' : 'other') : 'context';
  const concepts = conceptsOf(t);
  if (concepts.includes('place')) return 'context';
  if (concepts.length > 0 || numberWord(t.norm) !== null) return 'other';
  return t.norm.length >= 2 ? 'name' : 'other';
}

export interface NameRun {
  start: number;
  end: number;
  /** Indexes of the name words (not context or links). */
  names: number[];
}

/** Runs of words that may be a customer's name with its context ("rahul atm wale", "mandir wali gali wale rahul"). */
export function nameRuns(tokens: readonly Token[], taken: readonly boolean[], commonWordNames = false): NameRun[] {
  const cls = tokens.map((t, i) => classify(t, taken[i] ?? false, commonWordNames && mayBeName(tokens, i)));
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (cls[i] !== 'name' && cls[i] !== 'context') {
      i++;
      continue;
    }
    const start = i;
    const names: number[] = [];
    let end = i;
    while (i < tokens.length) {
      const c = cls[i];
      if (i > start && tokens[i]!.pauseBefore) break;
      if (c === 'name' || c === 'context') {
        if (c === 'name') names.push(i);
        i++;
        end = i;
        continue;
      }
      // "ATM ke paas", "school ke saamne wali": a link inside a landmark.
      if (c === 'link' && (cls[i + 1] === 'context' || cls[i + 1] === 'name') && !tokens[i + 1]?.pauseBefore) {
        i++;
        continue;
      }
      break;
    }
    if (names.length > 0) runs.push({ start, end, names });
    if (i === start) i++;
  }
  return runs;
}

const words = (tokens: readonly Token[], start: number, end: number) =>
  tokens
    .slice(start, end)
    .map((t) => t.norm)
    .join(' ');

/** The customer a set of words names, or null; several customers when the words fit them equally. */
export function judge(results: readonly CustomerMatch[], start: number, end: number): CustomerRef | null {
  const top = results[0];
  if (!top || top.matchScore < MIN_CUSTOMER_SCORE) return null;
  const tied = results.filter((r) => r.matchScore >= top.matchScore - TIE);
  const one = tied.length === 1 ? top : null;
  return { name: one?.name ?? null, id: one?.id ?? null, candidates: tied, start, end, score: top.matchScore };
}

/**
 * The customer mentioned in the words not taken by anything else. Each run is searched whole;
 * when that finds nobody, its name words are tried one at a time with the words around them.
 * `commonWordNames`: the second look, where a working word before "ko"/"ne"/"ji" may be a name.
 */
export function findCustomer(tokens: readonly Token[], taken: readonly boolean[], search: (q: string) => readonly CustomerMatch[], commonWordNames = false): CustomerRef | null {
  let best: CustomerRef | null = null;
  const consider = (start: number, end: number) => {
    const found = judge(search(words(tokens, start, end)), start, end);
    if (found && (!best || found.score > best.score + 1e-9 || (found.score >= best.score - 1e-9 && found.name !== null && best.name === null))) best = found;
    return found;
  };
  const considerText = (q: string, start: number, end: number) => {
    const found = judge(search(q), start, end);
    if (found && (!best || found.score > best.score + 1e-9)) best = found;
    return found;
  };
  for (const run of nameRuns(tokens, taken, commonWordNames)) {
    // A second look with working words as names: only runs that hold one.
    if (commonWordNames && !run.names.some((n) => mayBeName(tokens, n))) continue;
    if (consider(run.start, run.end)) continue;
    // "Guptaji", "Rahulbhai": an honorific run onto the name.
    for (const n of run.names) {
      const m = HONORIFIC_END.exec(tokens[n]!.norm);
      if (m && m[1]!.length >= 3) considerText(`${m[1]} ${m[2]}`, n, n + 1);
    }
    if (run.names.length < 2) continue;
    for (const n of run.names) {
      let s = n;
      let e = n + 1;
      while (s > run.start && !run.names.includes(s - 1)) s--;
      while (e < run.end && !run.names.includes(e)) e++;
      consider(s, e);
    }
    for (let k = 0; k + 1 < run.names.length; k++) {
      if (run.names[k + 1] === run.names[k]! + 1) consider(run.names[k]!, run.names[k]! + 2);
    }
  }
  return best;
}
