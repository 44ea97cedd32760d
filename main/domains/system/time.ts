// India has one zone and no daylight saving: IST is UTC+05:30 whatever the machine's zone says.
export const IST_OFFSET_MS = 330 * 60_000;

/** UTC instant of the IST midnight that starts the IST day containing `d`. */
export function istDayStart(d: Date): Date {
  const ist = d.getTime() + IST_OFFSET_MS;
  const midnight = ist - (((ist % 86_400_000) + 86_400_000) % 86_400_000);
  return new Date(midnight - IST_OFFSET_MS);
}

/** Hour of day (0..23) in IST. */
export const istHour = (d: Date): number => new Date(d.getTime() + IST_OFFSET_MS).getUTCHours();

/** Financial year code for the IST date: April 2026 to March 2027 is "2627". */
export function financialYear(d: Date): string {
  const ist = new Date(d.getTime() + IST_OFFSET_MS);
  const y = ist.getUTCFullYear();
  const start = ist.getUTCMonth() >= 3 ? y : y - 1;
  return `${String(start % 100).padStart(2, '0')}${String((start + 1) % 100).padStart(2, '0')}`;
}
