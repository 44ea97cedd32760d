import { describe, expect, it } from 'vitest';
import { istMonth, monthDays } from './report-month';

describe('report months', () => {
  it('takes the month in IST, and last month across a year end', () => {
    // 31 Dec 2026 20:00 UTC is already 1 Jan 2027 in IST.
    const newYearIst = Date.parse('2026-12-31T20:00:00Z');
    expect(istMonth(newYearIst)).toBe('2027-01');
    expect(istMonth(newYearIst, 1)).toBe('2026-12');
    expect(istMonth(Date.parse('2026-03-15T06:00:00Z'), 1)).toBe('2026-02');
  });
  it('gives the first and last days, leap years included', () => {
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
