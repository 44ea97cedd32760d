// Which month an owner means ("pichhle mahine ka GSTR-1", "February ka", "last month"): GSTR-1 is
// filed for the month before, so "this month" as the only answer would be the wrong file.
import { phoneticKey } from '../text';
import { tokenize } from './tokens';

const IST_OFFSET_MS = 330 * 60_000;
const keyed = (words: string[]) => new Set(words.map(phoneticKey));
const MONTH_WORDS: Set<string>[] = [
  keyed(['january', 'janvari', 'janwari']), keyed(['february', 'feb', 'farvari', 'farwari']), keyed(['march']), keyed(['april', 'aprail']),
  keyed(['may']), keyed(['june', 'joon']), keyed(['july', 'julai']), keyed(['august', 'aug', 'agast']),
  keyed(['september', 'sept', 'sitambar']), keyed(['october', 'oct', 'aktubar']), keyed(['november', 'nov', 'navambar']), keyed(['december', 'disambar']),
];
const LAST = keyed(['pichhle', 'pichle', 'pichla', 'pichhla', 'pichali', 'last', 'previous', 'pichhli', 'pichli']);
const MONTH = keyed(['mahine', 'mahina', 'mahinay', 'month', 'maheene', 'mahene']);

/** "YYYY-MM" of the month named in `text` as of `now` (IST), or null when none is named. */
export function monthSaid(text: string, now: Date): string | null {
  const ist = new Date(now.getTime() + IST_OFFSET_MS);
  const year = ist.getUTCFullYear();
  const month = ist.getUTCMonth();
  const tokens = tokenize(text);
  const at = (y: number, m: number) => `${y}-${String(m + 1).padStart(2, '0')}`;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (LAST.has(t.key) && MONTH.has(tokens[i + 1]?.key ?? '')) return month === 0 ? at(year - 1, 11) : at(year, month - 1);
    const named = MONTH_WORDS.findIndex((set) => set.has(t.key));
    // A named month is the latest one not after this month: "December ka" in March is last December.
    if (named >= 0) return named > month ? at(year - 1, named) : at(year, named);
  }
  return null;
}
