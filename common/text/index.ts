// Hinglish text tools shared by the customer and product search, the screen and the voice engine.
// Pure functions: no Node, no DOM.
import { devanagariToLatin } from './devanagari';
import { normalise } from './normalise';
import { phoneticKey } from './phonetic';

export { asciiDigits, normalise, words } from './normalise';
export { devanagariToLatin, hasDevanagari } from './devanagari';
export { phoneticKey } from './phonetic';
export { editDistance } from './distance';
export { FILLER_WORDS, isFillerWord } from './fillers';

/** Normalised Latin words of any text, Devanagari transliterated: "राहुल, ATM-wala" -> ["rahul", "atm", "wala"]. */
export function latinWords(text: string): string[] {
  // Plain ASCII (most stored names and typed queries) needs no Unicode normalisation.
  if (/^[\x20-\x7e]*$/.test(text)) {
    const plain = text.toLowerCase().replace(/['`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
    return plain === '' ? [] : plain.split(' ');
  }
  const latin = normalise(devanagariToLatin(normalise(text)));
  return latin === '' ? [] : latin.split(' ');
}

/** Phonetic keys of every word of a text, in order. */
export const phoneticKeys = (text: string): string[] => latinWords(text).map(phoneticKey);
