// Devanagari to Latin the way Hinglish writes names ("राहुल" -> rahul, "सुनीता" -> sunita), not a
// scholarly scheme: long vowels are written short (ा -> a, ी -> i, ू -> u) because that is how most
// names are spelt in Latin letters (Rahul, Sunita, Suraj), and the inherent vowel is dropped where
// Hindi speech drops it (schwa deletion), so "कमला" is kamla and "दीपक" is dipak, not kamala, dipaka.
// Spelling variants that remain (dipak/deepak) are merged later by the phonetic key.

const CONSONANTS: Record<string, string> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n',
  च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n',
  ट: 't', ठ: 'th', ड: 'd', ढ: 'dh', ण: 'n',
  त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n', ऩ: 'n',
  प: 'p', फ: 'ph', ब: 'b', भ: 'bh', म: 'm',
  य: 'y', र: 'r', ऱ: 'r', ल: 'l', ळ: 'l', ऴ: 'l', व: 'v',
  श: 'sh', ष: 'sh', स: 's', ह: 'h',
  // Precomposed nukta letters (Unicode keeps these decomposed after NFC, but input may carry either).
  '\u0958': 'q', '\u0959': 'kh', '\u095a': 'g', '\u095b': 'z', '\u095c': 'd', '\u095d': 'dh', '\u095e': 'f', '\u095f': 'y',
};

/** A consonant followed by the nukta sign (़) becomes the Perso-Arabic sound. */
const WITH_NUKTA: Record<string, string> = { क: 'q', ख: 'kh', ग: 'g', ज: 'z', ड: 'd', ढ: 'dh', फ: 'f', य: 'y' };

const VOWELS: Record<string, string> = {
  अ: 'a', आ: 'a', इ: 'i', ई: 'i', उ: 'u', ऊ: 'u', ऋ: 'ri', ॠ: 'ri', ऌ: 'li',
  ऍ: 'e', ऎ: 'e', ए: 'e', ऐ: 'ai', ऑ: 'o', ऒ: 'o', ओ: 'o', औ: 'au', ऄ: 'a',
};

const MATRAS: Record<string, string> = {
  '\u093e': 'a', '\u093f': 'i', '\u0940': 'i', '\u0941': 'u', '\u0942': 'u', '\u0943': 'ri', '\u0944': 'ri',
  '\u0945': 'e', '\u0946': 'e', '\u0947': 'e', '\u0948': 'ai', '\u0949': 'o', '\u094a': 'o', '\u094b': 'o', '\u094c': 'au',
  '\u0962': 'li', '\u0963': 'li',
};

const VIRAMA = '\u094d';
const NUKTA = '\u093c';
const ANUSVARA = '\u0902';
const CANDRABINDU = '\u0901';
const VISARGA = '\u0903';
const LABIALS = new Set(['p', 'ph', 'b', 'bh', 'm', 'f']);

interface Syllable {
  /** Latin consonant; '' for an independent vowel. */
  consonant: string;
  /** The base letter, to apply a following nukta. */
  letter: string;
  /** The vowel sounded after the consonant: 'a' inherent, a matra, or '' after a virama. */
  vowel: string;
  inherent: boolean;
  nasal: boolean;
  visarga: boolean;
  /** Schwa deletion removed the inherent vowel. */
  dropped: boolean;
}

const isDevanagari = (ch: string) => ch >= '\u0900' && ch <= '\u097f';

/** True when the text holds any Devanagari. */
export const hasDevanagari = (text: string): boolean => /[\u0900-\u097f]/.test(text);

function parseWord(word: string): Syllable[] {
  const out: Syllable[] = [];
  for (const ch of word) {
    const last = out.at(-1);
    const consonant = CONSONANTS[ch];
    if (consonant !== undefined) {
      out.push({ consonant, letter: ch, vowel: 'a', inherent: true, nasal: false, visarga: false, dropped: false });
    } else if (VOWELS[ch] !== undefined) {
      out.push({ consonant: '', letter: ch, vowel: VOWELS[ch], inherent: false, nasal: false, visarga: false, dropped: false });
    } else if (!last) {
      if (ch === ANUSVARA || ch === CANDRABINDU) out.push({ consonant: 'n', letter: ch, vowel: '', inherent: false, nasal: false, visarga: false, dropped: false });
    } else if (MATRAS[ch] !== undefined && last.consonant !== '') {
      last.vowel = MATRAS[ch];
      last.inherent = false;
    } else if (ch === VIRAMA) {
      last.vowel = '';
      last.inherent = false;
    } else if (ch === NUKTA) {
      const swapped = WITH_NUKTA[last.letter];
      if (swapped) last.consonant = swapped;
    } else if (ch === ANUSVARA || ch === CANDRABINDU) {
      last.nasal = true;
      last.inherent = false;
    } else if (ch === VISARGA) {
      last.visarga = true;
      last.inherent = false;
    }
    // Anything else (avagraha, stray signs) is not sounded in a name.
  }
  // ज्ञ is said "gy" in Hindi (ज्ञान -> gyan).
  for (let i = 0; i + 1 < out.length; i++) {
    if (out[i]!.letter === 'ज' && out[i]!.vowel === '' && out[i + 1]!.letter === 'ञ') {
      out[i]!.consonant = 'g';
      out[i + 1]!.consonant = 'y';
    }
  }
  return out;
}

const sounded = (s: Syllable | undefined) => s !== undefined && s.vowel !== '' && !s.dropped;

/**
 * Hindi schwa deletion (after Ohala, as used by Narasimhan et al.): the word-final inherent vowel goes
 * unless the word is one syllable or ends in a conjunct (मिश्र -> mishra); a medial inherent vowel
 * goes in a vowel-consonant _ consonant-vowel context, scanning from the end and never two in a row
 * (कमला -> kamla, जगदीश -> jagdish, अमरनाथ -> amarnath).
 */
function deleteSchwas(s: Syllable[]): void {
  const n = s.length;
  const last = s[n - 1];
  if (last && last.inherent && last.consonant !== '' && n > 1) {
    const prev = s[n - 2]!;
    const conjunct = prev.consonant !== '' && prev.vowel === '';
    if (!conjunct) last.dropped = true;
  }
  for (let i = n - 2; i >= 1; i--) {
    const cur = s[i]!;
    if (!cur.inherent || cur.consonant === '') continue;
    const prev = s[i - 1]!;
    const next = s[i + 1]!;
    if (sounded(prev) && next.consonant !== '' && sounded(next)) {
      cur.dropped = true;
      i--; // the syllable before keeps its vowel
    }
  }
}

function render(s: Syllable[]): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const syl = s[i]!;
    const next = s[i + 1];
    out += syl.consonant;
    if (!syl.dropped) out += syl.vowel;
    if (syl.nasal) {
      if (next && LABIALS.has(next.consonant)) out += 'm';
      // सिंह -> singh: a nasal before a final ह is written "ng".
      else if (next && next.letter === 'ह' && i + 2 === s.length) out += 'ng';
      else out += 'n';
    }
    if (syl.visarga) out += 'h';
  }
  return out;
}

// Letters spelt out as words (STT writes "ATM" as एटीएम): the schwa rules cannot know, so the common
// shop-front acronyms are listed.
const ACRONYMS: Record<string, string> = {
  एटीएम: 'atm', एसबीआई: 'sbi', पीएनबी: 'pnb', एलआईसी: 'lic', यूपीआई: 'upi', पीसीओ: 'pco', एसटीडी: 'std',
  टीवी: 'tv', डीजे: 'dj', एचडीएफसी: 'hdfc', आईसीआईसीआई: 'icici', पीडब्ल्यूडी: 'pwd', बीएसएनएल: 'bsnl',
};

function wordToLatin(word: string): string {
  const known = ACRONYMS[word];
  if (known) return known;
  const syllables = parseWord(word);
  deleteSchwas(syllables);
  return render(syllables);
}

/** Transliterates the Devanagari in a text; everything else passes through unchanged. */
export function devanagariToLatin(text: string): string {
  if (!hasDevanagari(text)) return text;
  let out = '';
  let run = '';
  const flush = () => {
    if (run) {
      out += wordToLatin(run);
      run = '';
    }
  };
  for (const ch of text) {
    if (isDevanagari(ch) && !(ch >= '\u0964' && ch <= '\u096f')) run += ch;
    else {
      flush();
      if (ch >= '\u0966' && ch <= '\u096f') out += String(ch.charCodeAt(0) - 0x0966);
      else if (ch === '\u0964' || ch === '\u0965') out += ' ';
      else out += ch;
    }
  }
  flush();
  return out;
}
