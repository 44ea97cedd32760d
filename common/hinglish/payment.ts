// How a customer paid, as the counter says it: "GPay pe", "PhonePe", "online", "nakad", "card se",
// "udhaar mein" (on the khata). Names follow the eval's vocabulary; the command layer maps credit to
// a bill's `credit` mode and the rest to a payment mode.
import type { Token } from './tokens';

export type SpokenPaymentMode = 'cash' | 'upi' | 'card' | 'credit';

export interface ModeMention {
  mode: SpokenPaymentMode;
  start: number;
  end: number;
}

// Longest first within each mode; every word is compared as normalised Latin.
const PHRASES: [SpokenPaymentMode, string[]][] = [
  ['card', ['credit card', 'debit card', 'card', 'kard', 'kaard', 'swipe', 'machine', 'atm card']],
  ['upi', ['google pay', 'google pe', 'googlepay', 'gugal pe', 'gugal pay', 'g pay', 'gpay', 'jipe', 'phone pe', 'phonepe', 'phonpe', 'fonpe', 'phone pay', 'paytm', 'paytam', 'bhim', 'upi', 'yupiai', 'online', 'onlain', 'qr', 'scan', 'scanner', 'net banking', 'bank transfer', 'transfer', 'neft', 'imps', 'account mein', 'khate me online']],
  ['credit', ['udhaar', 'udhar', 'udhari', 'udhaari', 'credit', 'khate mein', 'khate me', 'khata mein', 'khaate mein', 'baad mein', 'baad me', 'likh lo', 'likh do', 'likh dena', 'likho']],
  ['cash', ['cash', 'kesh', 'kaish', 'nakad', 'nagad', 'naqad', 'nakd', 'nagd', 'nakdi', 'nagdi', 'haath mein', 'hath me', 'chhutta']],
];

const ENTRIES = PHRASES.flatMap(([mode, list]) => list.map((p) => ({ mode, words: p.split(' ') }))).sort((a, b) => b.words.length - a.words.length);

const MODE_WORDS = new Set(ENTRIES.flatMap((e) => e.words));

/** A word of a payment-mode phrase ("paytm", "nakad", "online"). */
export const isPaymentWord = (t: Token): boolean => MODE_WORDS.has(t.norm);

/** Every payment-mode phrase in the utterance, left to right. */
export function findPaymentModes(tokens: readonly Token[]): ModeMention[] {
  const out: ModeMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const e of ENTRIES) {
      if (e.words.every((w, k) => tokens[i + k]?.norm === w)) {
        out.push({ mode: e.mode, start: i, end: i + e.words.length });
        i += e.words.length - 1;
        break;
      }
    }
  }
  return out;
}

/** The mode said last ("cash... nahi, UPI se" is UPI), or null. */
export function paymentModeOf(tokens: readonly Token[]): SpokenPaymentMode | null {
  return findPaymentModes(tokens).at(-1)?.mode ?? null;
}

/** One part of a payment split across modes: rupees, a share of the total ("aadha"), or the rest ("baaki cash"). */
export type PaymentPart =
  | { mode: SpokenPaymentMode; amount: number }
  | { mode: SpokenPaymentMode; share: number }
  | { mode: SpokenPaymentMode; rest: true };

export interface SplitPayment {
  parts: PaymentPart[];
  /** Indexes of the numbers (in the list given) that were the parts' amounts. */
  numbersUsed: number[];
}

const REST = new Set(['baaki', 'baki', 'bacha', 'bache', 'bakaya', 'rest', 'remaining', 'balance']);
/** Words between an amount and its mode: "500 rupaye cash", "300 ka UPI", "aadhe paise cash". */
const BETWEEN = new Set(['paise', 'paisa', 'rupaye', 'rupaiye', 'rupees', 'rupee', 'rs', 'rupay', 'rupiya', 'ka', 'ki', 'ke', 'wala', 'wale']);
/** Words between a mode and its amount: "cash mein 500", "UPI se 300". */
const AFTER_MODE = new Set(['mein', 'me', 'main', 'se', 'pe', 'par', 'ke', 'ka']);

interface SpanLike {
  start: number;
  end: number;
  value: number;
}

/**
 * "500 cash aur 300 UPI se", "aadha cash aadha UPI", "200 card se baaki cash", "cash mein 600, online
 * 400": two or more modes, each with its own amount, share or "the rest". Null when fewer than two
 * modes have one (a lone "UPI se" is just the mode).
 */
export function findSplitPayment(tokens: readonly Token[], modes: readonly ModeMention[], numbers: readonly SpanLike[]): SplitPayment | null {
  const paying = modes.filter((m) => m.mode !== 'credit');
  const before = (m: ModeMention) => {
    let j = m.start;
    while (j > 0 && BETWEEN.has(tokens[j - 1]!.norm)) j--;
    return j;
  };
  // "200 cash baaki udhaar", "200 diye baaki khate mein": what was paid, the rest on the khata.
  const onKhata = modes.find((m) => m.mode === 'credit' && before(m) > 0 && REST.has(tokens[before(m) - 1]!.norm));
  if (onKhata) return paidWithRestOnKhata(tokens, paying, numbers, onKhata, before);
  if (paying.length < 2 || new Set(paying.map((m) => m.mode)).size < 2) return null;
  const parts: PaymentPart[] = [];
  const numbersUsed: number[] = [];
  const after = (m: ModeMention) => {
    let k = m.end;
    while (k < tokens.length && AFTER_MODE.has(tokens[k]!.norm)) k++;
    return k;
  };
  // Amounts come before their modes ("500 cash") or all after ("cash mein 600, online 400"): the first mode says which.
  const first = paying[0]!;
  const amountFirst = numbers.some((s) => s.end === before(first)) || !numbers.some((s) => s.start === after(first));
  for (const m of paying) {
    const j = before(m);
    const n = amountFirst ? numbers.findIndex((s) => s.end === j) : numbers.findIndex((s) => s.start === after(m));
    if (n >= 0 && !numbersUsed.includes(n)) {
      numbersUsed.push(n);
      const value = numbers[n]!.value;
      parts.push(value < 1 ? { mode: m.mode, share: value } : { mode: m.mode, amount: value });
    } else if (j > 0 && REST.has(tokens[j - 1]!.norm)) parts.push({ mode: m.mode, rest: true });
  }
  return parts.length >= 2 ? { parts, numbersUsed } : null;
}

/** Words after an amount that say it was paid: "200 diye", "200 de diye", "200 mile". */
const PAID = new Set(['diye', 'diya', 'dia', 'diyi', 'mile', 'mila', 'jama']);

/**
 * A part paid and the rest on the khata: each paying mode with its amount before it ("200 cash",
 * "100 UPI se"), or, with no mode said, an amount that was given ("200 diye") as cash. Then the
 * credit part as the rest. Null when nothing paid has an amount.
 */
function paidWithRestOnKhata(
  tokens: readonly Token[],
  paying: readonly ModeMention[],
  numbers: readonly SpanLike[],
  onKhata: ModeMention,
  before: (m: ModeMention) => number,
): SplitPayment | null {
  const parts: PaymentPart[] = [];
  const numbersUsed: number[] = [];
  for (const m of paying) {
    if (m.start > onKhata.start) continue;
    const n = numbers.findIndex((s) => s.end === before(m));
    if (n < 0 || numbersUsed.includes(n) || numbers[n]!.value < 1) continue;
    numbersUsed.push(n);
    parts.push({ mode: m.mode, amount: numbers[n]!.value });
  }
  if (parts.length === 0) {
    const given = numbers.findIndex((s) => {
      if (s.end > onKhata.start || s.value < 1) return false;
      let k = s.end;
      while (k < tokens.length && (BETWEEN.has(tokens[k]!.norm) || tokens[k]!.norm === 'de')) k++;
      return PAID.has(tokens[k]?.norm ?? '');
    });
    if (given < 0) return null;
    numbersUsed.push(given);
    parts.push({ mode: 'cash', amount: numbers[given]!.value });
  }
  parts.push({ mode: 'credit', rest: true });
  return { parts, numbersUsed };
}
