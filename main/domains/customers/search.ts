// customer-search: one fuzzy Hinglish search for the API, the screen and the voice engine.
//
// Scoring, 0..1: each query word takes its best match over the customer's fields (similarity of
// the words x the field's weight: name 1, nickname 0.95, landmark 0.85, notes 0.7) and the words
// are averaged, so "Rahul atm" ranks the Rahul whose landmark says ATM above the other Rahuls.
// Filler words ("wala", "ji", "ke paas", "bhai") are not averaged in; when one appears in a
// customer's name, nickname or landmark it adds a small bonus, so "Rahul bhai" prefers the Rahul
// nicknamed "Rahul bhai" while "Sharma ji" still finds every Sharma. Name words the query did not
// mention cost a little (the query "Rahul" puts "Rahul" before "Rahul Kumar Gupta"). A full phone
// number scores 1 and comes first.
import { isFillerWord, latinWords } from '../../../common/text';
import type { CustomerMatch } from '../../../common/types';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';
import { readCustomers } from './read';
import { CustomerSearchIndex, FIELD_NAME, FIELD_WEIGHT, type IndexedCustomer } from './search-index';

export const MIN_MATCH_SCORE = 0.3;
const MAX_QUERY_WORDS = 8;
/** Per unmentioned name word, up to three. */
const UNMENTIONED_NAME_WORD_COST = 0.03;
const FILLER_BONUS = 0.08;

export interface ParsedQuery {
  /** Words that must match (name, landmark, nickname, notes words). */
  words: string[];
  /** Filler words: a bonus when present, no cost when absent. */
  fillers: string[];
  /** Digits typed for a phone (4 or more), without +91 or a leading 0; null when none. */
  phone: string | null;
}

/** Splits a query into the words to match, the filler words and any phone digits. */
export function parseCustomerQuery(q: string): ParsedQuery {
  const compact = q.replace(/[\s().-]/g, '');
  if (/^\+?\d{4,}$/.test(compact)) return { words: [], fillers: [], phone: nationalDigits(compact.replace('+', '')) };
  const all = latinWords(q);
  const digitRuns = all.filter((w) => /^\d+$/.test(w));
  const digits = digitRuns.join('');
  const phone = digits.length >= 4 ? nationalDigits(digits) : null;
  const text = phone ? all.filter((w) => !/^\d+$/.test(w)) : all;
  const words = text.filter((w) => !isFillerWord(w));
  // Only filler words ("bhai"): then they are what is being looked for.
  if (words.length === 0 && !phone) return { words: text.slice(0, MAX_QUERY_WORDS), fillers: [], phone: null };
  return { words: words.slice(0, MAX_QUERY_WORDS), fillers: text.filter(isFillerWord).slice(0, MAX_QUERY_WORDS), phone };
}

function nationalDigits(d: string): string {
  if (d.length === 12 && d.startsWith('91')) return d.slice(2);
  if (d.length === 11 && d.startsWith('0')) return d.slice(1);
  return d;
}

/** Per-connection index, built on the first search and refreshed from committed rows. */
interface IndexState {
  index: CustomerSearchIndex;
  maxId: number;
  changed: Set<number>;
  /** Built inside someone's transaction, which may yet roll back: built again once outside one. */
  provisional: boolean;
}

const states = new WeakMap<Db, IndexState>();

/**
 * Tells the index a customer was written; it is read again before the next search. Call it from
 * any write to a customer's name, nickname, landmark, notes or phone.
 */
export function markCustomerChanged(db: Db, id: number): void {
  states.get(db)?.changed.add(id);
  warming.get(db)?.add(id);
}

/** Customers written while an index is being built in slices: read again once it is installed. */
const warming = new WeakMap<Db, Set<number>>();

const SELECT_INDEXED = 'SELECT id, name, nickname, landmark, notes, phone FROM customers';

/** Builds the index now instead of on the first search. */
export function warmCustomerIndex(db: Db): CustomerSearchIndex {
  return freshIndex(db);
}

/**
 * Builds the index in slices of `rowsPerSlice` customers, yielding to the event loop between them,
 * so requests that come in meanwhile (the counter's screen loading at start) are answered at once.
 * A search before it finishes builds the index itself, and this one is dropped. Resolves true when
 * this build was installed.
 */
export async function warmCustomerIndexInSlices(db: Db, rowsPerSlice = 5000): Promise<boolean> {
  if (states.has(db) || warming.has(db)) return false;
  const changed = new Set<number>();
  warming.set(db, changed);
  try {
    const index = new CustomerSearchIndex();
    let lastId = 0;
    const slice = prepared<[number, number], IndexedCustomer>(db, `${SELECT_INDEXED} WHERE id > ? ORDER BY id LIMIT ?`);
    for (;;) {
      if (!db.open || states.has(db)) return false;
      const rows = slice.all(lastId, rowsPerSlice);
      for (const row of rows) index.put(row);
      if (rows.length < rowsPerSlice) {
        lastId = rows.at(-1)?.id ?? lastId;
        break;
      }
      lastId = rows.at(-1)!.id;
      await new Promise((r) => setImmediate(r));
    }
    if (states.has(db)) return false;
    // Rows beyond lastId and the customers written meanwhile are read on the next search.
    states.set(db, { index, maxId: lastId, changed, provisional: false });
    return true;
  } finally {
    warming.delete(db);
  }
}

function build(db: Db): IndexState {
  const index = new CustomerSearchIndex();
  let maxId = 0;
  for (const row of prepared<[], IndexedCustomer>(db, SELECT_INDEXED).iterate()) {
    index.put(row);
    if (row.id > maxId) maxId = row.id;
  }
  return { index, maxId, changed: new Set(), provisional: db.inTransaction };
}

function freshIndex(db: Db): CustomerSearchIndex {
  let state = states.get(db);
  // Dead slots pile up with edits; past twice the live ones, build afresh.
  if (!state || (state.provisional && !db.inTransaction) || state.index.slotCount > 2 * state.index.size + 10_000) {
    state = build(db);
    states.set(db, state);
    return state.index;
  }
  const { max } = prepared<[], { max: number | null }>(db, 'SELECT max(id) AS max FROM customers').get() ?? { max: null };
  const maxId = max ?? 0;
  if (maxId === state.maxId && state.changed.size === 0) return state.index;
  const ids = new Set(state.changed);
  const rows = [
    ...(ids.size > 0 ? prepared<[string], IndexedCustomer>(db, `${SELECT_INDEXED} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...ids])) : []),
    ...prepared<[number], IndexedCustomer>(db, `${SELECT_INDEXED} WHERE id > ?`).all(Math.min(state.maxId, maxId)),
  ];
  // A rolled-back insert can leave an id the table no longer has.
  for (let id = maxId + 1; id <= state.maxId; id++) ids.add(id);
  for (const row of rows) {
    state.index.put(row);
    ids.delete(row.id);
  }
  for (const gone of ids) state.index.remove(gone);
  // Inside someone's transaction the rows read may yet roll back: read them again next time.
  if (db.inTransaction) for (const row of rows) state.changed.add(row.id);
  else {
    state.changed.clear();
    state.maxId = maxId;
  }
  return state.index;
}

interface Ranked {
  slot: number;
  score: number;
  phoneExact: boolean;
}

/** Best first: an exact phone, then score, then name, then the older customer. */
function before(index: CustomerSearchIndex, slot: number, score: number, phoneExact: boolean, b: Ranked): boolean {
  if (phoneExact !== b.phoneExact) return phoneExact;
  if (score !== b.score) return score > b.score;
  const an = index.slotName[slot]!;
  const bn = index.slotName[b.slot]!;
  if (an !== bn) return an < bn;
  return index.slotId[slot]! < index.slotId[b.slot]!;
}

/** Keeps the best `limit`, allocating only for a candidate that gets in (most do not). */
function insertTop(index: CustomerSearchIndex, top: Ranked[], slot: number, score: number, phoneExact: boolean, limit: number): void {
  if (top.length === limit && !before(index, slot, score, phoneExact, top[limit - 1]!)) return;
  let i = top.length;
  while (i > 0 && before(index, slot, score, phoneExact, top[i - 1]!)) i--;
  top.splice(i, 0, { slot, score, phoneExact });
  if (top.length > limit) top.pop();
}

/**
 * Scratch space reused between searches: one float per (slot, query word) and the list of slots
 * touched. The hot loops below are small functions over typed arrays so that V8 optimises them
 * early and they allocate nothing per posting (a search may walk tens of thousands of postings).
 */
class Scratch {
  best = new Float32Array(0);
  bestField = new Uint8Array(0);
  epochOf = new Uint32Array(0);
  fillerHits = new Uint8Array(0);
  touched = new Int32Array(0);
  touchedCount = 0;
  epoch = 0;

  begin(slots: number): void {
    if (this.epochOf.length < slots) {
      const n = Math.max(slots, this.epochOf.length * 2, 1024);
      this.best = new Float32Array(n * STRIDE);
      this.bestField = new Uint8Array(n * STRIDE);
      this.epochOf = new Uint32Array(n);
      this.fillerHits = new Uint8Array(n);
      this.touched = new Int32Array(n);
      this.epoch = 0;
    }
    if (this.epoch === 0xffffffff) {
      this.epochOf.fill(0);
      this.epoch = 0;
    }
    this.epoch++;
    this.touchedCount = 0;
  }
}
const scratch = new Scratch();
const STRIDE = MAX_QUERY_WORDS + 1;
const PHONE_FIELD = 255;
const WEIGHTS = Float64Array.from(FIELD_WEIGHT);

/** Records, per slot, the best value of query word t over the postings of one matched word. */
function accumulate(s: Scratch, alive: number[], postings: number[], similarity: number, t: number): void {
  const { best, bestField, epochOf, fillerHits, touched, epoch } = s;
  for (let i = 0; i < postings.length; i++) {
    const posting = postings[i]!;
    const slot = posting >> 2;
    if (alive[slot] === -1) continue;
    const field = posting & 3;
    const at = slot * STRIDE;
    if (epochOf[slot] !== epoch) {
      epochOf[slot] = epoch;
      for (let k = 0; k < STRIDE; k++) best[at + k] = 0;
      fillerHits[slot] = 0;
      touched[s.touchedCount++] = slot;
    }
    const value = similarity * WEIGHTS[field]!;
    if (value > best[at + t]!) {
      best[at + t] = value;
      bestField[at + t] = field;
    }
  }
}

function accumulatePhone(s: Scratch, slot: number, similarity: number, t: number): void {
  const at = slot * STRIDE;
  if (s.epochOf[slot] !== s.epoch) {
    s.epochOf[slot] = s.epoch;
    for (let k = 0; k < STRIDE; k++) s.best[at + k] = 0;
    s.fillerHits[slot] = 0;
    s.touched[s.touchedCount++] = slot;
  }
  s.best[at + t] = similarity;
  s.bestField[at + t] = PHONE_FIELD;
}

/** Filler words only lift customers already found, and only from name, nickname or landmark. */
function markFillers(s: Scratch, postings: number[], bit: number): void {
  const { epochOf, fillerHits, epoch } = s;
  for (let i = 0; i < postings.length; i++) {
    const posting = postings[i]!;
    const slot = posting >> 2;
    if (epochOf[slot] === epoch && (posting & 3) <= 2) fillerHits[slot]! |= bit;
  }
}

function rank(s: Scratch, index: CustomerSearchIndex, query: ParsedQuery, limit: number): Ranked[] {
  const { best, bestField, fillerHits, touched } = s;
  const terms = query.words.length + (query.phone ? 1 : 0);
  const words = query.words.length;
  const fillers = query.fillers.length;
  const top: Ranked[] = [];
  for (let i = 0; i < s.touchedCount; i++) {
    const slot = touched[i]!;
    const at = slot * STRIDE;
    let sum = 0;
    let nameHits = 0;
    let phoneExact = false;
    for (let t = 0; t < terms; t++) {
      const v = best[at + t]!;
      sum += v;
      const field = bestField[at + t];
      if (v > 0 && field === FIELD_NAME) nameHits++;
      if (v === 1 && field === PHONE_FIELD) phoneExact = true;
    }
    let score = sum / terms;
    if (words > 0) score *= 1 - UNMENTIONED_NAME_WORD_COST * Math.min(3, Math.max(0, index.slotNameWords[slot]! - nameHits));
    if (fillers > 0) score += (FILLER_BONUS * popcount(fillerHits[slot]!)) / fillers;
    if (score >= MIN_MATCH_SCORE) insertTop(index, top, slot, score, phoneExact, limit);
  }
  return top;
}

/** The customers matching a query, best first, each with a matchScore of at least 0.3. */
export function searchCustomers(db: Db, q: string, limit: number): CustomerMatch[] {
  const index = freshIndex(db);
  const query = parseCustomerQuery(q);
  if (query.words.length === 0 && !query.phone) return [];
  scratch.begin(index.slotCount);
  const alive = index.slotId;
  query.words.forEach((word, t) => {
    for (const m of index.matchWord(word, true)) accumulate(scratch, alive, index.postings.get(m.word) ?? [], m.similarity, t);
  });
  if (query.phone) {
    for (const m of index.matchPhone(query.phone)) if (alive[m.slot] !== -1) accumulatePhone(scratch, m.slot, m.similarity, query.words.length);
  }
  query.fillers.forEach((word, f) => {
    for (const m of index.matchWord(word, false)) markFillers(scratch, index.postings.get(m.word) ?? [], 1 << f);
  });
  const top = rank(scratch, index, query, limit);
  const customers = readCustomers(db, top.map((r) => alive[r.slot]!));
  const scoreOf = new Map(top.map((r) => [alive[r.slot]!, Math.min(1, Math.round(r.score * 1000) / 1000)]));
  return customers.map((c) => ({ ...c, matchScore: scoreOf.get(c.id) ?? MIN_MATCH_SCORE }));
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}
