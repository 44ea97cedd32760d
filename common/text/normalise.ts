// Normalising typed or spoken text before it is compared: one case, no punctuation, single spaces.
// Devanagari letters and their vowel signs are kept as they are (transliteration is a separate step,
// devanagari.ts), so the same function serves both scripts.

const LATIN_ACCENTS = /[\u0300-\u036f]/g;
const DEVANAGARI_DIGIT_ZERO = 0x0966;

/** Devanagari digits (०-९) to ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0966-\u096f]/g, (d) => String(d.charCodeAt(0) - DEVANAGARI_DIGIT_ZERO));
}

/**
 * Lower case, accents off Latin letters, apostrophes dropped ("D'Souza" -> "dsouza"), every other
 * run of punctuation or symbols a single space, trimmed. Letters, vowel signs and digits survive.
 */
export function normalise(text: string): string {
  return asciiDigits(
    text
      .normalize('NFD')
      .replace(LATIN_ACCENTS, '')
      .normalize('NFC')
      .toLowerCase()
      .replace(/['’`]/g, ''),
  )
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** normalise() split into words. */
export function words(text: string): string[] {
  const n = normalise(text);
  return n === '' ? [] : n.split(' ');
}
