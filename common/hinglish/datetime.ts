// When, as the counter says it, in IST whatever the machine's time zone: "kal 7 baje" is tomorrow
// 19:00, "kal subah 10 baje" 10:00, "aaj shaam 6 baje", "parso", "shukravar ko", "15 tarikh ko",
// "3 din baad", "do ghante baad", "tomorrow at 9:30 am". A bare hour 1 to 11 without subah/morning
// is evening (shops remind after work); a day without an hour is 19:00; an hour without a day is
// today if still ahead, else tomorrow.
import { phoneticKey } from '../text';
import { readNumber } from './numbers';
import { saidOfPast } from './tense';
import { tokenize, type Token } from './tokens';

const IST_OFFSET_MS = 330 * 60_000;
const DAY_MS = 86_400_000;
/** The hour a day without an hour means. */
export const DEFAULT_HOUR = 19;

export interface ParsedWhen {
  /** The instant, UTC. */
  at: Date;
  /** false when nothing in the text was understood and the default (an hour from now) was used. */
  understood: boolean;
}

export interface WhenMention extends ParsedWhen {
  /** Indexes of the tokens that said it (not always next to each other: "kal ... 7 baje"). */
  used: number[];
  /** An hour or a time of day was said ("kal" alone is a day: 19:00 by default). */
  hourSaid: boolean;
  /** Said of the past: "kal diye the" is yesterday, "kal ka bill" yesterday's bill. */
  past: boolean;
}


type Period = 'morning' | 'noon' | 'evening' | 'night';

const keyed = (words: string[]) => new Set(words.map(phoneticKey));
const DAY_WORDS: [number, Set<string>][] = [
  [-1, keyed(['yesterday'])],
  [0, keyed(['aaj', 'aj', 'today', 'todays', 'tonight'])],
  [1, keyed(['kal', 'kl', 'kall', 'tomorrow', 'tmrw', 'tommorow', 'tomorow'])],
  [2, keyed(['parso', 'parson', 'parsoon', 'parsu', 'parsonh'])],
  [3, keyed(['narso', 'narson'])],
];
const WEEKDAYS: Set<string>[] = [
  keyed(['ravivar', 'raviwar', 'itvar', 'itwar', 'itwaar', 'etvar', 'sunday']),
  keyed(['somvar', 'somwar', 'somwaar', 'monday']),
  keyed(['mangalvar', 'mangalwar', 'mangal', 'tuesday']),
  keyed(['budhvar', 'budhwar', 'budh', 'wednesday']),
  keyed(['guruvar', 'guruwar', 'brihaspativar', 'brihaspatiwar', 'veervar', 'virvar', 'thursday']),
  keyed(['shukravar', 'shukrawar', 'sukravar', 'shukra', 'friday']),
  keyed(['shanivar', 'shaniwar', 'shani', 'saturday']),
];
const MONTHS: Set<string>[] = [
  keyed(['january', 'jan', 'janvari']), keyed(['february', 'feb', 'farvari']), keyed(['march']), keyed(['april', 'apr', 'aprail']),
  keyed(['may']), keyed(['june', 'jun', 'joon']), keyed(['july', 'jul', 'julai']), keyed(['august', 'aug', 'agast']),
  keyed(['september', 'sep', 'sept', 'sitambar']), keyed(['october', 'oct', 'aktubar']), keyed(['november', 'nov', 'navambar']), keyed(['december', 'dec', 'disambar']),
];
const PERIODS: [Period, Set<string>][] = [
  ['morning', keyed(['subah', 'subha', 'sube', 'suba', 'savere', 'sawere', 'savera', 'morning', 'am', 'prabhat'])],
  ['noon', keyed(['dopahar', 'dopehar', 'dophar', 'dupahar', 'dupehar', 'afternoon', 'noon'])],
  ['evening', keyed(['shaam', 'sham', 'evening', 'pm', 'sanjh'])],
  ['night', keyed(['raat', 'rat', 'night'])],
];
const PERIOD_DEFAULT_HOUR: Record<Period, number> = { morning: 10, noon: 13, evening: 18, night: 20 };
const BAJE = keyed(['baje', 'bje', 'baj', 'bajkar', 'bajke', 'oclock', 'clock', 'bajay']);
const AFTER = keyed(['baad', 'bad', 'later', 'mein', 'me', 'main', 'ke']);
const DAYS = keyed(['din', 'dino', 'dinon', 'day', 'days', 'roz']);
const WEEKS = keyed(['hafte', 'hafta', 'hafton', 'week', 'weeks', 'saptah']);
const HOURS = keyed(['ghante', 'ghanta', 'ghanton', 'hour', 'hours', 'hr', 'hrs']);
const MINUTES = keyed(['minute', 'minutes', 'min', 'mins', 'minat']);
const DATE_OF_MONTH = keyed(['tarikh', 'tareekh', 'taarikh', 'tarik', 'date', 'tarikh']);
const NEXT = keyed(['agle', 'agla', 'agli', 'next', 'aane', 'aanewale', 'coming']);
const HALF_PAST = keyed(['saadhe', 'sadhe', 'saade', 'sade']);
const QUARTER_PAST = keyed(['sawa', 'sava']);
const QUARTER_TO = keyed(['paune', 'pone']);

const inSet = (set: Set<string>, t: Token | undefined) => t !== undefined && set.has(t.key);
const whichOf = <T>(list: [T, Set<string>][], t: Token | undefined): T | null => {
  if (!t) return null;
  for (const [v, set] of list) if (set.has(t.key)) return v;
  return null;
};


/** An instant as ISO 8601 in IST: "2026-03-11T19:00:00+05:30". */
export function toIstIso(at: Date): string {
  const ist = new Date(at.getTime() + IST_OFFSET_MS);
  return `${ist.toISOString().slice(0, 19)}+05:30`;
}

/** The IST calendar day of an instant: "2026-03-09". */
export const toIstDate = (at: Date): string => toIstIso(at).slice(0, 10);

const WHEN_KEYS = new Set<string>([
  ...DAY_WORDS.flatMap(([, set]) => [...set]), ...WEEKDAYS.flatMap((set) => [...set]), ...MONTHS.flatMap((set) => [...set]),
  ...PERIODS.flatMap(([, set]) => [...set]), ...[BAJE, AFTER, DAYS, WEEKS, HOURS, MINUTES, DATE_OF_MONTH, NEXT, HALF_PAST, QUARTER_PAST, QUARTER_TO].flatMap((set) => [...set]),
]);

/** A weekday said as a name may be said ("Mangal", "Shukra"): the caller decides by its place. */
export const isWeekdayWord = (t: Token): boolean => WEEKDAYS.some((set) => set.has(t.key));

/** A word of days and times ("baje", "shaam", "tarikh"). */
export const isWhenWord = (t: Token): boolean => WHEN_KEYS.has(t.key);

/** IST calendar date of an instant, as a UTC-midnight timestamp (for day arithmetic). */
const istDay = (now: Date): number => {
  const ist = new Date(now.getTime() + IST_OFFSET_MS);
  return Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate());
};
const istInstant = (day: number, hour: number, minute: number): Date => new Date(day + hour * 3_600_000 + minute * 60_000 - IST_OFFSET_MS);

function hour24(hour: number, period: Period | null): number {
  switch (period) {
    case 'morning':
      return hour === 12 ? 0 : hour;
    case 'noon':
      return hour >= 1 && hour <= 6 ? hour + 12 : hour;
    case 'evening':
      return hour >= 1 && hour <= 11 ? hour + 12 : hour;
    case 'night':
      if (hour === 12) return 24;
      return hour >= 6 && hour <= 11 ? hour + 12 : hour;
    case null:
      return hour >= 1 && hour <= 11 ? hour + 12 : hour;
  }
}

/** Finds a day and time in the words of an utterance; null when none is said. */
/** `ignore`: words that are something else here ("Mangal ko": a customer, not Tuesday). */
export function findWhen(tokens: readonly Token[], now: Date, ignore: ReadonlySet<number> = new Set()): WhenMention | null {
  const used = new Set<number>(ignore);
  let dayOffset: number | null = null;
  let absoluteDay: number | null = null;
  let hour: number | null = null;
  let minute = 0;
  let period: Period | null = null;
  let durationMs: number | null = null;
  let dayWordAt = -1;
  const today = istDay(now);
  const istNow = new Date(now.getTime() + IST_OFFSET_MS);

  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i]!;
    const d = whichOf(DAY_WORDS, t);
    if (d !== null && dayOffset === null && absoluteDay === null) {
      dayOffset = d;
      dayWordAt = i;
      used.add(i);
      continue;
    }
    // "15/3", "5/4/2026" (the tokenizer wrote them so): a day of a month, the next such day without a year.
    const numeric = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(t.norm);
    if (numeric && absoluteDay === null) {
      const [dd, mm, yy] = [Number(numeric[1]), Number(numeric[2]) - 1, numeric[3]];
      let day = Date.UTC(yy ? Number(yy) : istNow.getUTCFullYear(), mm, dd);
      if (!yy && day < today) day = Date.UTC(istNow.getUTCFullYear() + 1, mm, dd);
      absoluteDay = day;
      used.add(i);
      continue;
    }
    if (t.norm === 'day' && tokens[i + 1]?.norm === 'after' && inSet(DAY_WORDS[1]![1], tokens[i + 2])) {
      dayOffset = 2;
      used.add(i).add(i + 1).add(i + 2);
      i += 2;
      continue;
    }
    const weekday = WEEKDAYS.findIndex((s) => s.has(t.key));
    if (weekday >= 0 && dayOffset === null && absoluteDay === null) {
      const todayDow = new Date(today).getUTCDay();
      let ahead = (weekday - todayDow + 7) % 7;
      if (ahead === 0) ahead = 7;
      dayOffset = ahead;
      used.add(i);
      if (inSet(NEXT, tokens[i - 1])) used.add(i - 1);
      continue;
    }
    if (inSet(NEXT, t) && inSet(WEEKS, tokens[i + 1])) {
      dayOffset = 7;
      used.add(i).add(i + 1);
      i++;
      continue;
    }
    if (inSet(NEXT, t) && inSet(DAYS, tokens[i + 1])) {
      dayOffset = 1;
      used.add(i).add(i + 1);
      i++;
      continue;
    }
    const p = whichOf(PERIODS, t);
    if (p !== null && period === null) {
      period = p;
      used.add(i);
      continue;
    }
    // Clock times: "9:30", "9:30 am"
    const clock = /^(\d{1,2}):(\d{2})$/.exec(t.norm);
    if (clock && hour === null) {
      hour = Number(clock[1]);
      minute = Number(clock[2]);
      used.add(i);
      if (inSet(BAJE, tokens[i + 1])) used.add(i + 1);
      continue;
    }
    // "saadhe 7 baje", "sawa 8 baje", "paune 9 baje"
    if ((inSet(HALF_PAST, t) || inSet(QUARTER_PAST, t) || inSet(QUARTER_TO, t)) && hour === null) {
      const n = readNumber(tokens, i + 1);
      if (n && Number.isInteger(n.value) && n.value >= 1 && n.value <= 12 && inSet(BAJE, tokens[n.end])) {
        hour = inSet(QUARTER_TO, t) ? n.value - 1 : n.value;
        minute = inSet(HALF_PAST, t) ? 30 : inSet(QUARTER_PAST, t) ? 15 : 45;
        for (let k = i; k <= n.end; k++) used.add(k);
        i = n.end;
        continue;
      }
    }
    const n = readNumber(tokens, i);
    if (!n) continue;
    const next = tokens[n.end];
    const span = (end: number) => {
      for (let k = i; k < end; k++) used.add(k);
      i = end - 1;
    };
    // "7 baje", "dedh baje" (1:30), "dhai baje" (2:30), "7 baj kar 15 minute"
    if (inSet(BAJE, next) && hour === null && n.value > 0 && n.value <= 24) {
      hour = Math.floor(n.value);
      minute = Math.round((n.value - hour) * 60);
      let end = n.end + 1;
      const m = readNumber(tokens, end);
      if (m && inSet(MINUTES, tokens[m.end])) {
        minute = m.value;
        end = m.end + 1;
      }
      span(end);
      continue;
    }
    // "7 am", "7 pm", "at 7 pm"
    const per = whichOf(PERIODS, next);
    if ((next?.norm === 'am' || next?.norm === 'pm') && per !== null && hour === null && n.value >= 1 && n.value <= 12) {
      hour = n.value;
      period = per;
      span(n.end + 1);
      continue;
    }
    // "3 din baad", "in 3 days", "2 hafte baad"
    if ((inSet(DAYS, next) || inSet(WEEKS, next)) && Number.isInteger(n.value) && n.value <= 400) {
      const after = tokens[n.end + 1];
      const before = tokens[i - 1];
      const isAfter = inSet(AFTER, after) || before?.norm === 'in' || before?.norm === 'after';
      if (isAfter) {
        dayOffset = n.value * (inSet(WEEKS, next) ? 7 : 1);
        if (before?.norm === 'in' || before?.norm === 'after') used.add(i - 1);
        let end = n.end + 2;
        if (after?.norm === 'ke' && (tokens[end]?.norm === 'baad' || tokens[end]?.norm === 'bad')) end++;
        span(inSet(AFTER, after) ? end : n.end + 1);
        continue;
      }
    }
    // "2 ghante baad", "30 minute mein", "in 2 hours"
    if ((inSet(HOURS, next) || inSet(MINUTES, next)) && (inSet(AFTER, tokens[n.end + 1]) || tokens[i - 1]?.norm === 'in')) {
      durationMs = n.value * (inSet(HOURS, next) ? 3_600_000 : 60_000);
      if (tokens[i - 1]?.norm === 'in') used.add(i - 1);
      span(inSet(AFTER, tokens[n.end + 1]) ? n.end + 2 : n.end + 1);
      continue;
    }
    // "15 tarikh", "15th", "15 march", "march 15"
    const monthAfter = next ? MONTHS.findIndex((s) => s.has(next.key)) : -1;
    const dayOfMonth = Number.isInteger(n.value) && n.value >= 1 && n.value <= 31;
    if (dayOfMonth && absoluteDay === null && (inSet(DATE_OF_MONTH, next) || monthAfter >= 0 || /^(st|nd|rd|th)$/.test(next?.norm ?? ''))) {
      let month = monthAfter >= 0 ? monthAfter : istNow.getUTCMonth();
      let year = istNow.getUTCFullYear();
      let day = Date.UTC(year, month, n.value);
      if (day < today) {
        if (monthAfter >= 0) year++;
        else month++;
        day = Date.UTC(year, month, n.value);
      }
      absoluteDay = day;
      span(n.end + 1);
      continue;
    }
    const monthBefore = MONTHS.findIndex((s) => s.has(tokens[i - 1]?.key ?? ''));
    if (dayOfMonth && monthBefore >= 0 && absoluteDay === null && !used.has(i - 1)) {
      let day = Date.UTC(istNow.getUTCFullYear(), monthBefore, n.value);
      if (day < today) day = Date.UTC(istNow.getUTCFullYear() + 1, monthBefore, n.value);
      absoluteDay = day;
      used.add(i - 1);
      span(n.end);
      continue;
    }
    // English "at 7", "at 9": an hour after "at" when a day or period was said.
    if (tokens[i - 1]?.norm === 'at' && hour === null && Number.isInteger(n.value) && n.value >= 1 && n.value <= 12) {
      hour = n.value;
      used.add(i - 1);
      span(n.end);
    }
  }

  if (durationMs !== null && dayOffset === null && absoluteDay === null && hour === null) {
    return { at: new Date(now.getTime() + durationMs), understood: true, used: [...used].filter((k) => !ignore.has(k)).sort((a, b) => a - b), hourSaid: true, past: false };
  }
  if (dayOffset === null && absoluteDay === null && hour === null && period === null) return null;
  const past = dayWordAt >= 0 && dayOffset !== null && dayOffset > 0 && saidOfPast(tokens, dayWordAt);
  if (past) dayOffset = -dayOffset!;

  let h: number;
  let m = minute;
  if (hour !== null) h = hour24(hour, period);
  else if (period !== null) h = PERIOD_DEFAULT_HOUR[period];
  else {
    h = DEFAULT_HOUR;
    m = 0;
  }
  let day = absoluteDay ?? today + (dayOffset ?? 0) * DAY_MS;
  let at = istInstant(day, h, m);
  // An hour alone ("7 baje") is the next such hour.
  if (absoluteDay === null && dayOffset === null && at.getTime() <= now.getTime()) {
    day += DAY_MS;
    at = istInstant(day, h, m);
  }
  return { at, understood: true, used: [...used].filter((k) => !ignore.has(k)).sort((a, b) => a - b), hourSaid: hour !== null || period !== null, past };
}

/** ISO 8601, or Hinglish/English words ("kal 7 baje", "aaj 5 baje", "tomorrow"); else one hour from now. */
export function parseWhen(text: string, now: Date): ParsedWhen {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T/.test(t) && !Number.isNaN(Date.parse(t))) return { at: new Date(t), understood: true };
  const found = findWhen(tokenize(t), now);
  if (!found) return { at: new Date(now.getTime() + 3_600_000), understood: false };
  return { at: found.at, understood: true };
}
