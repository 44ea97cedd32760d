// Months for the owner's reports, in IST like the bills: GSTR-1 is filed for the month gone by.
const IST_OFFSET_MS = 5.5 * 3_600_000;

/** YYYY-MM of the IST month `back` months before the one `now` falls in. */
export function istMonth(now: number, back = 0): string {
  const ist = new Date(now + IST_OFFSET_MS);
  const d = new Date(Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth() - back, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first and last IST days of a YYYY-MM month, as the sales report takes them. */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
