// The fixed words of the catalog grammar: numbers (Hindi/Hinglish and English), units, payment
// modes and times. The command sentences are in ./grammar.ts; the shop's own products and
// customers are added there too. One spelling per sound: two spellings of one word would only make
// the decoder choose between them at random.

/** 1..99 in romanised Hindi, index = value. */
export const HINDI_1_99: readonly string[] = [
  '', 'ek', 'do', 'teen', 'chaar', 'paanch', 'chhe', 'saat', 'aath', 'nau', 'das',
  'gyaarah', 'baarah', 'terah', 'chaudah', 'pandrah', 'solah', 'satrah', 'athaarah', 'unnees', 'bees',
  'ikkees', 'baaees', 'teis', 'chaubees', 'pachchees', 'chhabbees', 'sattaaees', 'atthaaees', 'untees', 'tees',
  'iktees', 'battees', 'taintees', 'chauntees', 'paintees', 'chhattees', 'saintees', 'adtees', 'untaalees', 'chaalees',
  'iktaalees', 'bayaalees', 'taintaalees', 'chauvaalees', 'paintaalees', 'chhiyaalees', 'saintaalees', 'adtaalees', 'unchaas', 'pachaas',
  'ikyaavan', 'baavan', 'tirpan', 'chauvan', 'pachpan', 'chhappan', 'sattaavan', 'atthaavan', 'unsath', 'saath',
  'iksath', 'baasath', 'tirsath', 'chausath', 'painsath', 'chhiyaasath', 'sadsath', 'adsath', 'unhattar', 'sattar',
  'ikhattar', 'bahattar', 'tihattar', 'chauhattar', 'pachattar', 'chhihattar', 'satattar', 'athattar', 'unaasi', 'assi',
  'ikyaasi', 'bayaasi', 'tiraasi', 'chauraasi', 'pachaasi', 'chhiyaasi', 'sattaasi', 'athaasi', 'navaasi', 'nabbe',
  'ikyaanve', 'baanve', 'tiraanve', 'chauraanve', 'pachaanve', 'chhiyaanve', 'sattaanve', 'atthaanve', 'ninyaanve',
];

export const ENGLISH_ONES: readonly string[] = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
export const ENGLISH_TENS: readonly string[] = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Fractions spoken before a unit or a hundred: aadha kilo, dedh sau, dhai kilo, paav kilo. */
export const HINDI_FRACTIONS = ['aadha', 'dedh', 'dhai', 'paav'] as const;

export const UNITS = [
  'kilo', 'kg', 'gram', 'litre', 'packet', 'bag', 'bottle', 'piece', 'dozen', 'peti', 'cup', 'tin', 'dabba', 'box', 'loaf',
] as const;

export const HONORIFICS = ['ji', 'bhai', 'bhaiya', 'didi', 'aunty', 'uncle', 'chacha', 'sahab'] as const;

export const WEEKDAYS = ['somvar', 'mangalvar', 'budhvar', 'guruvar', 'shukravar', 'shanivar', 'ravivar'] as const;

/**
 * Words that are Hinglish, not English, even when CMUdict has an English word with that spelling
 * ("do" is two, not the verb; "ko", "se", "pe"). Their Hinglish pronunciation comes first.
 */
export const HINGLISH_WORDS = new Set<string>([
  ...HINDI_1_99.filter(Boolean), ...HINDI_FRACTIONS, ...WEEKDAYS, 'sau', 'hazaar', 'saade', 'sawa', 'paune',
  'ko', 'ka', 'ki', 'ke', 'se', 'ne', 'pe', 'par', 'liye', 'naam', 'khate', 'mein', 'wale', 'wali', 'ji', 'bhai', 'bhaiya',
  'didi', 'chacha', 'sahab', 'nakad', 'udhaar', 'aaj', 'kal', 'parso', 'subah', 'dopahar', 'shaam', 'raat',
  'baje', 'tarikh', 'din', 'baad', 'is', 'mahine', 'pichhle', 'kilo', 'peti', 'dabba',
  'bana', 'banao', 'de', 'dena', 'daal', 'jod', 'karo', 'kar', 'chahiye', 'nahi', 'hata', 'hatao', 'nikal',
  'rakho', 'hi', 'pakka', 'ho', 'gaya', 'theek', 'hai', 'haan', 'radd', 'mat', 'rehne', 'pichhla', 'lagao',
  'chhoot', 'kam', 'bhej', 'bhejo', 'rupaye', 'mile', 'mila', 'diye', 'jama', 'kiye', 'bheje', 'aaya', 'chuka', 'diya',
  'pura', 'hisaab', 'likho', 'likh', 'chadha', 'baaki', 'saaman', 'paise', 'batao', 'bolo', 'dikhao', 'khata',
  'kitna', 'kitne', 'kitni', 'kya', 'hain', 'bacha', 'bache', 'khatam', 'sabka', 'kis', 'kul', 'bikri', 'kamaya',
  'yaad', 'dilao', 'dilana', 'bhejna', 'wapas', 'galti', 'gayi', 'galat', 'wala', 'aur', 'do', 'maal', 'kaunsa', 'hone',
  'hui', 'sabhi', 'saare', 'kaun', 'lage', 'thi', 'copy', 'badlo',
]);
