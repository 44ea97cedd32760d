// What the counter said, as words: Devanagari read as Latin, one case, punctuation gone, numbers
// kept whole ("1,500" -> 1500, "2.5", "9:30"), "500ml" split into 500 + ml, and verbs that STT or a
// typist runs together split apart ("kardo" -> kar do). Each word keeps its phonetic key, so
// doodh/dudh and cheeni/chini compare equal downstream, and where a pause (comma, full stop) fell.
import { asciiDigits, devanagariToLatin, hasDevanagari, normalise, phoneticKey } from '../text';

export interface Token {
  /** Lower-case Latin word, or a number ("1500", "2.5") or a time ("9:30"). */
  norm: string;
  /** phoneticKey(norm); the number itself for numbers. */
  key: string;
  /** The word as written (Devanagari transliterated), for names a customer is created with. */
  surface: string;
  /** A comma, full stop or similar came right before this word. */
  pauseBefore: boolean;
  /** Written in Devanagari (its vowels are the transliteration's guess, not a spelling). */
  devanagari?: boolean;
  /** A question mark came right after this word. */
  question?: boolean;
}

// Verb stems that take a light verb ("kar do", "bana do", "likh do"); written as one word they are split.
const STEMS = [
  'kar', 'kr', 'bana', 'bna', 'hata', 'de', 'le', 'likh', 'bhej', 'dikha', 'bata', 'rakh', 'nikal', 'chadha', 'jod', 'laga',
  'mila', 'bhar', 'cancel', 'sun', 'dekh', 'gin', 'jama', 'badal', 'daal', 'dal', 'ho', 'chuka', 'save', 'book',
];
const LIGHT = ['do', 'dena', 'dijiye', 'diya', 'diye', 'di', 'lo', 'lena', 'liya', 'gaya', 'gayi', 'gaye', 'karo', 'kar'];
const SPLITS = new Map<string, [string, string]>();
for (const s of STEMS) for (const l of LIGHT) if (s !== l) SPLITS.set(s + l, [s, l]);
SPLITS.set('hogya', ['ho', 'gaya']);
SPLITS.set('krdo', ['kar', 'do']);

const DEVANAGARI_MARK = '\uE000';

// "15/3", "15-03", "05.04.2026", "15/3/26": day first, as India writes it. Kept as one token
// "15/3" or "5/4/2026". A dot needs the year ("2.5" is a decimal); "1/2" and "3/4" are fractions;
// "10-12 packet" is a range.
const DATE_SEP = '\uE001';
const NUMERIC_DATE = /(?<![\d./-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d./-]*\d)/g;
function numericDate(whole: string, d: string, sep: string, m: string, y: string | undefined): string {
  const day = Number(d);
  const month = Number(m);
  if (day < 1 || day > 31 || month < 1 || month > 12) return whole;
  if (y === undefined && (sep === '.' || (sep === '/' && ['1/2', '1/4', '3/4', '1/3', '2/3'].includes(`${day}/${month}`)))) return whole;
  // "10-12 packet" is a range; "15-03" and "20-3" are dates.
  if (y === undefined && sep === '-' && day <= 12 && !m.startsWith('0')) return whole;
  const year = y === undefined ? '' : `${DATE_SEP}${y.length === 2 ? `20${y}` : y}`;
  return ` ${day}${DATE_SEP}${month}${year} `;
}
const PAUSE = /[,.;!?।॥…:\-–—]/;

// Keys are asked for the same few hundred words again and again (every utterance, every lookup).
const keyCache = new Map<string, string>();
/** phoneticKey, remembered. */
export function keyOf(word: string): string {
  let k = keyCache.get(word);
  if (k === undefined) {
    if (keyCache.size > 20_000) keyCache.clear();
    k = phoneticKey(word);
    keyCache.set(word, k);
  }
  return k;
}

/** The words of an utterance as the engine reads them. */
export function tokenize(text: string): Token[] {
  // Transliterate word by word; a private-use mark before each Devanagari word survives the
  // rewrites below and tells the loop which words were Devanagari.
  let t = asciiDigits(text.normalize('NFC'))
    .split(/(\s+)/)
    .map((part) => (hasDevanagari(part) ? `${DEVANAGARI_MARK}${devanagariToLatin(part)}` : part))
    .join('');
  t = t.replace(/(\d),(?=\d{2,3}\b)/g, '$1'); // 1,500 and 1,25,000
  t = t.replace(/₹\s*/g, ' rupaye ').replace(/\brs\.?\s*(?=\d)/gi, ' rupaye ');
  t = t.replace(/(\d)\s*%/g, '$1 percent ');
  t = t.replace(/\+\s*91[\s-]*(?=\d)/g, ' ');
  t = t.replace(NUMERIC_DATE, numericDate);
  const out: Token[] = [];
  let pause = false;
  // Numbers with a decimal point or a clock colon are kept whole; anything else splits.
  const re = /(\d{1,2}\uE001\d{1,2}(?:\uE001\d{4})?|\d{1,2}:\d{2})|(\d+\.\d+)|(\d+)|([\p{L}\p{M}]+)|(\s+)|(\uE000)|([^\s\p{L}\p{M}\d\uE000]+)/gu;
  let devanagari = false;
  for (const m of t.matchAll(re)) {
    const [whole, time, decimal, digits, letters, , mark, punct] = m;
    if (mark !== undefined) {
      devanagari = true;
      continue;
    }
    if (punct !== undefined) {
      // A hyphen inside a word ("Coca-Cola", "Parle-G") joins; anything else marks a pause.
      const joins = /^[-–]$/.test(punct) && /\S/.test(t.charAt(m.index - 1)) && /\S/.test(t.charAt(m.index + 1));
      if (PAUSE.test(punct) && !joins) pause = true;
      if (punct.includes('?') && out.length > 0) out[out.length - 1]!.question = true;
      continue;
    }
    if (letters === undefined && time === undefined && decimal === undefined && digits === undefined) continue;
    if (letters !== undefined) {
      const norm = normalise(letters);
      if (norm === '') continue;
      const from = out.length;
      for (const w of norm.split(' ')) pushWord(out, w, letters, pause);
      if (devanagari) for (let k = from; k < out.length; k++) out[k]!.devanagari = true;
      devanagari = false;
    } else {
      const word = whole.replaceAll(DATE_SEP, '/');
      out.push({ norm: word, key: word, surface: word, pauseBefore: pause });
      devanagari = false;
    }
    pause = false;
  }
  return out;
}

// English words as Devanagari writes them ("अंकल" reads as ankal): back to the English spelling that
// names, nicknames and the working words use.
const LOANWORDS = new Map<string, string>([
  ['ankal', 'uncle'], ['anti', 'aunty'], ['aanti', 'aunty'], ['bailens', 'balance'], ['balens', 'balance'], ['bil', 'bill'],
  ['kainsal', 'cancel'], ['kensal', 'cancel'], ['rimaindar', 'reminder'], ['rimainder', 'reminder'], ['stok', 'stock'],
  ['diskaunt', 'discount'], ['onlain', 'online'], ['fon', 'phone'], ['phon', 'phone'], ['nambar', 'number'], ['kard', 'card'],
  ['kaish', 'cash'], ['kesh', 'cash'], ['pement', 'payment'], ['kastamar', 'customer'],
  ['tetal', 'total'], ['sel', 'sale'], ['samri', 'summary'], ['samari', 'summary'], ['lisat', 'list'],
  ['ad', 'add'], ['apdet', 'update'], ['kanfarm', 'confirm'], ['phainal', 'final'], ['fainal', 'final'],
  ['bred', 'bread'], ['risiv', 'received'], ['chek', 'check'], ['daun', 'down'], ['ordar', 'order'],
  ['detels', 'details'], ['ditels', 'details'], ['pendig', 'pending'], ['rupae', 'rupaye'],
  ['persent', 'percent'], ['parsent', 'percent'], ['pratishat', 'percent'], ['gaiesti', 'gst'], ['jiesti', 'gst'], ['yupiai', 'upi'],
  ['pitiem', 'paytm'], ['petiem', 'paytm'], ['gugal', 'google'], ['vhatsaip', 'whatsapp'], ['vhatsep', 'whatsapp'], ['vatsap', 'whatsapp'],
  ['mobail', 'mobile'], ['kyuaar', 'qr'], ['sar', 'sir'], ['mem', 'madam'], ['dabal', 'double'], ['pakit', 'packet'], ['paiket', 'packet'],
  ['botal', 'bottle'], ['darjan', 'dozen'], ['litar', 'litre'], ['miliilitar', 'ml'],
]);

function pushWord(out: Token[], raw: string, surface: string, pauseBefore: boolean): void {
  const word = LOANWORDS.get(raw) ?? raw;
  const split = SPLITS.get(word);
  if (split) {
    out.push({ norm: split[0], key: keyOf(split[0]), surface: split[0], pauseBefore });
    out.push({ norm: split[1], key: keyOf(split[1]), surface: split[1], pauseBefore: false });
    return;
  }
  out.push({ norm: word, key: keyOf(word), surface, pauseBefore });
}

/** True for a token that is a written number ("12", "2.5"). */
export const isDigits = (t: Token | undefined): boolean => t !== undefined && /^\d+(\.\d+)?$/.test(t.norm);
