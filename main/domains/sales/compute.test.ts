import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBill, spreadDiscount } from './compute';

describe('bill arithmetic', () => {
  it('splits GST into equal CGST and SGST halves within the state, IGST between states', () => {
    const items = [{ qtyMilli: 1000, unitPricePaise: 10_000, discountPaise: 0, gstRateBp: 1800 }];
    const intra = computeBill(items, 0, { applyGst: true, interState: false });
    expect(intra).toMatchObject({ subtotalPaise: 10_000, cgstPaise: 900, sgstPaise: 900, igstPaise: 0, totalPaise: 11_800 });
    const inter = computeBill(items, 0, { applyGst: true, interState: true });
    expect(inter).toMatchObject({ cgstPaise: 0, sgstPaise: 0, igstPaise: 1800, totalPaise: 11_800 });
  });

  it('rounds each half half-away-from-zero, per line', () => {
    // ₹1.01 at 5%: each 2.5% half is 2.525 paise -> 3; IGST 5.05 -> 5.
    const items = [{ qtyMilli: 1000, unitPricePaise: 101, discountPaise: 0, gstRateBp: 500 }];
    expect(computeBill(items, 0, { applyGst: true, interState: false })).toMatchObject({ cgstPaise: 3, sgstPaise: 3, totalPaise: 107 });
    expect(computeBill(items, 0, { applyGst: true, interState: true })).toMatchObject({ igstPaise: 5, totalPaise: 106 });
    // 0.25%: each half 0.125% of ₹100 = 12.5 paise -> 13.
    const quarter = [{ qtyMilli: 1000, unitPricePaise: 10_000, discountPaise: 0, gstRateBp: 25 }];
    expect(computeBill(quarter, 0, { applyGst: true, interState: false })).toMatchObject({ cgstPaise: 13, sgstPaise: 13 });
  });

  it('prices loose quantities to the paisa: 0.25 kg at ₹45.50 is ₹11.38', () => {
    const bill = computeBill([{ qtyMilli: 250, unitPricePaise: 4550, discountPaise: 0, gstRateBp: 0 }], 0, { applyGst: true, interState: false });
    expect(bill).toMatchObject({ subtotalPaise: 1138, totalPaise: 1138 });
  });

  it('bills without tax when applyGst is false', () => {
    const bill = computeBill([{ qtyMilli: 2000, unitPricePaise: 5000, discountPaise: 0, gstRateBp: 1200 }], 0, { applyGst: false, interState: false });
    expect(bill).toMatchObject({ cgstPaise: 0, sgstPaise: 0, igstPaise: 0, totalPaise: 10_000 });
  });

  it('spreads a bill discount in proportion before tax, the remainder to the last line', () => {
    expect(spreadDiscount([100, 100, 100], 100)).toEqual([33, 33, 34]);
    expect(spreadDiscount([10_000, 20_000], 1000)).toEqual([333, 667]);
    const bill = computeBill(
      [
        { qtyMilli: 1000, unitPricePaise: 10_000, discountPaise: 0, gstRateBp: 1800 },
        { qtyMilli: 1000, unitPricePaise: 20_000, discountPaise: 0, gstRateBp: 0 },
      ],
      1000,
      { applyGst: true, interState: false },
    );
    expect(bill).toMatchObject({ subtotalPaise: 30_000, discountPaise: 1000 });
    if ('kind' in bill) throw new Error('unexpected');
    expect(bill.lines.map((l) => l.taxablePaise)).toEqual([9667, 19_333]);
    expect(bill.lines[0]).toMatchObject({ cgstPaise: 870, sgstPaise: 870 });
  });

  it('refuses a line discount above the line and a bill discount above the bill', () => {
    expect(computeBill([{ qtyMilli: 1000, unitPricePaise: 100, discountPaise: 101, gstRateBp: 0 }], 0, { applyGst: true, interState: false })).toEqual({
      kind: 'lineDiscount',
      index: 0,
      netBeforePaise: 100,
    });
    expect(computeBill([{ qtyMilli: 1000, unitPricePaise: 100, discountPaise: 0, gstRateBp: 0 }], 101, { applyGst: true, interState: false })).toEqual({
      kind: 'billDiscount',
      subtotalPaise: 100,
    });
  });

  it('any discount spread adds up exactly and never takes a line below zero', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), (amounts, frac) => {
        const total = amounts.reduce((s, a) => s + a, 0);
        const discount = Math.floor(total * frac);
        const shares = spreadDiscount(amounts, discount);
        expect(shares.reduce((s, x) => s + x, 0)).toBe(total === 0 ? 0 : discount);
        shares.forEach((s, i) => {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(amounts[i]!);
        });
      }),
    );
  });
});
