import { describe, expect, it } from 'vitest';
import { monthSaid } from './month';

const MARCH_10 = new Date('2026-03-10T05:30:00.000Z');

describe('monthSaid', () => {
  it('the month before, a named month (the latest not after now), or none', () => {
    expect(monthSaid('pichhle mahine ka GSTR-1 banao', MARCH_10)).toBe('2026-02');
    expect(monthSaid('last month ka gstr', MARCH_10)).toBe('2026-02');
    expect(monthSaid('pichla mahina', new Date('2026-01-05T05:30:00.000Z'))).toBe('2025-12');
    expect(monthSaid('february ka GSTR-1', MARCH_10)).toBe('2026-02');
    expect(monthSaid('march ka gst return', MARCH_10)).toBe('2026-03');
    expect(monthSaid('December ka GSTR', MARCH_10)).toBe('2025-12');
    expect(monthSaid('is mahine ka GSTR-1 banao', MARCH_10)).toBeNull();
    expect(monthSaid('gstr banao', MARCH_10)).toBeNull();
  });

  it('the month is the IST one: 31 March 20:00 UTC is already April', () => {
    expect(monthSaid('pichhle mahine ka', new Date('2026-03-31T20:00:00.000Z'))).toBe('2026-03');
  });
});
