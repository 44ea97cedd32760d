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
