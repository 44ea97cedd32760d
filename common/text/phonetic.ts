// A phonetic key for Hinglish words: two spellings of the same spoken name get the same key.
// Deepak/Dipak, Bharat/Bharath/Barat, Vikas/Wikas, Laxmi/Lakshmi, Gaurav/Gourav, Farooq/Pharuk.
// Deliberately coarse: it runs on every indexed word and every query word, and the search scores
// an exact spelling above a key match, so merging a little too much costs only order, not results.

// Order matters: x and q are expanded before the h rules see them, "ch" is protected (as "C") from
// both "c -> k" and the dropping of h after a consonant, and doubles are collapsed last.
const RULES: [RegExp, string][] = [
  [/x/g, 'ks'], // Laxmi -> laksmi, like Lakshmi
  [/q/g, 'k'], // Farooq -> faruk
  [/ck/g, 'k'], // Vicky -> viky
  [/ph/g, 'f'], // Phool/Fool
  [/ch+/g, 'C'], // chh, ch: one sound class, kept apart from k
  [/sh/g, 's'], // Shiv/Siv, Lakshmi/Laksmi
  [/c/g, 'k'], // Kamal/Camal
  [/z/g, 'j'], // Zakir/Jakir, Azad/Ajad
  [/w/g, 'v'], // Wikas/Vikas
  [/ee/g, 'i'], // Deepak/Dipak
  [/oo/g, 'u'], // Pooja/Puja
  [/ou/g, 'au'], // Gourav/Gaurav
  [/([bdfgjklmnprstvyC])h/g, '$1'], // aspirates and a written h after a consonant: Bharath -> barat
  [/(.)\1+/g, '$1'], // doubled letters: Aarti/Arti, Pappu/Papu, Laddu/Ladu
  [/([^aeiou])y$/, '$1i'], // Vicky/Viki, Bunty/Bunti
  [/C/g, 'c'],
];

/** The phonetic key of one Latin word (lower case, a-z and digits; anything else is ignored). */
export function phoneticKey(word: string): string {
  let s = word.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (s === '' || /^\d+$/.test(s)) return s;
  for (const [pattern, replacement] of RULES) s = s.replace(pattern, replacement);
  return s;
}
