// Whether a day word was said of the past. "Kal" and "parso" are both yesterday and tomorrow, and
// Hindi tells them apart by the verb, not the word.
import { phoneticKey } from '../text';
import type { Token } from './tokens';

const keyed = (words: string[]) => new Set(words.map(phoneticKey));

// A past participle ("diye", "liya", "mile") or "tha/thi/the" is the past unless a future form
// ("dega") is there too; "kal ka bill", "kal ki bikri": things that only exist once done are the
// past. Reminders are always ahead.
const PAST_AUX = keyed(['tha', 'thi', 'the', 'thaa', 'thin']);
const PAST_PARTICIPLE = keyed([
  'diye', 'diya', 'dia', 'di', 'liya', 'liye', 'li', 'mile', 'mila', 'mili', 'aaya', 'aaye', 'aayi', 'gaye', 'gaya', 'gayi', 'kiya', 'kiye',
  'hua', 'hui', 'hue', 'bika', 'biki', 'bike', 'becha', 'beche', 'bechi', 'bheja', 'bheje', 'bheji', 'chukaya', 'chukaye', 'lautaya', 'lautaye',
  'kharida', 'kharide', 'yesterday', 'paid', 'gave', 'took', 'sold', 'bought', 'was', 'were',
]);
const FUTURE = /^(de|le|kar|aa|aaye|bhej|chuka|lauta|bik|ho|jama|bhar|mil|du|lu|karu|aau)(ga|gi|ge|nge|enge|egi|ega|oge|unga|ungi)$/;
const PAST_THINGS = keyed(['bill', 'bil', 'bikri', 'bikree', 'sale', 'sales', 'hisaab', 'hisab', 'payment', 'collection', 'galla', 'kamai', 'becha', 'entry', 'order', 'transaction']);
const FUTURE_THINGS = keyed(['reminder', 'reminders', 'rimaindar', 'remainder', 'remind', 'yaad', 'tagada', 'takaza', 'tomorrow', 'tmrw', 'will', 'next']);

export function saidOfPast(tokens: readonly Token[], dayAt: number): boolean {
  if (tokens.some((t) => FUTURE_THINGS.has(t.key) || FUTURE.test(t.norm))) return false;
  if (tokens.some((t) => PAST_AUX.has(t.key) || PAST_PARTICIPLE.has(t.key))) return true;
  const link = tokens[dayAt + 1]?.norm;
  return (link === 'ka' || link === 'ki' || link === 'ke' || link === 'wala' || link === 'wali' || link === 'wale') && PAST_THINGS.has(tokens[dayAt + 2]?.key ?? '');
}
