// Finds the shop's products in what was said: by name, alias, a distinctive word of the name
// ("surf excel", "lux sabun"), the common Hindi word for the goods ("cheeni" for a product named
// Sugar) and, last, a near spelling ("tamater", "bred"). Built once per catalog version.
import { GROCERY_GROUPS } from '../../../common/hinglish/grocery';
import { conceptsOf } from '../../../common/hinglish/lexicon';
import { numberWord, readNumber } from '../../../common/hinglish/numbers';
import { isDigits, tokenize, type Token } from '../../../common/hinglish/tokens';
import { packSizeOf, unitOf } from '../../../common/hinglish/units';
import { editDistance } from '../../../common/text';
import type { Product } from '../../../common/types';

export interface ProductMention {
  start: number;
  /** One past the last word. */
  end: number;
  product: Product;
  /** Other products the same words fit as well (an "Amul" of two Amul products). */
  alternatives: Product[];
  /** How it was found: name or alias words, a Hindi synonym, or a near spelling. */
  how: 'phrase' | 'word' | 'synonym' | 'fuzzy';
}

interface WordHit {
  id: number;
  weight: number;
  /** A grammar or unit word of a name ("ki", "bottle" of "paani ki bottle"): never a mention alone. */
  weak?: boolean;
}

const MAX_PHRASE = 4;
const LIGHT_VERBS = new Set(['do', 'dena', 'dijiye', 'diya', 'diye', 'de', 'dete', 'dalo']);
/** "daal do" is put it in, not dal: a working word before a light verb is the verb. */
const isVerbHere = (tokens: readonly Token[], i: number) => conceptsOf(tokens[i]!).length > 0 && LIGHT_VERBS.has(tokens[i + 1]?.norm ?? '');

/** Words of a name or alias as keys, without the pack size ("Amul Taaza Milk 500ml" -> amul taza milk; "5 Star" keeps its 5). */
function contentKeys(text: string): string[] {
  const tokens = tokenize(text);
  const keys: string[] = [];
  tokens.forEach((t, i) => {
    if (isDigits(t) && unitOf(tokens[i + 1]?.norm ?? '') !== null) return;
    if (unitOf(t.norm) !== null && isDigits(tokens[i - 1])) return;
    keys.push(t.key);
  });
  return keys;
}

const isGrammar = (t: Token) => conceptsOf(t).includes('stop');

/** A key's first letter and its consonants: kolget and kolgate are both klgt. */
const skeleton = (key: string) => key.charAt(0) + key.slice(1).replace(/[aeiou]/g, '');

/** How a letter in a name is said ("Parle-G" is "parle ji"). */
const LETTER_NAMES: Record<string, string> = {
  a: 'e', b: 'bi', c: 'si', d: 'di', e: 'i', f: 'ef', g: 'ji', h: 'ech', i: 'ai', j: 'je', k: 'ke', l: 'el', m: 'em',
  n: 'en', o: 'o', p: 'pi', q: 'kyu', r: 'ar', s: 'es', t: 'ti', u: 'yu', v: 'vi', w: 'dablu', x: 'eks', y: 'vai', z: 'jed',
};

/** Joined keys of every grocery word -> the groups it belongs to. */
const GROUP_OF = new Map<string, number>();
GROCERY_GROUPS.forEach((g, gi) => {
  for (const w of g) GROUP_OF.set(tokenize(w).map((t) => t.key).join(' '), gi);
});

export class ProductMatcher {
  readonly products: readonly Product[];
  /** Joined keys of whole names, aliases and their synonyms -> products. */
  private readonly phrases = new Map<string, { ids: Set<number>; synonym: boolean }>();
  /** Single word key -> products whose name or alias holds it. */
  private readonly words = new Map<string, WordHit[]>();
  private readonly synonymWords = new Map<string, WordHit[]>();
  private readonly byId = new Map<number, Product>();
  private readonly wordCount = new Map<number, number>();
  private readonly nameKeys = new Map<number, string[]>();
  private readonly fuzzyKeys: string[] = [];

  constructor(products: readonly Product[]) {
    this.products = products;
    const groupOf = GROUP_OF;
    const wordOwners = new Map<string, Set<number>>();
    const synOwners = new Map<string, Set<number>>();
    for (const p of products) {
      this.byId.set(p.id, p);
      const sources = [p.name, ...p.aliases];
      const own = new Set<string>();
      for (const src of sources) {
        const keys = contentKeys(src);
        if (keys.length === 0) continue;
        this.addPhrase(keys, p.id, false);
        if (keys.length > 1 && keys.some((k) => LETTER_NAMES[k])) this.addPhrase(keys.map((k) => LETTER_NAMES[k] ?? k), p.id, false);
        for (const k of keys) if (k.length >= 2 && !/^\d+$/.test(k)) own.add(k);
        // The Hindi and English words for the same goods, for the whole source and for each word.
        const groups = new Set<number>();
        const whole = groupOf.get(keys.join(' '));
        if (whole !== undefined) groups.add(whole);
        for (const k of keys) {
          const g = groupOf.get(k);
          if (g !== undefined) groups.add(g);
        }
        for (const g of groups) {
          for (const syn of GROCERY_GROUPS[g]!) {
            const sk = contentKeys(syn);
            this.addPhrase(sk, p.id, true);
            if (sk.length === 1) addOwner(synOwners, sk[0]!, p.id);
          }
        }
      }
      this.nameKeys.set(p.id, contentKeys(p.name));
      this.wordCount.set(p.id, new Set(this.nameKeys.get(p.id)).size);
      for (const k of own) addOwner(wordOwners, k, p.id);
    }
    for (const [k, ids] of wordOwners) {
      const probe: Token = { norm: k, key: k, surface: k, pauseBefore: false };
      // Grammar words in a name ("Gehu ka Atta") never stand for it alone.
      const weak = isGrammar(probe) || k.length < 2 || unitOf(k) !== null;
      this.words.set(k, [...ids].map((id) => ({ id, weight: (weak ? 0.2 : 1) / ids.size, weak })));
      if (!weak && k.length >= 4) this.fuzzyKeys.push(k);
    }
    for (const [k, ids] of synOwners) {
      if (this.words.has(k)) continue;
      this.synonymWords.set(k, [...ids].map((id) => ({ id, weight: 0.8 / ids.size })));
    }
  }

  private addPhrase(keys: string[], id: number, synonym: boolean) {
    for (const form of [keys.join(' '), keys.join('')]) {
      const have = this.phrases.get(form);
      if (!have) this.phrases.set(form, { ids: new Set([id]), synonym });
      else if (!synonym || have.synonym) {
        if (!synonym && have.synonym) {
          // A real name or alias outranks a synonym for the same words.
          this.phrases.set(form, { ids: new Set([id]), synonym: false });
        } else have.ids.add(id);
      }
    }
  }

  /** True when the word is part of a product's name, alias or Hindi synonym as written. */
  knowsWord(key: string): boolean {
    return this.words.has(key) || this.synonymWords.has(key) || this.phrases.has(key);
  }

  get(id: number): Product | undefined {
    return this.byId.get(id);
  }

  /**
   * Product mentions in the words not already taken (`taken[i]` true). Whole names and aliases
   * first (longest), then single words grouped with their neighbours ("mirchi powder").
   * `fuzzy` also tries near spellings of words nothing else explained.
   */
  find(tokens: readonly Token[], taken: readonly boolean[], fuzzy: boolean): ProductMention[] {
    const out: ProductMention[] = [];
    const mine = new Array<boolean>(tokens.length).fill(false);
    const free = (i: number) => !taken[i] && !mine[i];
    // 1. Phrases, longest first, written apart or run together.
    for (let len = Math.min(MAX_PHRASE, tokens.length); len >= 1; len--) {
      for (let i = 0; i + len <= tokens.length; i++) {
        let ok = true;
        for (let k = i; k < i + len; k++) if (!free(k) || (k > i && tokens[k]!.pauseBefore)) ok = false;
        if (!ok) continue;
        const span = tokens.slice(i, i + len);
        if (len === 1 && (isGrammar(span[0]!) || numberWord(span[0]!.norm) !== null || readNumber(tokens, i) !== null || isVerbHere(tokens, i))) continue;
        const keys = span.map((t) => t.key);
        const hit = this.phrases.get(keys.join(' ')) ?? (len > 1 ? this.phrases.get(keys.join('')) : undefined);
        if (!hit) continue;
        // A single common word that is only a synonym needs to be a real goods word, not grammar.
        const ranked = this.rank([...hit.ids], keys);
        out.push({ start: i, end: i + len, product: ranked[0]!, alternatives: ranked.slice(1), how: hit.synonym ? 'synonym' : 'phrase' });
        for (let k = i; k < i + len; k++) mine[k] = true;
      }
    }
    // 2. Single words, grouped with neighbours that fit the same product.
    let group: { start: number; end: number; scores: Map<number, number>; how: ProductMention['how']; strong: boolean } | null = null;
    const flush = () => {
      if (!group) return;
      const best = [...group.scores.entries()].sort((a, b) => b[1] - a[1]);
      const top = best[0]!;
      if (top[1] >= 0.3 && group.strong) {
        const tied = best.filter(([, s]) => s >= top[1] - 1e-9).map(([id]) => this.byId.get(id)!);
        const ranked = this.rank(tied.map((p) => p.id), tokens.slice(group.start, group.end).map((t) => t.key));
        out.push({ start: group.start, end: group.end, product: ranked[0]!, alternatives: ranked.slice(1), how: group.how });
        for (let k = group.start; k < group.end; k++) mine[k] = true;
      }
      group = null;
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const hits = free(i) && !isVerbHere(tokens, i) && !isDigits(t) && numberWord(t.norm) === null && readNumber(tokens, i) === null ? this.wordHits(t, fuzzy, i === 0) : null;
      if (!hits) {
        flush();
        continue;
      }
      if (group && (t.pauseBefore || ![...hits.hits].some((h) => group!.scores.has(h.id)))) flush();
      if (!group) {
        group = { start: i, end: i + 1, scores: new Map(), how: hits.how, strong: false };
        for (const h of hits.hits) group.scores.set(h.id, h.weight);
      } else {
        const next = new Map<number, number>();
        for (const h of hits.hits) {
          const prev = group.scores.get(h.id);
          if (prev !== undefined) next.set(h.id, prev + h.weight);
        }
        group.scores = next;
        group.end = i + 1;
      }
      if (hits.hits.some((h) => !h.weak)) group.strong = true;
    }
    flush();
    return mergeNeighbours(tokens, out.sort((a, b) => a.start - b.start)).map((m) => this.withPackSize(tokens, m, taken));
  }

  /** "Coca-Cola 750ml", "Tata Salt 1 kg": the pack size said after the name is part of the name, not a quantity. */
  private withPackSize(tokens: readonly Token[], m: ProductMention, taken: readonly boolean[]): ProductMention {
    const pack = packSizeOf(m.product.name);
    const n = tokens[m.end];
    const u = tokens[m.end + 1];
    if (!pack || !n || !u || !isDigits(n) || taken[m.end] || taken[m.end + 1] || n.pauseBefore) return m;
    const said = packSizeOf(`${n.norm}${u.norm}`) ?? packSizeOf(`${n.norm} ${u.norm}`);
    return said && said.dim === pack.dim && said.base === pack.base ? { ...m, end: m.end + 2 } : m;
  }

  private wordHits(t: Token, fuzzy: boolean, first: boolean): { hits: WordHit[]; how: ProductMention['how'] } | null {
    const keys = [t.key];
    // English plurals and Hindi plural endings: eggs/egg, kele/kela.
    if (t.key.length > 3 && t.key.endsWith('s')) keys.push(t.key.slice(0, -1));
    if (t.key.length > 3 && t.key.endsWith('e')) keys.push(`${t.key.slice(0, -1)}a`);
    for (const k of keys) {
      const direct = this.words.get(k);
      if (direct) return { hits: direct, how: 'word' };
    }
    for (const k of keys) {
      const syn = this.synonymWords.get(k);
      if (syn) return { hits: syn, how: 'synonym' };
    }
    if (!fuzzy || t.key.length < (t.devanagari ? 3 : 4) || conceptsOf(t).length > 0) return null;
    // A capitalised word that matched nothing is a name ("Rajesh Khanna"), not a misspelt product.
    if (!first && /^\p{Lu}/u.test(t.surface)) return null;
    const max = t.key.length >= 7 ? 2 : 1;
    let best: string | null = null;
    let bestD = max + 1;
    for (const k of this.fuzzyKeys) {
      const d = editDistance(t.key, k, max);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    // Devanagari read as Latin keeps or drops vowels unlike the catalog's spelling (कोलगेट is kolget,
    // लक्स laksa): the consonants then still agree.
    if (best === null && t.devanagari) {
      const sk = skeleton(t.key.replace(/([^aeiou])a$/, '$1'));
      if (sk.length >= 3) best = this.fuzzyKeys.find((k) => skeleton(k) === sk) ?? null;
      // Short brand words: कोक is kok, the catalog's coke.
      else if (sk.length === 2) best = this.fuzzyKeys.find((k) => k.length <= 5 && skeleton(k) === sk) ?? null;
    }
    if (best === null) return null;
    return { hits: this.words.get(best)!.map((h) => ({ id: h.id, weight: h.weight * 0.9 })), how: 'fuzzy' };
  }

  /**
   * Best first: the product whose name is most covered by the words said; then the one whose name
   * ends in what was said or its synonym (a "doodh" is Mother Dairy Milk, not Dairy Milk Chocolate:
   * the last word of a name says what it is); then the shorter name.
   */
  private rank(ids: number[], keys: string[]): Product[] {
    const said = new Set(keys);
    const saidGroups = new Set<number>();
    for (const k of [...keys, keys.join(' ')]) {
      const g = GROUP_OF.get(k);
      if (g !== undefined) saidGroups.add(g);
    }
    const cover = (p: Product) => {
      const nameKeys = this.nameKeys.get(p.id) ?? [];
      const hit = nameKeys.filter((k) => said.has(k)).length;
      return hit / Math.max(1, nameKeys.length);
    };
    const head = (p: Product) => {
      const last = this.nameKeys.get(p.id)?.at(-1);
      if (last === undefined) return 0;
      const g = GROUP_OF.get(last);
      return said.has(last) || (g !== undefined && saidGroups.has(g)) ? 1 : 0;
    };
    return ids
      .map((id) => this.byId.get(id)!)
      .sort((a, b) => cover(b) - cover(a) || head(b) - head(a) || (this.wordCount.get(a.id) ?? 0) - (this.wordCount.get(b.id) ?? 0) || a.name.localeCompare(b.name));
  }
}

function addOwner(map: Map<string, Set<number>>, key: string, id: number) {
  const have = map.get(key);
  if (have) have.add(id);
  else map.set(key, new Set([id]));
}

/**
 * Neighbouring mentions that can be one product are one: "lux sabun" (two aliases of Lux Soap),
 * "mirchi powder" (an alias, then a word two products share).
 */
export function mergeNeighbours(tokens: readonly Token[], mentions: ProductMention[]): ProductMention[] {
  const out: ProductMention[] = [];
  for (const m of mentions) {
    const prev = out.at(-1);
    if (prev && prev.end === m.start && !tokens[m.start]!.pauseBefore) {
      const prevAll = [prev.product, ...prev.alternatives];
      const mIds = new Set([m.product, ...m.alternatives].map((p) => p.id));
      const both = prevAll.filter((p) => mIds.has(p.id));
      if (both.length > 0) {
        // Prefer the one the more specific mention (fewer alternatives) chose.
        const specific = prev.alternatives.length <= m.alternatives.length ? prev : m;
        const product = both.find((p) => p.id === specific.product.id) ?? both[0]!;
        out[out.length - 1] = { start: prev.start, end: m.end, product, alternatives: both.filter((p) => p.id !== product.id), how: prev.how === 'phrase' || m.how === 'phrase' ? 'phrase' : prev.how };
        continue;
      }
    }
    out.push(m);
  }
  return out;
}
