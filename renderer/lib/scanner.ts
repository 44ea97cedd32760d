// A barcode scanner is a fast keyboard ending in Enter. What tells it from typing is speed: a human
// rarely types two keys within 30 ms, a scanner sends every key within a few.
export const SCAN_MIN_CHARS = 4;
export const SCAN_MAX_GAP_MS = 35;

export class KeyBurst {
  private times: number[] = [];

  /** A printable key reached the search box at `at` (performance.now()). */
  key(at: number): void {
    const last = this.times.at(-1);
    if (last !== undefined && at - last > SCAN_MAX_GAP_MS * 4) this.times = [];
    this.times.push(at);
  }

  /** Enter at `at`: was what came before it a scan? Starts a new burst either way. */
  enter(at: number): boolean {
    const scan = looksLikeScan([...this.times, at]);
    this.times = [];
    return scan;
  }

  reset(): void {
    this.times = [];
  }
}

/** Key times (the last is Enter): enough keys, each within SCAN_MAX_GAP_MS of the one before. */
export function looksLikeScan(times: readonly number[]): boolean {
  if (times.length < SCAN_MIN_CHARS + 1) return false;
  for (let i = 1; i < times.length; i++) if (times[i]! - times[i - 1]! > SCAN_MAX_GAP_MS) return false;
  return true;
}

/** Looks like something printed under bars rather than a name. */
export const isBarcodeLike = (q: string): boolean => /^\d{6,14}$/.test(q) || /^[0-9A-Z-]{8,32}$/.test(q);
