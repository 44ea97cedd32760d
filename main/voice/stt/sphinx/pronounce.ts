// Pronunciations in the acoustic model's phone set (CMU, 39 phones) for words that are not in
// CMUdict or are Hinglish: rules over romanised Hinglish spelling, and espeak-ng's IPA mapped to
// CMU phones. Pure functions; the espeak-ng call lives in ./dictionary.ts.

export const CMU_PHONES = new Set([
  'AA', 'AE', 'AH', 'AO', 'AW', 'AY', 'B', 'CH', 'D', 'DH', 'EH', 'ER', 'EY', 'F', 'G', 'HH', 'IH', 'IY', 'JH', 'K', 'L', 'M',
  'N', 'NG', 'OW', 'OY', 'P', 'R', 'S', 'SH', 'T', 'TH', 'UH', 'UW', 'V', 'W', 'Y', 'Z', 'ZH',
]);

/** Spoken letter names, for acronyms (mdh, atm, gst). */
const LETTERS: Record<string, string> = {
  a: 'EY', b: 'B IY', c: 'S IY', d: 'D IY', e: 'IY', f: 'EH F', g: 'JH IY', h: 'EY CH', i: 'AY', j: 'JH EY', k: 'K EY', l: 'EH L',
  m: 'EH M', n: 'EH N', o: 'OW', p: 'P IY', q: 'K Y UW', r: 'AA R', s: 'EH S', t: 'T IY', u: 'Y UW', v: 'V IY', w: 'D AH B AH L Y UW',
  x: 'EH K S', y: 'W AY', z: 'Z EH D',
};

/** Words whose spelling no rule gets right. */
export const SPECIAL: Record<string, string[]> = {
  upi: ['Y UW P IY AY'],
  gst: ['JH IY EH S T IY'],
  gpay: ['JH IY P EY'],
  paytm: ['P EY T IY EH M'],
  phonepe: ['F OW N P EY'],
  whatsapp: ['W AA T S AE P', 'V AA T S AE P'],
  ok: ['OW K EY'],
  kg: ['K EY JH IY', 'K IH L OW'],
  ml: ['EH M EH L'],
};

export function spellLetters(word: string): string {
  return [...word].map((c) => LETTERS[c] ?? '').filter(Boolean).join(' ');
}

// Longest match first. Hinglish spelling: "aa" long a, "ee" long i, "oo" long u, "h" after a stop
// marks aspiration (the model has no aspirated stops), doubled consonants are one phone.
const CONSONANTS: [string, string][] = [
  ['chh', 'CH'], ['ch', 'CH'], ['kh', 'K'], ['gh', 'G'], ['jh', 'JH'], ['th', 'T'], ['dh', 'D'], ['ph', 'F'], ['bh', 'B'],
  ['sh', 'SH'], ['ng', 'NG'], ['ck', 'K'], ['tt', 'T'], ['dd', 'D'], ['kk', 'K'], ['pp', 'P'], ['bb', 'B'], ['ll', 'L'],
  ['mm', 'M'], ['nn', 'N'], ['ss', 'S'], ['rr', 'R'], ['gg', 'G'], ['jj', 'JH'], ['cc', 'K'], ['zz', 'Z'],
  ['k', 'K'], ['g', 'G'], ['c', 'K'], ['j', 'JH'], ['t', 'T'], ['d', 'D'], ['p', 'P'], ['b', 'B'], ['m', 'M'], ['n', 'N'],
  ['r', 'R'], ['l', 'L'], ['s', 'S'], ['z', 'Z'], ['f', 'F'], ['v', 'V'], ['w', 'V'], ['y', 'Y'], ['h', 'HH'], ['q', 'K'],
  ['x', 'K S'],
];
const VOWELS: [string, string][] = [
  ['aa', 'AA'], ['ee', 'IY'], ['ii', 'IY'], ['oo', 'UW'], ['uu', 'UW'], ['ai', 'EH'], ['au', 'AO'], ['ei', 'EY'], ['ou', 'AW'],
  ['oi', 'OY'], ['ae', 'EH'], ['ia', 'IY AA'], ['a', 'AH'], ['e', 'EY'], ['i', 'IH'], ['o', 'OW'], ['u', 'UH'],
];

const isVowel = (c: string | undefined) => c !== undefined && 'aeiou'.includes(c);

/** Romanised Hinglish to CMU phones ("doodh" -> D UW D, "cheeni" -> CH IY N IY, "bhejo" -> B EY JH OW). */
export function hinglishToCmu(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return '';
  if (SPECIAL[w]) return SPECIAL[w]![0]!;
  if (!/[aeiouy]/.test(w) && w.length <= 5) return spellLetters(w);
  const out: string[] = [];
  let i = 0;
  while (i < w.length) {
    const rest = w.slice(i);
    const atEnd = (len: number) => i + len >= w.length;
    // A word-final "h" after a vowel is silent ("shah", "dekh" keeps its kh).
    if (rest === 'h' && isVowel(w[i - 1])) break;
    const v = VOWELS.find(([g]) => rest.startsWith(g));
    if (v) {
      let phones = v[1];
      // Final short vowels are long in Hinglish spelling: "kela", "paani", "batao", "dhai".
      if (atEnd(v[0].length)) {
        if (v[0] === 'a' && w.length > 2) phones = 'AA';
        else if (v[0] === 'i') phones = 'IY';
        else if (v[0] === 'u') phones = 'UW';
        else if (v[0] === 'ai') phones = 'AY';
      }
      out.push(phones);
      i += v[0].length;
      continue;
    }
    const c = CONSONANTS.find(([g]) => rest.startsWith(g))!;
    // "y" between vowels or at the end after a vowel is a glide; before a consonant it is a vowel.
    if (c[0] === 'y' && !isVowel(w[i + 1]) && i > 0) {
      out.push(atEnd(1) ? 'IY' : 'IH');
      i += 1;
      continue;
    }
    out.push(c[1]);
    i += c[0].length;
  }
  return out.join(' ');
}

// IPA as espeak-ng prints it (--ipa), longest symbol first. Length marks, stress and tie bars
// are dropped before matching; aspiration and dental marks fold into the plain consonant.
const IPA: [string, string][] = [
  ['tʃ', 'CH'], ['dʒ', 'JH'], ['eɪ', 'EY'], ['aɪ', 'AY'], ['aʊ', 'AW'], ['ɔɪ', 'OY'], ['oʊ', 'OW'], ['əʊ', 'OW'], ['ɪə', 'IH R'],
  ['eə', 'EH R'], ['ʊə', 'UH R'], ['ɜ', 'ER'], ['ɚ', 'ER'], ['ɝ', 'ER'], ['ɑ', 'AA'], ['ɒ', 'AA'], ['æ', 'AE'], ['ʌ', 'AH'],
  ['ə', 'AH'], ['ɐ', 'AH'], ['ᵻ', 'IH'], ['ɔ', 'AO'], ['o', 'OW'], ['e', 'EY'], ['ɛ', 'EH'], ['ɪ', 'IH'], ['i', 'IY'], ['ʊ', 'UH'],
  ['u', 'UW'], ['a', 'AA'], ['y', 'UW'], ['p', 'P'], ['b', 'B'], ['t', 'T'], ['d', 'D'], ['ʈ', 'T'], ['ɖ', 'D'], ['k', 'K'],
  ['ɡ', 'G'], ['g', 'G'], ['c', 'CH'], ['ɟ', 'JH'], ['f', 'F'], ['v', 'V'], ['ʋ', 'V'], ['θ', 'TH'], ['ð', 'DH'], ['s', 'S'],
  ['z', 'Z'], ['ʃ', 'SH'], ['ʂ', 'SH'], ['ʒ', 'ZH'], ['h', 'HH'], ['ɦ', 'HH'], ['m', 'M'], ['n', 'N'], ['ŋ', 'NG'], ['ɳ', 'N'],
  ['ɲ', 'N'], ['l', 'L'], ['ɭ', 'L'], ['ɹ', 'R'], ['r', 'R'], ['ɾ', 'R'], ['ɽ', 'R'], ['j', 'Y'], ['w', 'W'], ['x', 'K'],
  ['q', 'K'], ['ɣ', 'G'],
];

/** espeak-ng IPA for one word to CMU phones; '' when a symbol has no mapping. */
export function ipaToCmu(ipa: string): string {
  const s = ipa
    .replace(/\([a-z-]+\)/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ˈˌːˑ‿_ʰʲʷ-]/g, '')
    .replace(/\s+/g, '');
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const m = IPA.find(([sym]) => s.startsWith(sym, i));
    if (!m) {
      i++;
      continue;
    }
    // English "ɾ" is a flapped t/d ("batao" -> bæɾaʊ): the model knows it as D.
    out.push(m[0] === 'ɾ' && i > 0 && /[aeiouɑæʌəɐɔɛɪʊ]/.test(s[i - 1]!) && /[aeiouɑæʌəɐɔɛɪʊɚ]/.test(s[i + 1] ?? '') ? 'D' : m[1]);
    i += m[0].length;
  }
  return out.join(' ');
}

/** Drops repeats and anything with a phone the model lacks. */
export function cleanVariants(variants: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of variants) {
    const p = v.trim().replace(/\s+/g, ' ');
    if (!p || seen.has(p) || !p.split(' ').every((ph) => CMU_PHONES.has(ph))) continue;
    seen.add(p);
    out.push(p);
  }
  return out;
}
