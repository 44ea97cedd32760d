// Amounts said the Indian way, in Hinglish words, for replies read aloud: 1500 is "pandrah sau",
// 101 "ek sau ek", 2500 "do hazaar paanch sau", 150000 "ek lakh pachaas hazaar".
import { HINDI_NUMBER_WORDS } from './numbers';

/** 0..99 in Hinglish words. */
const below100 = (n: number): string => HINDI_NUMBER_WORDS[n]!;

/** A whole number in Hinglish words, grouped the Indian way (crore, lakh, hazaar, sau). */
export function hindiNumberWords(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number: ${n}`);
  if (n < 0) return `minus ${hindiNumberWords(-n)}`;
  if (n < 100) return below100(n);
  // 1100..1999 are said in hundreds: "pandrah sau", "gyarah sau pachaas".
  if (n >= 1100 && n < 2000 && Math.floor(n / 100) % 10 !== 0) {
    const rest = n % 100;
    return `${below100(Math.floor(n / 100))} sau${rest ? ` ${below100(rest)}` : ''}`;
  }
  const parts: string[] = [];
  let rest = n;
  for (const [size, word] of [
    [10_000_000, 'crore'],
    [100_000, 'lakh'],
    [1000, 'hazaar'],
    [100, 'sau'],
  ] as const) {
    if (rest >= size) {
      const count = Math.floor(rest / size);
      parts.push(`${hindiNumberWords(count)} ${word}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(below100(rest));
  return parts.join(' ');
}

/** Paise as spoken rupees: 150000 -> "pandrah sau rupaye", 100 -> "ek rupaya", 5050 -> "pachaas rupaye pachaas paise". */
export function rupeesInWords(paise: number): string {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`Not whole paise: ${paise}`);
  const sign = paise < 0 ? 'minus ' : '';
  const abs = Math.abs(paise);
  const rupees = Math.floor(abs / 100);
  const p = abs % 100;
  const r = rupees === 1 ? 'ek rupaya' : `${hindiNumberWords(rupees)} rupaye`;
  if (p === 0) return sign + r;
  if (rupees === 0) return `${sign}${hindiNumberWords(p)} paise`;
  return `${sign}${r} ${hindiNumberWords(p)} paise`;
}

/** A quantity as said: 2 -> "do", 0.5 -> "aadha", 1.5 -> "dedh", 2.5 -> "dhai", 1.25 -> "sawa", 0.25 -> "paav"; else digits. */
export function quantityInWords(q: number): string {
  const named: Record<string, string> = { '0.25': 'paav', '0.5': 'aadha', '0.75': 'paune', '1.25': 'sawa', '1.5': 'dedh', '2.5': 'dhai' };
  const name = named[String(q)];
  if (name) return name;
  if (Number.isInteger(q) && q >= 0 && q < 100) return below100(q);
  return String(q);
}
