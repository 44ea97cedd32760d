// The UPI intent a customer's app reads from the QR: upi://pay with the shop's VPA, name, the
// amount in rupees and the bill number as the reference (NPCI's UPI linking specification).
import { paiseToDecimalString } from '../../common/money';

export function upiPayUrl(opts: { vpa: string; payeeName: string; amountPaise: number; reference: string }): string {
  const params = [
    ['pa', opts.vpa],
    ['pn', opts.payeeName.slice(0, 50)],
    ['am', paiseToDecimalString(opts.amountPaise)],
    ['cu', 'INR'],
    ['tr', opts.reference.replace(/[^\w/-]/g, '').slice(0, 35)],
    ['tn', `Bill ${opts.reference}`.slice(0, 50)],
  ];
  return `upi://pay?${params.map(([k, v]) => `${k}=${encodeURIComponent(v!)}`).join('&')}`;
}

/** India's financial year as the bill series writes it: April 2025 to March 2026 is "2526" (IST). */
export function financialYearOf(d: Date): string {
  const ist = new Date(d.getTime() + 5.5 * 3_600_000);
  const y = ist.getUTCFullYear();
  const start = ist.getUTCMonth() >= 3 ? y : y - 1;
  return `${String(start % 100).padStart(2, '0')}${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * The number the next bill will most likely get (the last one plus one, or the first of a new year).
 * Only for the UPI reference shown before the sale: the services give the real number.
 */
export function expectedNextBillNumber(lastNumber: string | null, prefix: string, now: Date): string {
  const fy = financialYearOf(now);
  const m = lastNumber ? /^(.+)\/(\d{4})\/(\d+)$/.exec(lastNumber) : null;
  const seq = m && m[1] === prefix && m[2] === fy ? Number(m[3]) + 1 : 1;
  return `${prefix}/${fy}/${String(seq).padStart(6, '0')}`;
}
