// Values the model may answer with, taken from the utterance itself. node-llama-cpp 3.21.1's JSON
// grammar for numbers admits exponents and ignores minimum/maximum, and free strings from a small
// model can be invalid UTF-8; so every number, phone and new name is an enum: common values plus
// the ones this utterance contains. A generous list is harmless: it only widens the choice.

/** Hinglish number words, romanised as cashiers type and as Whisper writes them. */
const WORDS: Record<string, number> = {
  ek: 1, do: 2, teen: 3, tin: 3, char: 4, chaar: 4, paanch: 5, panch: 5, chhe: 6, chhah: 6, che: 6, saat: 7, sat: 7, aath: 8, ath: 8,
  nau: 9, das: 10, dus: 10, gyarah: 11, barah: 12, baarah: 12, terah: 13, chaudah: 14, pandrah: 15, solah: 16, satrah: 17, atharah: 18,
  unnis: 19, bees: 20, bis: 20, pachees: 25, pachchis: 25, tees: 30, tis: 30, chalis: 40, chaalis: 40, pachaas: 50, pachas: 50,
  saath: 60, sattar: 70, assi: 80, nabbe: 90, sau: 100,
  aadha: 0.5, adha: 0.5, paav: 0.25, pav: 0.25, dedh: 1.5, derh: 1.5, dhai: 2.5, dhaai: 2.5, sawa: 1.25, paune: 0.75,
};
const MULTIPLIERS: Record<string, number> = { sau: 100, hazaar: 1000, hazar: 1000, hajar: 1000, lakh: 100_000, lac: 100_000 };
const DEVANAGARI_DIGITS = '०१२३४५६७८९';

const normaliseDigits = (text: string) => text.replace(/[०-९]/g, (d) => String(DEVANAGARI_DIGITS.indexOf(d)));

/** Numbers said in the utterance: digits ("500", "1,500", "2.5") and word numbers ("do hazaar paanch sau"). */
export function numbersIn(text: string): number[] {
  const t = normaliseDigits(text.toLowerCase());
  const out = new Set<number>();
  for (const m of t.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const n = Number(m[0].replace(/,/g, ''));
    if (Number.isFinite(n)) out.add(n);
  }
  // Word numbers: "do hazaar paanch sau" = 2*1000 + 5*100. Digits join in too: "2 hazaar".
  let total = 0;
  let current = 0;
  let inNumber = false;
  const flush = () => {
    if (inNumber) out.add(total + current);
    total = 0;
    current = 0;
    inNumber = false;
  };
  for (const word of t.split(/[^a-z0-9.]+/)) {
    const digit = /^\d+(\.\d+)?$/.test(word) ? Number(word) : undefined;
    const mult = MULTIPLIERS[word];
    const value = digit ?? WORDS[word];
    if (mult !== undefined && (inNumber || word !== 'sau')) {
      if (mult === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * mult;
        current = 0;
      }
      inNumber = true;
    } else if (value !== undefined) {
      if (inNumber && current !== 0 && current < value) flush();
      if (value < 1 && inNumber) flush();
      current += value;
      inNumber = true;
      out.add(value);
    } else flush();
  }
  flush();
  return [...out].filter((n) => n >= 0 && n <= 10_000_000);
}

/** A number as the grammar spells it: no exponent, at most three decimals. */
export const numberText = (n: number): string => String(Math.round(n * 1000) / 1000);

export const COMMON_QUANTITIES = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 24, 25, 30, 40, 50, 100];

export const COMMON_AMOUNTS = (() => {
  const out: number[] = [];
  for (let a = 10; a <= 100; a += 10) out.push(a);
  for (let a = 150; a <= 1000; a += 50) out.push(a);
  for (let a = 1500; a <= 10_000; a += 500) out.push(a);
  out.push(15_000, 20_000, 25_000, 50_000, 100_000);
  return out;
})();

export const COMMON_PERCENTS = [2, 5, 10, 15, 20, 25, 50];

/** Sorted, unique enum strings: common values plus those in the utterance within [min, max]. */
export function numberEnum(common: number[], said: number[], min: number, max: number): string[] {
  const all = new Set([...common, ...said.filter((n) => n >= min && n <= max)]);
  return [...all].sort((a, b) => a - b).map(numberText);
}

/** Ten-digit phone numbers in the utterance, spaces and dashes between groups allowed. */
export function phonesIn(text: string): string[] {
  const t = normaliseDigits(text);
  const out = new Set<string>();
  for (const m of t.matchAll(/(?:\+?91[\s-]?)?(\d[\d\s-]{8,14}\d)/g)) {
    const digits = (m[1] ?? '').replace(/\D/g, '');
    if (digits.length === 10) out.add(digits);
  }
  return [...out];
}

/** Spans of one to three words, for a new customer's name ("naya customer banao Vikas Mehra"). */
export function nameSpansIn(text: string): string[] {
  const words = text.split(/[\s,.;:!?"'()]+/).filter((w) => w && !/\d/.test(w));
  const out = new Set<string>();
  for (let len = 1; len <= 3; len++) {
    for (let i = 0; i + len <= words.length; i++) out.add(words.slice(i, i + len).join(' '));
  }
  return [...out].slice(0, 60);
}
