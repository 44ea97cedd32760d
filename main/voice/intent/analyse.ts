// One pass over an utterance that finds everything the intent rules look at: phone numbers, a day
// and time, payment modes, products, numbers and units, the quantity each product was said with,
// the customer, and the working words. Order matters: each step only looks at words the steps
// before it left unexplained (a time's "7" is not an amount, a product is not a name).
import { conceptIndex, hasConcept, type Concept } from '../../../common/hinglish/lexicon';
import { findWhen, isWeekdayWord, type WhenMention } from '../../../common/hinglish/datetime';
import { findNumbers, type NumberSpan } from '../../../common/hinglish/numbers';
import { findPaymentModes, findSplitPayment, type ModeMention, type PaymentPart } from '../../../common/hinglish/payment';
import { findPhone, type PhoneMention } from '../../../common/hinglish/phone';
import { isDigits, tokenize, type Token } from '../../../common/hinglish/tokens';
import { toProductUnit, unitOf, type UnitName } from '../../../common/hinglish/units';
import type { Product } from '../../../common/types';
import { findCustomer, mayBeName, MIN_CUSTOMER_SCORE, nameRuns, type CustomerRef, type NameRun } from './customers';
import { mergeNeighbours, type ProductMention } from './products';
import type { ShopView } from './shop';

export interface Item {
  product: Product;
  /** In the product's own unit. */
  quantity: number;
  /** A number was said for it (else 1 is assumed). */
  explicit: boolean;
  /** The number came after the product ("doodh teen kar do"). */
  after: boolean;
  start: number;
  end: number;
  mention: ProductMention;
}

export interface Analysis {
  text: string;
  tokens: Token[];
  concepts: Map<Concept, number[]>;
  when: WhenMention | null;
  modes: ModeMention[];
  /** A payment split across modes ("500 cash aur 300 UPI"), or null. */
  payments: PaymentPart[] | null;
  phone: PhoneMention | null;
  products: ProductMention[];
  items: Item[];
  /** Numbers outside dates, phones and items: amounts, percents. */
  freeNumbers: NumberSpan[];
  customer: CustomerRef | null;
  /** Words nobody explained, grouped as a name would be (noise, when a customer was found in them). */
  runs: NameRun[];
  /** The same before the customer search took its words: a new customer's name. */
  nameWords: NameRun[];
  /** Tokens explained by something (number, unit, product, date, mode, phone, customer). */
  taken: boolean[];
}

const LINKS = new Set(['ka', 'ki', 'ke', 'of']);
/** After a product, before its number: "ande ko 10 kar do", "change the milk to three". */
const AFTER_LINKS = new Set(['ka', 'ki', 'ke', 'ko', 'to', 'sirf', 'bas', 'only', 'just']);
const INSTEAD = new Set(['jagah', 'jgah', 'bajaye', 'badle', 'instead']);
const CORRECTIONS = new Set(['nahi', 'nahin', 'no', 'sorry', 'matlab', 'galti', 'mean', 'balki', 'actually']);

/** Analyses the words of an utterance against the shop. */
export function analyse(text: string, shop: ShopView, now: Date): Analysis {
  return analyseTokens(tokenize(text), shop, now);
}

/** After a name: a postposition or an honorific ("Mangal ko", "Mangal ji"). */
const NAME_SLOT = new Set(['ko', 'ka', 'ki', 'ke', 'ne', 'se', 'ji', 'bhai', 'bhaiya', 'didi', 'sahab', 'saab']);

/** `notWhen`: weekday words read as a customer's name on the second look ("Mangal ko": Mangal Singh, not Tuesday). */
export function analyseTokens(tokens: Token[], shop: ShopView, now: Date, notWhen?: ReadonlySet<number>): Analysis {
  const text = tokens.map((t) => t.surface).join(' ');
  const taken = new Array<boolean>(tokens.length).fill(false);
  const take = (start: number, end: number) => {
    for (let k = start; k < end; k++) taken[k] = true;
  };
  const concepts = conceptIndex(tokens);

  const phone = findPhone(tokens);
  if (phone) take(phone.start, phone.end);
  const when = findWhen(tokens, now, notWhen);
  if (when) for (const k of when.used) if (!taken[k]) taken[k] = true;
  const modes = findPaymentModes(tokens);
  for (const m of modes) take(m.start, m.end);

  const matcher = shop.productMatcher();
  const products = matcher.find(tokens, taken, false);
  for (const p of products) take(p.start, p.end);

  let numbers = findNumbers(tokens).filter((n) => !taken.slice(n.start, n.end).some(Boolean));
  for (const n of numbers) take(n.start, n.end);
  // The amounts of a split payment are neither quantities nor the command's amount.
  const split = findSplitPayment(tokens, modes, numbers);
  if (split) numbers = numbers.filter((_, k) => !split.numbersUsed.includes(k));
  const units = new Map<number, UnitName>();
  tokens.forEach((t, i) => {
    const u = taken[i] ? null : unitOf(t.norm);
    // "tin" after a number is the unit, whatever the numbers made of it.
    if (u !== null) {
      units.set(i, u);
      taken[i] = true;
    }
  });
  // The number step read "ek tin" as two numbers' worth; a unit right after a number wins.
  for (const n of [...numbers]) {
    const t = tokens[n.start]!;
    if (n.end - n.start === 1 && unitOf(t.norm) !== null && numbers.some((m) => m.end === n.start)) {
      numbers.splice(numbers.indexOf(n), 1);
      units.set(n.start, unitOf(t.norm)!);
    }
  }

  // A new customer's name may share words with existing ones ("Sanjay Gupta"): runs before the search.
  const runsBeforeCustomer = nameRuns(tokens, taken);
  let customer = findCustomer(tokens, taken, (q) => shop.searchCustomers(q));
  // "Sahi ko", "Mangal ne": a name that is also a word of the shop's, told by its postposition.
  if (!customer && tokens.some((_, i) => !taken[i] && mayBeName(tokens, i))) customer = findCustomer(tokens, taken, (q) => shop.searchCustomers(q), true);
  if (customer) {
    take(customer.start, customer.end);
    // The words of a name say no command ("Mila ne", "Sara ka baaki"): not "mila" (received), not "sara" (all).
    for (const [c, at] of concepts) {
      const rest = at.filter((k) => k < customer!.start || k >= customer!.end);
      if (rest.length === 0) concepts.delete(c);
      else if (rest.length !== at.length) concepts.set(c, rest);
    }
  }
  // Near spellings only for words that are neither a customer nor anything else.
  const fuzzy = matcher.find(tokens, taken, true);
  for (const f of fuzzy) take(f.start, f.end);
  const allProducts = mergeNeighbours(tokens, [...products, ...fuzzy].sort((a, b) => a.start - b.start));

  // No customer, but a weekday said in a name's place that is a customer's name: that customer, another day.
  if (!customer && when && !notWhen) {
    const named = when.used.filter((k) => isWeekdayWord(tokens[k]!) && NAME_SLOT.has(tokens[k + 1]?.norm ?? '') && (shop.searchCustomers(tokens[k]!.norm)[0]?.matchScore ?? 0) >= MIN_CUSTOMER_SCORE);
    if (named.length > 0) return analyseTokens(tokens, shop, now, new Set(named));
  }
  const { items, used } = attachQuantities(tokens, allProducts, numbers, units);
  const freeNumbers = numbers.filter((n) => !used.has(n));
  return { text, tokens, concepts, when, modes, payments: split?.parts ?? null, phone, products: allProducts, items, freeNumbers, customer, runs: nameRuns(tokens, taken), nameWords: runsBeforeCustomer, taken };
}

function attachQuantities(tokens: readonly Token[], mentions: readonly ProductMention[], numbers: readonly NumberSpan[], units: ReadonlyMap<number, UnitName>) {
  const byEnd = new Map(numbers.map((n) => [n.end, n]));
  const byStart = new Map(numbers.map((n) => [n.start, n]));
  const mentionAt = new Map(mentions.map((m) => [m.start, m]));
  const used = new Set<NumberSpan>();
  /** money: the number was rupees' worth ("50 rupaye ka dhaniya"), not a quantity. */
  type Said = { num: NumberSpan | null; unit: UnitName | null; after: boolean; start: number; end: number; money?: boolean };
  const said: Said[] = mentions.map((m) => ({ num: null, unit: null, after: false, start: m.start, end: m.end }));

  // Before the product: "do kilo chawal", "do kilo ka chawal", "ek aur doodh".
  mentions.forEach((m, idx) => {
    let j = m.start - 1;
    let unit: UnitName | null = null;
    // "50 rupaye ka dhaniya", "do sau ka paneer": money's worth of it.
    if (j >= 1 && LINKS.has(tokens[j]!.norm)) {
      const rupee = hasConcept(tokens[j - 1], 'rupee');
      const n = byEnd.get(rupee ? j - 1 : j);
      if (n && !used.has(n) && (rupee || n.multiplied)) {
        used.add(n);
        said[idx] = { num: n, unit: null, after: false, start: n.start, end: m.end, money: true };
        return;
      }
    }
    if (j >= 0 && LINKS.has(tokens[j]!.norm) && units.has(j - 1)) j--;
    if (units.has(j) && !tokens[j + 1]!.pauseBefore) {
      unit = units.get(j)!;
      j--;
    }
    let num = byEnd.get(j + 1);
    if (!num && tokens[j]?.norm === 'aur' && unit === null) {
      const n = byEnd.get(j);
      if (n && !mentions.some((o) => o.end === n.start)) num = n;
    }
    if (num && !used.has(num) && !tokens[num.end]?.pauseBefore) {
      used.add(num);
      said[idx] = { num, unit, after: false, start: num.start, end: m.end };
    } else if (unit) said[idx]!.unit = unit;
  });

  // After the product: "chawal 25 kilo", "chai patti ek packet", "atta ke 2 bag", "atta ka bag".
  mentions.forEach((m, idx) => {
    let j = m.end;
    if (AFTER_LINKS.has(tokens[j]?.norm ?? '')) j++;
    const s = said[idx]!;
    if (!s.num) {
      let num = byStart.get(j);
      // "maggi teen ki jagah paanch": the second number replaces the first.
      const instead = num && INSTEAD.has(tokens[num.end + 1]?.norm ?? '') && LINKS.has(tokens[num.end]?.norm ?? '') ? byStart.get(num.end + 2) : undefined;
      if (num && instead) {
        used.add(num);
        num = instead;
      }
      // "ghee ka 5 percent", "doodh ka 20 rupaye": a discount or a price, not a quantity.
      const notQuantity = num && (hasConcept(tokens[num.end], 'percent') || hasConcept(tokens[num.end], 'rupee'));
      if (num && !notQuantity && !used.has(num) && (!tokens[j]!.pauseBefore || num.each)) {
        let k = num.end;
        const unit: UnitName | null = units.get(k) ?? null;
        if (unit) k++;
        if (LINKS.has(tokens[k]?.norm ?? '')) k++;
        // The number belongs to the next product ("doodh do bread") unless it is "each".
        const nextOwns = mentionAt.has(k) && !num.each && !tokens[k]!.pauseBefore && said[mentions.indexOf(mentionAt.get(k)!)]!.num === null;
        if (!nextOwns) {
          used.add(num);
          said[idx] = { num, unit: unit ?? s.unit, after: true, start: m.start, end: unit ? num.end + 1 : num.end };
          return;
        }
      }
    }
    if (!s.unit && units.has(j) && j > m.end) s.unit = units.get(j)!;
  });

  // "paneer aur dahi, ek ek": a number said once for every item.
  const each = numbers.find((n) => n.each);
  let items: Item[] = mentions.map((m, idx) => {
    const s = said[idx]!;
    const num = s.num ?? (each && !s.num ? each : null);
    if (num === each && each) used.add(each);
    const value = num ? num.value : 1;
    return {
      product: m.product,
      quantity: s.money ? worthOf(value, m.product) : toProductUnit(value, s.unit, m.product),
      explicit: num !== null,
      after: s.after,
      start: Math.min(s.start, m.start),
      end: Math.max(s.end, m.end),
      mention: m,
    };
  });

  // The same product twice: a correction in between keeps the later ("10 peti coke... nahi, 24
  // bottle coke"); otherwise the quantities add up.
  const out: Item[] = [];
  for (const item of items) {
    const prev = out.findIndex((o) => o.product.id === item.product.id);
    if (prev < 0) {
      out.push(item);
      continue;
    }
    const between = tokens.slice(out[prev]!.end, item.start);
    if (between.some((t) => CORRECTIONS.has(t.norm))) out[prev] = item;
    else out[prev] = { ...out[prev]!, quantity: Math.round((out[prev]!.quantity + item.quantity) * 1000) / 1000, explicit: true };
  }
  items = out;
  return { items, used };
}

/** How much of a product so many rupees buy: loose goods to the gram, packs and pieces whole (at least one). */
function worthOf(rupees: number, product: Product): number {
  if (product.pricePaise <= 0) return 1;
  const q = (rupees * 100) / product.pricePaise;
  const loose = ['kg', 'g', 'l', 'ml'].includes(unitOf(product.unit) ?? '');
  return loose ? Math.round(q * 1000) / 1000 : Math.max(1, Math.floor(q + 1e-9));
}

/** True when any word of the concept was said. */
export const has = (a: Analysis, c: Concept): boolean => (a.concepts.get(c)?.length ?? 0) > 0;

/** True when token i is a word of the concept. */
export const isAt = (a: Analysis, i: number, c: Concept): boolean => hasConcept(a.tokens[i], c);

/** The word right after the customer's name ("ne", "ko", "se", "ka"), which says who gave to whom. */
export function afterCustomer(a: Analysis): string | null {
  if (!a.customer) return null;
  return a.tokens[a.customer.end]?.norm ?? null;
}

/** The number said as money: one with "rupaye" or "ka" after it, a multiplied one, else the first. */
export function amountOf(a: Analysis): NumberSpan | null {
  const free = a.freeNumbers.filter((n) => !isAt(a, n.end, 'percent'));
  if (free.length === 0) return null;
  const rupee = free.find((n) => isAt(a, n.end, 'rupee') || isAt(a, n.start - 1, 'rupee'));
  if (rupee) return rupee;
  const ka = free.find((n) => a.tokens[n.end]?.norm === 'ka' || a.tokens[n.end]?.norm === 'ki');
  if (ka) return ka;
  return free.find((n) => n.multiplied || n.digits) ?? free[0]!;
}

export { isDigits };

const POSTPOSITIONS = new Set(['ka', 'ki', 'ke', 'ne', 'se', 'ko', 'pe', 'par']);

/** A name the shop does not know, said as one ("Mahesh ka balance"): words nobody explained, then ka/ne/se/ko. */
export function unknownName(a: Analysis): NameRun | null {
  if (a.customer) return null;
  return a.runs.find((r) => r.names.length > 0 && POSTPOSITIONS.has(a.tokens[r.end]?.norm ?? '')) ?? null;
}
