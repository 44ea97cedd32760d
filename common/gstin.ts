// GSTIN: 2-digit state code, 10-character PAN, entity number, 'Z', and a mod-36 check character.
const CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SHAPE = /^(\d{2})[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

export function gstinCheckChar(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const value = CHARS.indexOf(first14[i] ?? '');
    const product = value * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return CHARS[(36 - (sum % 36)) % 36] ?? '0';
}

export function isValidGstin(raw: string): boolean {
  const g = raw.trim().toUpperCase();
  const m = SHAPE.exec(g);
  if (!m) return false;
  const state = Number(m[1]);
  if (state < 1 || state > 38) return false;
  return gstinCheckChar(g.slice(0, 14)) === g[14];
}

/** The state code a GSTIN starts with ("09" for Uttar Pradesh). */
export const gstinStateCode = (gstin: string): string => gstin.trim().slice(0, 2);
