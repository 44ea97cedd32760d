import { afterEach, describe, expect, it } from 'vitest';
import { brokenInvariants, cashier, owner, tableCounts, testShop, type TestShop } from './testing';

let shop: TestShop;
afterEach(() => shop?.close());

function setup() {
  shop = testShop();
  shop.run('settings-update', { state: 'Maharashtra', billPrefix: 'GA' });
  const rahul = shop.addCustomer('Rahul Gupta', { state: 'Maharashtra', creditLimitPaise: 200_000 });
  const delhi = shop.addCustomer('Delhi Traders', { state: 'Delhi' });
  const milk = shop.addProduct('Milk', 3000, 1, { aliases: ['Doodh'] });
  const atta = shop.addProduct('Aashirvaad Atta 5kg', 25_000, 20, { gstRateBp: 500 });
  const soap = shop.addProduct('Lux Soap', 4000, 50, { gstRateBp: 1800 });
  return { rahul, delhi, milk, atta, soap };
}

const create = (input: object, actor = cashier) => shop.dispatcher.dispatch('invoice-create', input, actor);

describe('invoice-create', () => {
  it('bills a customer on udhaar: lines, GST halves, number, stock out, a DEBIT on the khata', () => {
    const { rahul, soap, atta } = setup();
    const r = create({ customerId: rahul, items: [{ productName: 'lux soap', quantity: 2 }, { productId: atta, quantity: 1 }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const inv = r.value;
    expect(inv).toMatchObject({
      number: 'GA/2526/000001',
      customerName: 'Rahul Gupta',
      status: 'ISSUED',
      paymentMode: 'credit',
      subtotalPaise: 33_000,
      cgstPaise: 720 + 625,
      sgstPaise: 720 + 625,
      igstPaise: 0,
      totalPaise: 33_000 + 2 * 1345,
      interState: false,
    });
    expect(inv.lines[0]).toMatchObject({ productId: soap, productName: 'Lux Soap', quantity: 2, taxablePaise: 8000, cgstPaise: 720, sgstPaise: 720, totalPaise: 9440 });
    expect(shop.run('product-get', { productId: soap }).stock).toBe(48);
    const entries = shop.run('ledger-list', { customerId: rahul });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ type: 'DEBIT', amountPaise: inv.totalPaise, invoiceId: inv.id, description: 'Bill GA/2526/000001', balanceAfterPaise: inv.totalPaise });
    expect(shop.run('invoice-get', { invoiceId: inv.id })).toEqual(inv);
    expect(brokenInvariants(shop.db)).toEqual([]);
  });

  it('charges IGST to a customer in another state, CGST+SGST when the state is unknown', () => {
    const { delhi, soap } = setup();
    const inter = create({ customerId: delhi, items: [{ productId: soap, quantity: 1 }] });
    expect(inter.ok && inter.value).toMatchObject({ interState: true, igstPaise: 720, cgstPaise: 0, sgstPaise: 0, totalPaise: 4720 });
    const walkIn = create({ items: [{ productId: soap, quantity: 1 }] });
    expect(walkIn.ok && walkIn.value).toMatchObject({ interState: false, cgstPaise: 360, sgstPaise: 360, paymentMode: 'cash', payments: [{ mode: 'cash', amountPaise: 4720 }] });
  });

  it('resolves names: exact, then alias, then partial; says which name was not found', () => {
    const { milk, atta } = setup();
    const byAlias = create({ items: [{ productName: 'DOODH', quantity: 1 }] });
    expect(byAlias.ok && byAlias.value.lines[0]!.productId).toBe(milk);
    const partial = create({ items: [{ productName: 'atta', quantity: 1 }] });
    expect(partial.ok && partial.value.lines[0]!.productId).toBe(atta);
    const before = tableCounts(shop.db);
    const missing = create({ items: [{ productName: 'atta', quantity: 1 }, { productName: 'Butter', quantity: 1 }] });
    expect(missing).toEqual({ ok: false, error: { code: 'PRODUCT_NOT_FOUND', message: 'Product not found: Butter', field: 'items.1.productName' } });
    expect(tableCounts(shop.db)).toEqual(before);
  });

  it('refuses more than the stock, in the reference words, and changes nothing', () => {
    setup();
    const before = tableCounts(shop.db);
    const r = create({ items: [{ productName: 'Lux Soap', quantity: 1 }, { productName: 'milk', quantity: 5 }] });
    expect(r).toEqual({ ok: false, error: { code: 'INSUFFICIENT_STOCK', message: 'Insufficient stock for Milk. Available: 1, Requested: 5', field: 'items.1.quantity' } });
    // The same product on two lines counts together.
    const twice = create({ items: [{ productName: 'milk', quantity: 1 }, { productName: 'milk', quantity: 0.5 }] });
    expect(!twice.ok && twice.error.message).toBe('Insufficient stock for Milk. Available: 1, Requested: 1.5');
    expect(tableCounts(shop.db)).toEqual(before);
  });

  it('walk-in bills must be paid: credit is a VALIDATION naming paymentMode', () => {
    setup();
    const r = create({ items: [{ productName: 'Lux Soap', quantity: 1 }], paymentMode: 'credit' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'paymentMode' } });
  });

  it('records payments: one mode, or a split that must add up to the total', () => {
    const { rahul, soap } = setup();
    const upi = create({ customerId: rahul, items: [{ productId: soap, quantity: 1 }], paymentMode: 'upi' });
    expect(upi.ok && upi.value).toMatchObject({ paymentMode: 'upi', payments: [{ mode: 'upi', amountPaise: 4720 }] });
    const before = tableCounts(shop.db);
    const bad = create({ items: [{ productId: soap, quantity: 1 }], paymentMode: 'split', payments: [{ mode: 'cash', amountPaise: 2000 }, { mode: 'upi', amountPaise: 2000 }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'payments', message: expect.stringContaining('₹40.00 but the bill is ₹47.20') } });
    expect(tableCounts(shop.db)).toEqual(before);
    const split = create({ items: [{ productId: soap, quantity: 1 }], paymentMode: 'split', payments: [{ mode: 'cash', amountPaise: 2720 }, { mode: 'upi', amountPaise: 2000 }] });
    expect(split.ok && split.value.payments).toEqual([
      { mode: 'cash', amountPaise: 2720 },
      { mode: 'upi', amountPaise: 2000 },
    ]);
  });

  it('applies line and bill discounts before tax, and applyGst false bills without tax', () => {
    const { soap, atta } = setup();
    const r = create({ items: [{ productId: soap, quantity: 1, discountPaise: 1000 }, { productId: atta, quantity: 1 }], discountPaise: 2800 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Lines after their own discounts: 3000 and 25000; the 2800 bill discount splits 300 / 2500.
    expect(r.value.lines.map((l) => [l.discountPaise, l.taxablePaise])).toEqual([
      [1300, 2700],
      [2500, 22_500],
    ]);
    expect(r.value).toMatchObject({ subtotalPaise: 28_000, discountPaise: 2800, cgstPaise: 243 + 563, totalPaise: 25_200 + 2 * (243 + 563) });
    const noTax = create({ items: [{ productId: soap, quantity: 1 }], applyGst: false });
    expect(noTax.ok && noTax.value).toMatchObject({ gstApplied: false, taxPaise: 0, totalPaise: 4000 });
    const tooMuch = create({ items: [{ productId: soap, quantity: 1 }], discountPaise: 5000 });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'discountPaise' } });
    expect(brokenInvariants(shop.db)).toEqual([]);
  });

  it('refuses a credit bill past the limit with the figures; the owner can allow it, audited; a cashier cannot', () => {
    const { rahul } = setup();
    const p = shop.addProduct('Ghee', 60_000, 10);
    shop.run('ledger-add-udhaar', { customerId: rahul, amountPaise: 150_000 });
    const before = tableCounts(shop.db);
    const refused = create({ customerId: rahul, items: [{ productId: p, quantity: 1 }] });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'CREDIT_LIMIT',
        message:
          'Credit limit crossed for Rahul Gupta: balance ₹1,500.00 + this bill ₹600.00 = ₹2,100.00, over the limit ₹2,000.00 by ₹100.00. Take a part payment, or the owner can allow this bill.',
      },
    });
    const cashierTries = create({ customerId: rahul, items: [{ productId: p, quantity: 1 }], allowOverCreditLimit: true });
    expect(cashierTries).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(tableCounts(shop.db)).toEqual(before);
    const allowed = create({ customerId: rahul, items: [{ productId: p, quantity: 1 }], allowOverCreditLimit: true }, owner);
    expect(allowed.ok && allowed.value.creditOverride).toBe(true);
    const audit = shop.db.prepare(`SELECT note FROM audit_log WHERE command = 'invoice-create'`).get() as { note: string };
    expect(audit.note).toMatch(/owner allowed over credit limit/);
    // A paid bill is not udhaar: no limit applies.
    expect(create({ customerId: rahul, items: [{ productId: p, quantity: 1 }], paymentMode: 'cash' }).ok).toBe(true);
  });

  it('numbers bills gaplessly per financial year, even when a bill fails in between', () => {
    const { soap } = setup();
    expect(create({ items: [{ productId: soap, quantity: 1 }] }).ok).toBe(true);
    expect(create({ items: [{ productId: soap, quantity: 1000 }] }).ok).toBe(false);
    const second = create({ items: [{ productId: soap, quantity: 1 }] });
    expect(second.ok && second.value.number).toBe('GA/2526/000002');
    (shop.clock as unknown as { set(d: string): void }).set('2026-03-31T18:30:00.000Z'); // 1 April IST
    const nextYear = create({ items: [{ productId: soap, quantity: 1 }] });
    expect(nextYear.ok && nextYear.value.number).toBe('GA/2627/000001');
    expect(brokenInvariants(shop.db)).toEqual([]);
  });

  it('unknown customer is NOT_FOUND', () => {
    const { soap } = setup();
    expect(create({ customerId: 99, items: [{ productId: soap, quantity: 1 }] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'customerId' } });
  });
});

describe('invoice-cancel', () => {
  it('reverses a credit bill on the khata and brings the stock back', () => {
    const { rahul, soap } = setup();
    const inv = shop.run('invoice-create', { customerId: rahul, items: [{ productId: soap, quantity: 3 }] });
    const cancelled = shop.run('invoice-cancel', { invoiceId: inv.id, reason: 'wrong customer' });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledAt: '2026-03-10T05:30:00.000Z', number: inv.number });
    expect(shop.run('product-get', { productId: soap }).stock).toBe(50);
    const entries = shop.run('ledger-list', { customerId: rahul });
    expect(entries.map((e) => [e.type, e.amountPaise, e.balanceAfterPaise])).toEqual([
      ['CREDIT', inv.totalPaise, 0],
      ['DEBIT', inv.totalPaise, inv.totalPaise],
    ]);
    const again = shop.dispatcher.dispatch('invoice-cancel', { invoiceId: inv.id }, owner);
    expect(again).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Invoice GA/2526/000001 is already cancelled', field: 'invoiceId' } });
    expect(brokenInvariants(shop.db)).toEqual([]);
  });

  it('refunds a paid bill with negative payments; owner only; unknown id NOT_FOUND', () => {
    const { soap } = setup();
    const inv = shop.run('invoice-create', { items: [{ productId: soap, quantity: 1 }], paymentMode: 'split', payments: [{ mode: 'cash', amountPaise: 720 }, { mode: 'upi', amountPaise: 4000 }] });
    expect(shop.dispatcher.dispatch('invoice-cancel', { invoiceId: inv.id }, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    shop.run('invoice-cancel', { invoiceId: inv.id });
    const refunds = shop.db.prepare('SELECT mode, amount_paise FROM payments WHERE invoice_id = ? AND amount_paise < 0 ORDER BY id').all(inv.id);
    expect(refunds).toEqual([
      { mode: 'cash', amount_paise: -720 },
      { mode: 'upi', amount_paise: -4000 },
    ]);
    expect(shop.dispatcher.dispatch('invoice-cancel', { invoiceId: 99 }, owner)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Invoice not found: 99', field: 'invoiceId' } });
    expect(brokenInvariants(shop.db)).toEqual([]);
  });

  it('undo of a sale cancels the bill and needs the owner', () => {
    const { rahul, soap } = setup();
    const inv = shop.run('invoice-create', { customerId: rahul, items: [{ productId: soap, quantity: 1 }] }, cashier);
    expect(shop.dispatcher.dispatch('undo-last', {}, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(shop.run('undo-last', {})).toEqual({ undone: 'invoice-create', description: `Bill ${inv.number} cancelled` });
    expect(shop.run('invoice-get', { invoiceId: inv.id }).status).toBe('CANCELLED');
    expect(shop.db.prepare('SELECT balance_paise FROM customers WHERE id = ?').get(rahul)).toEqual({ balance_paise: 0 });
    expect(brokenInvariants(shop.db)).toEqual([]);
  });
});

describe('a khata bill paid in part', () => {
  const balanceOf = (id: number) => (shop.db.prepare('SELECT balance_paise FROM customers WHERE id = ?').get(id) as { balance_paise: number }).balance_paise;
  const ledgerSum = (id: number) => (shop.db.prepare('SELECT coalesce(sum(delta_paise), 0) AS s FROM ledger_entries WHERE customer_id = ?').get(id) as { s: number }).s;
  const paymentsSum = (invoiceId: number) => (shop.db.prepare('SELECT coalesce(sum(amount_paise), 0) AS s FROM payments WHERE invoice_id = ?').get(invoiceId) as { s: number }).s;
  // Soap 4000 + 18% GST = 4720 each; three are 14160.
  const partPaid = (rahul: number, soap: number, actor = cashier) =>
    shop.run('invoice-create', { customerId: rahul, items: [{ productId: soap, quantity: 3 }], paymentMode: 'credit', payments: [{ mode: 'cash', amountPaise: 5000 }, { mode: 'upi', amountPaise: 2000 }] }, actor);

  it('puts only the unpaid part on the khata: a DEBIT for the bill, a payment and a CREDIT per part, in one bill', () => {
    const { rahul, soap } = setup();
    const inv = partPaid(rahul, soap);
    expect(inv).toMatchObject({ paymentMode: 'credit', totalPaise: 14_160, balanceDuePaise: 7160, payments: [{ mode: 'cash', amountPaise: 5000 }, { mode: 'upi', amountPaise: 2000 }] });
    expect(balanceOf(rahul)).toBe(7160);
    expect(ledgerSum(rahul)).toBe(7160);
    const entries = shop.run('ledger-list', { customerId: rahul });
    expect(entries.map((e) => [e.type, e.amountPaise, e.paymentMode, e.invoiceId, e.balanceAfterPaise])).toEqual([
      ['CREDIT', 2000, 'upi', inv.id, 7160],
      ['CREDIT', 5000, 'cash', inv.id, 9160],
      ['DEBIT', 14_160, null, inv.id, 14_160],
    ]);
    const reasons = shop.db.prepare('SELECT reason, payment_id IS NOT NULL AS linked FROM ledger_entries WHERE invoice_id = ? ORDER BY id').all(inv.id);
    expect(reasons).toEqual([
      { reason: 'SALE', linked: 0 },
      { reason: 'PAYMENT', linked: 1 },
      { reason: 'PAYMENT', linked: 1 },
    ]);
    expect(shop.db.prepare('SELECT customer_id, mode, amount_paise FROM payments WHERE invoice_id = ? ORDER BY id').all(inv.id)).toEqual([
      { customer_id: rahul, mode: 'cash', amount_paise: 5000 },
      { customer_id: rahul, mode: 'upi', amount_paise: 2000 },
    ]);
    // The read model says the same: paid 70, on khata 71.60.
    expect(shop.run('invoice-get', { invoiceId: inv.id })).toEqual(inv);
    expect(shop.run('invoice-list', { limit: 5 })[0]).toEqual(inv);
    // A plain khata bill and a paid bill leave nothing / everything due.
    expect(shop.run('invoice-create', { customerId: rahul, items: [{ productId: soap, quantity: 1 }] }).balanceDuePaise).toBe(4720);
    expect(shop.run('invoice-create', { customerId: rahul, items: [{ productId: soap, quantity: 1 }], paymentMode: 'cash' }).balanceDuePaise).toBe(0);
    expect(brokenInvariants(shop.db)).toEqual([]);
  });

  it('checks the credit limit against the unpaid part only', () => {
    const { rahul } = setup();
    const ghee = shop.addProduct('Ghee', 60_000, 10);
    shop.run('ledger-add-udhaar', { customerId: rahul, amountPaise: 150_000 });
    const before = tableCounts(shop.db);
    // 1500 owed + 600 bill is over the 2000 limit; with 200 paid, 1500 + 400 is not.
    const tooLittle = create({ customerId: rahul, items: [{ productId: ghee, quantity: 1 }], paymentMode: 'credit', payments: [{ mode: 'cash', amountPaise: 5000 }] });
    expect(tooLittle).toMatchObject({ ok: false, error: { code: 'CREDIT_LIMIT', message: expect.stringContaining('this bill ₹550.00 = ₹2,050.00') } });
    expect(tableCounts(shop.db)).toEqual(before);
    const r = create({ customerId: rahul, items: [{ productId: ghee, quantity: 1 }], paymentMode: 'credit', payments: [{ mode: 'cash', amountPaise: 20_000 }] });
    expect(r.ok && r.value).toMatchObject({ creditOverride: false, balanceDuePaise: 40_000 });
    expect(balanceOf(rahul)).toBe(190_000);
    expect(brokenInvariants(shop.db)).toEqual([]);
  });

  it('refuses parts that pay the whole bill (or more), naming payments, and a walk-in credit bill; nothing changes', () => {
    const { rahul, soap } = setup();
    const before = tableCounts(shop.db);
    for (const payments of [[{ mode: 'cash', amountPaise: 4720 }], [{ mode: 'cash', amountPaise: 4000 }, { mode: 'upi', amountPaise: 1000 }]]) {
      const r = create({ customerId: rahul, items: [{ productId: soap, quantity: 1 }], paymentMode: 'credit', payments });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'payments', message: expect.stringContaining('paid in full: use the mode, or split') } });
    }
    const walkIn = create({ items: [{ productId: soap, quantity: 1 }], paymentMode: 'credit', payments: [{ mode: 'cash', amountPaise: 1000 }] });
    expect(walkIn).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'paymentMode' } });
    expect(tableCounts(shop.db)).toEqual(before);
  });

  it('cancel leaves the balance, the ledger and the payments as if the bill never happened, append-only', () => {
    const { rahul, soap } = setup();
    shop.run('ledger-add-udhaar', { customerId: rahul, amountPaise: 1000 });
    const inv = partPaid(rahul, soap);
    const entriesBefore = (shop.db.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
    const cancelled = shop.run('invoice-cancel', { invoiceId: inv.id, reason: 'wrong customer' });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', balanceDuePaise: 0, payments: inv.payments });
    expect(balanceOf(rahul)).toBe(1000);
    expect(ledgerSum(rahul)).toBe(1000);
    expect(paymentsSum(inv.id)).toBe(0);
    expect(shop.db.prepare('SELECT mode, amount_paise FROM payments WHERE invoice_id = ? AND amount_paise < 0 ORDER BY id').all(inv.id)).toEqual([
      { mode: 'cash', amount_paise: -5000 },
      { mode: 'upi', amount_paise: -2000 },
    ]);
    // Three new entries, each naming the one it reverses: the SALE, and each part's PAYMENT.
    const added = shop.db
      .prepare('SELECT e.type, e.amount_paise, e.reason, r.reason AS reverses FROM ledger_entries e JOIN ledger_entries r ON r.id = e.reverses_entry_id WHERE e.id > ? ORDER BY e.id')
      .all(entriesBefore);
    expect(added).toEqual([
      { type: 'CREDIT', amount_paise: 14_160, reason: 'CANCELLATION', reverses: 'SALE' },
      { type: 'DEBIT', amount_paise: 5000, reason: 'REVERSAL', reverses: 'PAYMENT' },
      { type: 'DEBIT', amount_paise: 2000, reason: 'REVERSAL', reverses: 'PAYMENT' },
    ]);
    expect(shop.run('product-get', { productId: soap }).stock).toBe(50);
    // The day's report: nothing written on the khata by the bill, nothing collected.
    const report = shop.run('report-sales', { from: '2026-03-10', to: '2026-03-10' });
    expect(report).toMatchObject({ udhaarWrittenPaise: 1000, udhaarCollectedPaise: 0, paymentsByModePaise: { cash: 0, upi: 0, card: 0, other: 0 } });
    expect(brokenInvariants(shop.db)).toEqual([]);
  });

  it('undo of the sale cancels it the same way (owner)', () => {
    const { rahul, soap } = setup();
    const inv = partPaid(rahul, soap);
    expect(shop.run('undo-last', {})).toEqual({ undone: 'invoice-create', description: `Bill ${inv.number} cancelled` });
    expect(balanceOf(rahul)).toBe(0);
    expect(ledgerSum(rahul)).toBe(0);
    expect(paymentsSum(inv.id)).toBe(0);
    expect(shop.run('invoice-get', { invoiceId: inv.id })).toMatchObject({ status: 'CANCELLED', balanceDuePaise: 0 });
    expect(brokenInvariants(shop.db)).toEqual([]);
  });
});

describe('invoice-list', () => {
  it('newest first, with lines and payments, by customer', () => {
    const { rahul, soap } = setup();
    const a = shop.run('invoice-create', { customerId: rahul, items: [{ productId: soap, quantity: 1 }] });
    const b = shop.run('invoice-create', { items: [{ productId: soap, quantity: 2 }] });
    const all = shop.run('invoice-list', { limit: 20 });
    expect(all.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(all[0]!.payments).toEqual([{ mode: 'cash', amountPaise: 9440 }]);
    expect(all[1]!.lines).toHaveLength(1);
    expect(shop.run('invoice-list', { limit: 20, customerId: rahul }).map((i) => i.id)).toEqual([a.id]);
    expect(shop.dispatcher.dispatch('invoice-list', { limit: 501 }, cashier)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'limit' } });
  });
});
