// A mobile number as the counter says it: in digit groups ("98111 00222", "+91 98111-00222") or
// one digit word at a time ("nau aath ..."), with or without +91 or a leading 0.
import { numberWord } from './numbers';
import type { Token } from './tokens';

export interface PhoneMention {
  /** The 10 national digits. */
  digits: string;
  start: number;
  end: number;
}

/** A 10-digit mobile said in digit groups ("98111 00222", "+91 98111-00222") or one digit word at a time. */
export function findPhone(tokens: readonly Token[]): PhoneMention | null {
  // "do" is two inside a run of digits, and the verb anywhere else.
  const digitOf = (t: Token, inRun: boolean): string | null => {
    if (/^\d+$/.test(t.norm)) return t.norm;
    const w = t.norm === 'do' && !inRun ? null : numberWord(t.norm);
    return w !== null && w <= 9 && Number.isInteger(w) ? String(w) : null;
  };
  for (let i = 0; i < tokens.length; i++) {
    let digits = '';
    for (let j = i; j < tokens.length; j++) {
      const d = digitOf(tokens[j]!, digits.length > 0);
      if (d === null) break;
      digits += d;
      const national = digits.length === 12 && digits.startsWith('91') ? digits.slice(2) : digits.length === 11 && digits.startsWith('0') ? digits.slice(1) : digits;
      const next = tokens[j + 1];
      if (national.length === 10 && /^[6-9]/.test(national) && (!next || digitOf(next, true) === null)) return { digits: national, start: i, end: j + 1 };
      if (digits.length >= 12) break;
    }
  }
  return null;
}

