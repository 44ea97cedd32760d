import { afterEach, describe, expect, it } from 'vitest';
import { gstinCheckChar } from '../../../common/gstin';
import { stateCodeOf } from '../../../common/states';
import { cashier, owner, testShop, type TestShop } from '../sales/testing';
import { istDaysRange, istMonthRange } from './period';

let shop: TestShop;
afterEach(() => shop?.close());

const gstin = (first14: string) => first14 + gstinCheckChar(first14);
const SHOP_GSTIN = gstin('27AABCG1234K1Z');
const DELHI_GSTIN = gstin('07AAACD1234F1Z');
const PUNE_GSTIN = gstin('27AAAPL1234C1Z');

const setClock = (iso: string) => (shop.clock as unknown as { set(d: string): void }).set(iso);

/** A Maharashtra shop; customers in and out of the state, with and without a GSTIN; three rates. */
function setup() {
  shop = testShop();
  shop.run('settings-update', { state: 'Maharashtra', gstin: SHOP_GSTIN });
  const rahul = shop.addCustomer('Rahul Gupta', { state: 'Maharashtra' });
  const bengaluru = shop.addCustomer('Anita Rao', { state: 'Karnataka' });
  const delhi = shop.run('customer-create', { name: 'Delhi Traders', gstin: DELHI_GSTIN, state: 'Delhi' }).id;
  const pune = shop.run('customer-create', { name: 'Patil Stores', gstin: PUNE_GSTIN, state: 'Maharashtra' }).id;
  const atta = shop.run('product-create', { name: 'Atta', pricePaise: 1001, stock: 100, unit: 'kg', gstRateBp: 500, hsn: '1101' }).id;
  const soap = shop.run('product-create', { name: 'Lux Soap', pricePaise: 3333, stock: 100, gstRateBp: 1800, hsn: '3401' }).id;
  const milk = shop.run('product-create', { name: 'Milk', pricePaise: 10, stock: 100, unit: 'packet', gstRateBp: 0, hsn: '0401' }).id;
  const curd = shop.run('product-create', { name: 'Curd', pricePaise: 20, stock: 100, unit: 'packet', gstRateBp: 0, hsn: '0403' }).id;
  return { rahul, bengaluru, delhi, pune, atta, soap, milk, curd };
}

const bill = (input: object) => {
  const r = shop.dispatcher.dispatch('invoice-create', { paymentMode: 'cash', ...input }, cashier);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('IST periods', () => {
  it('a month and days are IST midnights as UTC instants', () => {
    expect(istMonthRange('2026-03')).toEqual({ fromIso: '2026-02-28T18:30:00.000Z', toIso: '2026-03-31T18:30:00.000Z' });
    expect(istMonthRange('2026-12').toIso).toBe('2026-12-31T18:30:00.000Z');
    expect(istDaysRange('2026-03-01', '2026-03-10')).toEqual({ fromIso: '2026-02-28T18:30:00.000Z', toIso: '2026-03-10T18:30:00.000Z' });
  });

  it('state names and codes', () => {
    expect(stateCodeOf('Maharashtra')).toBe('27');
    expect(stateCodeOf(' uttar  pradesh ')).toBe('09');
    expect(stateCodeOf('Jammu & Kashmir')).toBe('01');
    expect(stateCodeOf('7')).toBe('07');
    expect(stateCodeOf('Atlantis')).toBeNull();
    expect(stateCodeOf(null)).toBeNull();
  });
});

describe('report-gstr1', () => {
  it('B2B per customer GSTIN and invoice with items per rate; B2CS by place of supply and rate; HSN; a cancelled bill left out', () => {
    const c = setup();
    // Within Maharashtra, B2B: two rates on one bill, two lines at 5% merge into one item.
    const b2bIntra = bill({ customerId: c.pune, items: [{ productId: c.atta, quantity: 1 }, { productId: c.soap, quantity: 3 }, { productId: c.atta, quantity: 2 }] });
    // To Delhi, B2B: IGST.
    const b2bInter = bill({ customerId: c.delhi, items: [{ productId: c.soap, quantity: 1 }, { productId: c.milk, quantity: 5 }] });
    // Walk-in and a Maharashtra consumer: B2CS INTRA, place of supply 27.
    bill({ items: [{ productId: c.atta, quantity: 1 }] });
    bill({ customerId: c.rahul, items: [{ productId: c.atta, quantity: 1 }, { productId: c.milk, quantity: 1 }, { productId: c.curd, quantity: 1 }] });
    // A Karnataka consumer: B2CS INTER, place of supply 29.
    bill({ customerId: c.bengaluru, items: [{ productId: c.soap, quantity: 1 }] });
    // Cancelled: not in the return.
    const gone = bill({ customerId: c.delhi, items: [{ productId: c.soap, quantity: 10 }] });
    shop.run('invoice-cancel', { invoiceId: gone.id }, owner);
    // Next month (IST): not in March's.
    setClock('2026-03-31T18:30:00.000Z');
    bill({ items: [{ productId: c.soap, quantity: 1 }] });
    setClock('2026-03-10T05:30:00.000Z');

    const r = shop.run('report-gstr1', { month: '2026-03' }, owner);
    expect(r.fileName).toBe(`GSTR1-${SHOP_GSTIN}-032026.json`);
    expect(r.b2bInvoiceCount).toBe(2);
    expect(r.b2cInvoiceCount).toBe(3);
    expect(r.warnings).toEqual([]);
    const g = r.gstr1;
    expect(g.gstin).toBe(SHOP_GSTIN);
    expect(g.fp).toBe('032026');
    // Atta 3 kg at 10.01: taxable 30.03, CGST = SGST = 0.75 per line: 1 kg 25.025 -> 25 paise; 2 kg 50.05 -> 50 paise.
    // Soap 3 at 33.33: taxable 99.99, 9% = 8.9991 -> 9.00 each.
    expect(g.b2b).toEqual([
      {
        ctin: DELHI_GSTIN,
        inv: [
          {
            inum: b2bInter.number,
            idt: '10-03-2026',
            val: 39.83,
            pos: '07',
            rchrg: 'N',
            inv_typ: 'R',
            itms: [
              { num: 1, itm_det: { txval: 0.5, rt: 0, iamt: 0, camt: 0, samt: 0, csamt: 0 } },
              { num: 2, itm_det: { txval: 33.33, rt: 18, iamt: 6, camt: 0, samt: 0, csamt: 0 } },
            ],
          },
        ],
      },
      {
        ctin: PUNE_GSTIN,
        inv: [
          {
            inum: b2bIntra.number,
            idt: '10-03-2026',
            val: 149.52,
            pos: '27',
            rchrg: 'N',
            inv_typ: 'R',
            itms: [
              { num: 1, itm_det: { txval: 30.03, rt: 5, iamt: 0, camt: 0.75, samt: 0.75, csamt: 0 } },
              { num: 2, itm_det: { txval: 99.99, rt: 18, iamt: 0, camt: 9, samt: 9, csamt: 0 } },
            ],
          },
        ],
      },
    ]);
    expect(b2bIntra.totalPaise).toBe(14_952);
    expect(g.b2cs).toEqual([
      // Walk-in + Rahul: milk 0.10 and curd 0.20 at 0% make 0.30 exactly (no 0.30000000000000004).
      { sply_ty: 'INTER', pos: '29', typ: 'OE', rt: 18, txval: 33.33, iamt: 6, camt: 0, samt: 0, csamt: 0 },
      { sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 0, txval: 0.3, iamt: 0, camt: 0, samt: 0, csamt: 0 },
      { sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 5, txval: 20.02, iamt: 0, camt: 0.5, samt: 0.5, csamt: 0 },
    ]);
    expect(g.hsn.data).toEqual([
      { num: 1, hsn_sc: '0401', desc: 'Milk', uqc: 'PAC', qty: 6, val: 0.6, txval: 0.6, iamt: 0, camt: 0, samt: 0, csamt: 0 },
      { num: 2, hsn_sc: '0403', desc: 'Curd', uqc: 'PAC', qty: 1, val: 0.2, txval: 0.2, iamt: 0, camt: 0, samt: 0, csamt: 0 },
      { num: 3, hsn_sc: '1101', desc: 'Atta', uqc: 'KGS', qty: 5, val: 52.55, txval: 50.05, iamt: 0, camt: 1.25, samt: 1.25, csamt: 0 },
      { num: 4, hsn_sc: '3401', desc: 'Lux Soap', uqc: 'PCS', qty: 5, val: 196.65, txval: 166.65, iamt: 12, camt: 9, samt: 9, csamt: 0 },
    ]);
    // The summary agrees with the bills, in paise.
    expect(r.taxablePaise).toBe(30_03 + 99_99 + 33_33 + 50 + 10_01 + 10_01 + 10 + 20 + 33_33);
    expect({ cgst: r.cgstPaise, sgst: r.sgstPaise, igst: r.igstPaise }).toEqual({ cgst: 75 + 900 + 25 + 25, sgst: 75 + 900 + 25 + 25, igst: 600 + 600 });
  });

  it('defaults to the IST month of today and is empty without bills', () => {
    setup();
    const r = shop.run('report-gstr1', {}, owner);
    expect(r.month).toBe('2026-03');
    expect(r.gstr1).toEqual({ gstin: SHOP_GSTIN, fp: '032026', b2b: [], b2cs: [], hsn: { data: [] } });
  });

  it('a bill at 23:50 IST on the last day belongs to that month, not the next', () => {
    const c = setup();
    setClock('2026-03-31T18:20:00.000Z'); // 31 March 23:50 IST
    bill({ items: [{ productId: c.soap, quantity: 1 }] });
    expect(shop.run('report-gstr1', { month: '2026-03' }, owner).b2cInvoiceCount).toBe(1);
    expect(shop.run('report-gstr1', { month: '2026-04' }, owner).b2cInvoiceCount).toBe(0);
  });

  it('warns about a line without HSN and files it without one', () => {
    const c = setup();
    const loose = shop.run('product-create', { name: 'Loose Chana', pricePaise: 5000, stock: 10, unit: 'kg', gstRateBp: 500 }).id;
    bill({ items: [{ productId: loose, quantity: 1 }, { productId: c.atta, quantity: 1 }] });
    const r = shop.run('report-gstr1', { month: '2026-03' }, owner);
    expect(r.warnings).toEqual([expect.stringContaining('Loose Chana has no HSN code')]);
    expect(r.gstr1.hsn.data[0]).toMatchObject({ hsn_sc: '', desc: 'Loose Chana', uqc: 'KGS', txval: 50 });
  });

  it('without the shop GSTIN: an error naming the setting and how to set it', () => {
    shop = testShop();
    const r = shop.dispatcher.dispatch('report-gstr1', { month: '2026-03' }, owner);
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/GSTIN is not set \(setting "gstin"\).*Settings > GSTIN.*PUT \/api\/v1\/settings/) } });
    const wrongCheck = gstinCheckChar('27ABCDE1234F1Z') === '1' ? '2' : '1';
    shop.run('settings-update', { gstin: `27ABCDE1234F1Z${wrongCheck}` });
    expect(shop.dispatcher.dispatch('report-gstr1', {}, owner)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('is not a valid GSTIN') } });
  });

  it('is owner only, and a bad month names the field', () => {
    setup();
    expect(shop.dispatcher.dispatch('report-gstr1', {}, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(shop.dispatcher.dispatch('report-gstr1', { month: '2026-13' }, owner)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'month' } });
  });
});

describe('report-sales', () => {
  it('sales, discounts, GST, cancelled bills, payments by mode and the khata; no profit', () => {
    const c = setup();
    // Cash, with a line discount and a bill discount: gross 2 x 33.33 = 66.66, off 6.66 + 10.00.
    const a = bill({ items: [{ productId: c.soap, quantity: 2, discountPaise: 666 }], discountPaise: 1000 });
    // UPI to Delhi: IGST.
    bill({ customerId: c.delhi, paymentMode: 'upi', items: [{ productId: c.atta, quantity: 1 }] });
    // Udhaar bill, then a khata payment and udhaar by hand.
    const onKhata = shop.run('invoice-create', { customerId: c.rahul, items: [{ productId: c.atta, quantity: 2 }] }, cashier);
    shop.run('ledger-record-payment', { customerId: c.rahul, amountPaise: 1000, mode: 'card' }, cashier);
    shop.run('ledger-add-udhaar', { customerId: c.rahul, amountPaise: 500 }, cashier);
    // Cancelled cash bill: refunded, not in sales.
    const gone = bill({ items: [{ productId: c.soap, quantity: 1 }] });
    shop.run('invoice-cancel', { invoiceId: gone.id }, owner);
    // A bill before the period.
    setClock('2026-02-20T05:30:00.000Z');
    bill({ items: [{ productId: c.soap, quantity: 5 }] });
    setClock('2026-03-10T05:30:00.000Z');

    const r = shop.run('report-sales', {}, owner);
    expect(r).toMatchObject({ from: '2026-03-01', to: '2026-03-10', invoiceCount: 3, costKnown: false, note: expect.stringContaining('purchase price') });
    expect(r.grossSalesPaise).toBe(6666 + 1001 + 2002);
    expect(r.discountPaise).toBe(666 + 1000);
    expect(r.netSalesPaise).toBe(5000 + 1001 + 2002);
    expect(a.cgstPaise).toBe(450);
    expect({ cgst: r.cgstPaise, sgst: r.sgstPaise, igst: r.igstPaise }).toEqual({ cgst: 450 + 50, sgst: 450 + 50, igst: 50 });
    expect(r.billedPaise).toBe(a.totalPaise + 1051 + onKhata.totalPaise);
    expect({ n: r.cancelledCount, paise: r.cancelledPaise }).toEqual({ n: 1, paise: gone.totalPaise });
    // Cash: the first bill; the cancelled bill's payment and its refund cancel out.
    expect(r.paymentsByModePaise).toEqual({ cash: a.totalPaise, upi: 1051, card: 1000, other: 0 });
    expect(r.udhaarWrittenPaise).toBe(onKhata.totalPaise + 500);
    expect(r.udhaarCollectedPaise).toBe(1000);
    expect(Object.keys(r).some((k) => /profit/i.test(k))).toBe(false);
  });

  it('an undone udhaar and payment are taken back; dates outside give nothing; a reversed range names "to"', () => {
    const c = setup();
    shop.run('ledger-add-udhaar', { customerId: c.rahul, amountPaise: 700 }, cashier);
    shop.run('undo-last', {}, owner);
    shop.run('ledger-record-payment', { customerId: c.rahul, amountPaise: 300 }, cashier);
    shop.run('undo-last', {}, owner);
    const r = shop.run('report-sales', { from: '2026-03-10', to: '2026-03-10' }, owner);
    expect({ w: r.udhaarWrittenPaise, c: r.udhaarCollectedPaise, cash: r.paymentsByModePaise.cash }).toEqual({ w: 0, c: 0, cash: 0 });
    expect(shop.run('report-sales', { from: '2026-03-11', to: '2026-03-31' }, owner).invoiceCount).toBe(0);
    expect(shop.dispatcher.dispatch('report-sales', { from: '2026-03-10', to: '2026-03-01' }, owner)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'to' } });
    expect(shop.dispatcher.dispatch('report-sales', { from: '2026-02-30' }, owner)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'from' } });
    expect(shop.dispatcher.dispatch('report-sales', {}, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
