// The in-memory index behind customer-search.
//
// Why in memory and not FTS5: the match we need is by phonetic key, by key prefix (the cashier is
// still typing) and by edit distance on the key (typos, STT slips), scored per field. FTS5 gives
// tokens and prefixes but no edit distance, and its bm25 ranks by rarity, not by how a name sounds.
// The distinct words of a shop's customers are few (a few thousand names, surnames and landmark
// words even at 100,000 customers), so fuzzy matching runs over that small dictionary and only the
// postings of the words that matched are touched: no scan of the customers per keystroke. The
// index is a cache of committed rows: it is built on the first search, and rows written since
// (new ids, or ids marked changed by customer-create/customer-update and their undo) are read
// again before the next search, so a rolled-back write can never leave it wrong.
import { editDistance, latinWords, phoneticKey } from '../../../common/text';

export const FIELDS = ['name', 'nickname', 'landmark', 'notes'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_NAME = 0;
/** How much a match in each field counts: the name most, notes least. */
export const FIELD_WEIGHT = [1, 0.95, 0.85, 0.7] as const;

export interface IndexedCustomer {
  id: number;
  name: string;
  nickname: string | null;
  landmark: string | null;
  notes: string | null;
  phone: string | null;
}

/** A dictionary word that matched a query word, and how well (0..1). */
export interface WordMatch {
  word: string;
  similarity: number;
}

// Similarity of a query word to a dictionary word by how they matched.
export const SIM_EXACT = 1;
export const SIM_SAME_KEY = 0.92;
const prefixSimilarity = (queryKey: string, key: string) => 0.55 + (0.35 * queryKey.length) / key.length;
const typoSimilarity = (distance: number, a: string, b: string) => 0.85 * (1 - distance / Math.max(a.length, b.length));

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The key itself and the key with each one letter left out (the deletion neighbourhood). */
function deletions(key: string): string[] {
  const out = [key];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

const MATCH_CACHE_SIZE = 5000;

/** The last 10 digits of a stored phone, or null. */
export const phoneDigits = (phone: string | null): string | null => {
  const d = (phone ?? '').replace(/\D/g, '');
  return d.length >= 10 ? d.slice(-10) : d.length > 0 ? d : null;
};

/**
 * Postings are per slot, not per customer id: a changed customer gets a new slot and the old one is
 * marked dead, so an update costs its own words only instead of a filter over every list it was in.
 */
export class CustomerSearchIndex {
  /** word -> slot * 4 + field */
  readonly postings = new Map<string, number[]>();
  private readonly keyOfWord = new Map<string, string>();
  private readonly wordsByKey = new Map<string, string[]>();
  private readonly keysByPrefix = new Map<string, string[]>();
  /** Spelt prefixes of 2 and 3 letters, for query words whose key is too short to say much ("sha" is key "sa"). */
  private readonly wordsByPrefix = new Map<string, string[]>();
  private readonly keysByDeletion = new Map<string, string[]>();
  /** Spellings too: "Ramseh" is one swap from "Ramesh" but two edits from its key "rames". */
  private readonly wordsByDeletion = new Map<string, string[]>();
  private readonly phoneHead = new Map<string, number[]>();
  private readonly phoneTail = new Map<string, number[]>();
  private readonly slotOfId = new Map<number, number>();
  /** Query word -> its matches; the same names are asked for all day. Cleared when a word is added. */
  private readonly matchCache = new Map<string, WordMatch[]>();
  /** Per slot: the customer id, or -1 when the slot is dead. */
  readonly slotId: number[] = [];
  readonly slotName: string[] = [];
  readonly slotNameWords: number[] = [];
  readonly slotPhone: (string | null)[] = [];

  get size(): number {
    return this.slotOfId.size;
  }

  get slotCount(): number {
    return this.slotId.length;
  }

  has(id: number): boolean {
    return this.slotOfId.has(id);
  }

  /** Adds or replaces one customer. */
  put(c: IndexedCustomer): void {
    this.remove(c.id);
    const slot = this.slotId.length;
    this.slotOfId.set(c.id, slot);
    this.slotId.push(c.id);
    this.slotName.push(c.name.toLowerCase());
    const texts = [c.name, c.nickname, c.landmark, c.notes];
    let nameWords = 0;
    texts.forEach((text, field) => {
      if (!text) return;
      const seen = new Set<string>();
      for (const word of latinWords(text)) {
        if (field === FIELD_NAME) nameWords++;
        if (seen.has(word)) continue;
        seen.add(word);
        this.addWord(word);
        pushTo(this.postings, word, slot * 4 + field);
      }
    });
    this.slotNameWords.push(Math.max(nameWords, 1));
    const phone = phoneDigits(c.phone);
    this.slotPhone.push(phone);
    // Buckets by the first and the last 4 digits (about ten phones each at 100,000 customers), not a
    // map of whole numbers: a hundred thousand one-entry lists would only weigh on the collector.
    if (phone && phone.length >= 4) {
      pushTo(this.phoneHead, phone.slice(0, 4), slot);
      pushTo(this.phoneTail, phone.slice(-4), slot);
    }
  }

  remove(id: number): void {
    const slot = this.slotOfId.get(id);
    if (slot === undefined) return;
    this.slotId[slot] = -1;
    this.slotOfId.delete(id);
  }

  /** The phonetic key of a word, remembered (the same few thousand words come back all day). */
  keyOf(word: string): string {
    let key = this.keyOfWord.get(word);
    if (key === undefined) {
      key = phoneticKey(word);
      this.keyOfWord.set(word, key);
    }
    return key;
  }

  private addWord(word: string): void {
    if (this.postings.has(word)) return;
    this.matchCache.clear();
    if (!/^\d+$/.test(word)) {
      if (word.length >= 3) for (const d of new Set(deletions(word))) pushTo(this.wordsByDeletion, d, word);
      for (let n = 2; n <= 3 && n < word.length; n++) pushTo(this.wordsByPrefix, word.slice(0, n), word);
    }
    const key = this.keyOf(word);
    const isNewKey = !this.wordsByKey.has(key);
    pushTo(this.wordsByKey, key, word);
    if (!isNewKey) return;
    for (let n = 3; n < key.length; n++) pushTo(this.keysByPrefix, key.slice(0, n), key);
    if (key.length >= 3) for (const d of new Set(deletions(key))) pushTo(this.keysByDeletion, d, key);
  }

  /**
   * Dictionary words that match a query word: the same spelling, the same phonetic key, a key the
   * query key begins (still typing), or a key one edit away (two for long words).
   */
  matchWord(word: string, fuzzy: boolean): WordMatch[] {
    const cacheKey = (fuzzy ? '~' : '=') + word;
    const cached = this.matchCache.get(cacheKey);
    if (cached) return cached;
    const found = this.findWord(word, fuzzy);
    if (this.matchCache.size >= MATCH_CACHE_SIZE) this.matchCache.clear();
    this.matchCache.set(cacheKey, found);
    return found;
  }

  private findWord(word: string, fuzzy: boolean): WordMatch[] {
    const best = new Map<string, number>();
    const offer = (w: string, sim: number) => {
      if (sim > (best.get(w) ?? 0)) best.set(w, sim);
    };
    if (this.postings.has(word)) offer(word, SIM_EXACT);
    const key = this.keyOf(word);
    for (const w of this.wordsByKey.get(key) ?? []) offer(w, SIM_SAME_KEY);
    if (fuzzy && !/^\d+$/.test(word)) {
      // A key of 3 or more letters is matched as a prefix of keys (all spellings); a shorter one
      // merges too much ("sha" and "sa" are both "sa"), so then the spelling itself is the prefix.
      if (key.length >= 3) {
        for (const k of this.keysByPrefix.get(key) ?? []) {
          const sim = prefixSimilarity(key, k);
          for (const w of this.wordsByKey.get(k) ?? []) offer(w, sim);
        }
      } else if (word.length >= 2) {
        for (const w of this.wordsByPrefix.get(word) ?? []) offer(w, prefixSimilarity(word, w));
      }
      if (key.length >= 3) {
        const maxDistance = key.length >= 6 ? 2 : 1;
        const tried = new Set<string>([key]);
        for (const d of deletions(key)) {
          for (const k of this.keysByDeletion.get(d) ?? []) {
            if (tried.has(k)) continue;
            tried.add(k);
            const distance = editDistance(key, k, maxDistance);
            if (distance > maxDistance) continue;
            const sim = typoSimilarity(distance, key, k);
            for (const w of this.wordsByKey.get(k) ?? []) offer(w, sim);
          }
        }
      }
      if (word.length >= 3) {
        const maxDistance = word.length >= 6 ? 2 : 1;
        for (const d of deletions(word)) {
          for (const w of this.wordsByDeletion.get(d) ?? []) {
            const distance = editDistance(word, w, maxDistance);
            if (distance <= maxDistance) offer(w, typoSimilarity(distance, word, w));
          }
        }
      }
    }
    return [...best].map(([w, similarity]) => ({ word: w, similarity }));
  }

  /**
   * Slots whose phone matches typed digits: all 10 (similarity 1), or at least 4 from the end or
   * the start (the cashier often types only the last digits).
   */
  matchPhone(digits: string): { slot: number; similarity: number }[] {
    if (digits.length < 4) return [];
    if (digits.length >= 10) {
      const whole = digits.slice(-10);
      return (this.phoneTail.get(whole.slice(-4)) ?? []).filter((slot) => this.slotPhone[slot] === whole).map((slot) => ({ slot, similarity: 1 }));
    }
    const out = new Map<number, number>();
    for (const slot of this.phoneTail.get(digits.slice(-4)) ?? []) {
      if (this.slotPhone[slot]?.endsWith(digits)) out.set(slot, 0.55 + 0.04 * digits.length);
    }
    for (const slot of this.phoneHead.get(digits.slice(0, 4)) ?? []) {
      if (this.slotPhone[slot]?.startsWith(digits) && !out.has(slot)) out.set(slot, 0.45 + 0.04 * digits.length);
    }
    return [...out].map(([slot, similarity]) => ({ slot, similarity }));
  }
}
