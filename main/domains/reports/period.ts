// Report periods are IST calendar days and months; rows carry UTC ISO instants (toISOString), so a
// period becomes a half-open range of UTC ISO strings that compare as text.
import { IST_OFFSET_MS } from '../system/time';

export interface IstRange {
  /** First instant, ISO UTC (IST midnight). */
  fromIso: string;
  /** First instant after the period, ISO UTC. */
  toIso: string;
}

/** The IST calendar date (YYYY-MM-DD) of an instant. */
export const istDateOf = (d: Date): string => new Date(d.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);

const istMidnight = (date: string): Date => new Date(Date.parse(`${date}T00:00:00Z`) - IST_OFFSET_MS);

/** From IST midnight of `from` to IST midnight after `to` (both days included). */
export function istDaysRange(from: string, to: string): IstRange {
  const end = istMidnight(to);
  return { fromIso: istMidnight(from).toISOString(), toIso: new Date(end.getTime() + 86_400_000).toISOString() };
}

/** A month "YYYY-MM" as IST days. */
export function istMonthRange(month: string): IstRange {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { fromIso: istMidnight(`${month}-01`).toISOString(), toIso: istMidnight(`${next}-01`).toISOString() };
}

/** The IST month ("YYYY-MM") an instant falls in. */
export const istMonthOf = (d: Date): string => istDateOf(d).slice(0, 7);

/** "DD-MM-YYYY" of the IST day of a UTC ISO instant (GSTR-1's invoice date). */
export function istDayMonthYear(iso: string): string {
  const [y, m, d] = istDateOf(new Date(iso)).split('-');
  return `${d}-${m}-${y}`;
}
