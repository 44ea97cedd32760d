// Words a shopkeeper says around a name that are not the name: "Rahul ATM wala", "Sharma ji",
// "mandir ke paas wali". A search must not let them drown the name, yet "Rahul bhai" can be a
// customer's nickname, so callers treat them as weak evidence rather than dropping them.
import { phoneticKey } from './phonetic';

export const FILLER_WORDS: readonly string[] = [
  // "the one who", "of", "near", "from", "to"
  'wala', 'wale', 'wali', 'walo', 'waala', 'waale', 'waali', 'vala', 'vale', 'vali',
  'ke', 'ka', 'ki', 'ko', 'se', 'me', 'mein', 'pe', 'par', 'paas', 'pas', 'near', 'the', 'of', 'and', 'aur',
  // honorifics and kinship words used as address
  'ji', 'jee', 'bhai', 'bhaiya', 'bhaiyya', 'bhaisaab', 'sahab', 'saab', 'sahib',
  'didi', 'behen', 'bahen', 'bhabhi', 'aunty', 'auntie', 'uncle', 'chacha', 'chachi', 'mama', 'mami',
  'kaka', 'kaki', 'dada', 'dadi', 'nana', 'nani', 'mr', 'mrs', 'ms', 'shri', 'shree', 'sri', 'smt', 'shrimati', 'sir', 'madam',
];

const FILLER_KEYS = new Set(FILLER_WORDS.map(phoneticKey));

/** True for a filler word in any common spelling ("waala", "vala", "bhaiyya"); words are Latin, lower case. */
export const isFillerWord = (word: string): boolean => FILLER_KEYS.has(phoneticKey(word));
