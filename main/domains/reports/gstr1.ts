// GSTR-1 for a month from the ISSUED bills made in its IST days. Every sum is taken in integer
// paise and turned into rupees once, at the end (paise / 100 is the nearest double to the 2-decimal
// amount, so JSON prints it exactly), the way the GST offline tool's JSON wants them.
import { AppError } from '../../../common/errors';
import { gstinStateCode, isValidGstin } from '../../../common/gstin';
import { paiseToRupees } from '../../../common/money';
import type { Gstr1B2bInvoice, Gstr1B2cs, Gstr1Hsn, Gstr1Json, Gstr1Report } from '../../../common/reports';
import { stateCodeOf } from '../../../common/states';
import type { Db } from '../../db';
import { readSettings } from '../system/settings';
import { istDayMonthYear, istMonthRange } from './period';

interface LineRow {
  invoice_id: number;
  number: string;
  created_at: string;
  invoice_total_paise: number;
  inter_state: number;
  customer_gstin: string | null;
  customer_state: string | null;
  customer_name: string | null;
  hsn: string | null;
  product_name: string;
  unit: string;
  qty_milli: number;
  taxable_paise: number;
  gst_rate_bp: number;
  cgst_paise: number;
  sgst_paise: number;
  igst_paise: number;
  total_paise: number;
}

interface Tax {
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
}

const zero = (): Tax => ({ taxable: 0, cgst: 0, sgst: 0, igst: 0 });
const addTo = (t: Tax, l: LineRow) => {
  t.taxable += l.taxable_paise;
  t.cgst += l.cgst_paise;
  t.sgst += l.sgst_paise;
  t.igst += l.igst_paise;
};
const rupees = paiseToRupees;
/** 500 basis points -> 5 (%), 25 -> 0.25. */
const ratePercent = (bp: number) => bp / 100;

/** Inter-state bills to consumers above this value belong in B2CL (since 1 Aug 2024: ₹1 lakh). */
const B2CL_ABOVE_PAISE = 100_000_00;

/** The GST portal's unit quantity codes for the units a kirana uses; anything else is OTH. */
const UQC: Readonly<Record<string, string>> = {
  kg: 'KGS', kgs: 'KGS', kilo: 'KGS', g: 'GMS', gm: 'GMS', gram: 'GMS', grams: 'GMS', quintal: 'QTL',
  l: 'LTR', litre: 'LTR', liter: 'LTR', ltr: 'LTR', ml: 'MLT',
  piece: 'PCS', pieces: 'PCS', pc: 'PCS', pcs: 'PCS', nos: 'NOS', unit: 'UNT',
  packet: 'PAC', pkt: 'PAC', pack: 'PAC', dozen: 'DOZ', box: 'BOX', bottle: 'BTL', bag: 'BAG', can: 'CAN',
  carton: 'CTN', roll: 'ROL', set: 'SET', tube: 'TUB', bundle: 'BDL', metre: 'MTR', meter: 'MTR', pair: 'PRS',
};
export const uqcOf = (unit: string): string => UQC[unit.trim().toLowerCase()] ?? 'OTH';

/** The shop's GSTIN, or an error that says where to set it. */
function shopGstin(db: Db): string {
  const { gstin } = readSettings(db);
  const how = 'Settings > GSTIN on the counter screen, or PUT /api/v1/settings with {"gstin": "<15 characters>"} as the owner';
  if (!gstin) throw new AppError('CONFLICT', `The shop's GSTIN is not set (setting "gstin"): set it in ${how}, then make GSTR-1 again`);
  if (!isValidGstin(gstin)) throw new AppError('CONFLICT', `The shop's GSTIN ${gstin} (setting "gstin") is not a valid GSTIN: correct it in ${how}`);
  return gstin.trim().toUpperCase();
}

export function gstr1Report(db: Db, month: string): Gstr1Report {
  const gstin = shopGstin(db);
  const shopCode = gstinStateCode(gstin);
  const warnings = new Set<string>();
  const shopState = readSettings(db).state;
  const namedCode = stateCodeOf(shopState);
  if (shopState && namedCode && namedCode !== shopCode) {
    warnings.add(`The shop's state "${shopState}" (code ${namedCode}) is not the state of its GSTIN (${shopCode}): bills were taxed by the state name; correct one of them in Settings`);
  }

  const { fromIso, toIso } = istMonthRange(month);
  const lines = db
    .prepare(
      `SELECT i.id AS invoice_id, i.number, i.created_at, i.total_paise AS invoice_total_paise, i.inter_state,
         c.gstin AS customer_gstin, c.state AS customer_state, c.name AS customer_name,
         l.hsn, l.product_name, l.unit, l.qty_milli, l.taxable_paise, l.gst_rate_bp, l.cgst_paise, l.sgst_paise, l.igst_paise, l.total_paise
       FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id LEFT JOIN customers c ON c.id = i.customer_id
       WHERE i.status = 'ISSUED' AND i.created_at >= ? AND i.created_at < ?
       ORDER BY i.id, l.line_no`,
    )
    .all(fromIso, toIso) as LineRow[];

  // Place of supply: where the bill was taxed. Within the state it is the shop's; across states the
  // customer's state (by name, else from their GSTIN).
  const posOf = (l: LineRow): string => {
    if (!l.inter_state) return shopCode;
    const code = stateCodeOf(l.customer_state) ?? (l.customer_gstin && isValidGstin(l.customer_gstin) ? gstinStateCode(l.customer_gstin) : null);
    if (code) return code;
    warnings.add(`${l.customer_name ?? 'A customer'}'s state "${l.customer_state ?? ''}" is not an Indian state Galla knows: bill ${l.number} is filed with place of supply 97 (other territory); correct the customer's state`);
    return '97';
  };

  const b2b = new Map<string, Map<number, { inv: Omit<Gstr1B2bInvoice, 'itms'>; rates: Map<number, Tax> }>>();
  const b2cs = new Map<string, { sply: 'INTRA' | 'INTER'; pos: string; rateBp: number; tax: Tax }>();
  const hsn = new Map<string, { hsn: string; desc: string; uqc: string; qtyMilli: number; valuePaise: number; tax: Tax }>();
  const b2cInvoices = new Set<number>();
  const totals = zero();

  for (const l of lines) {
    addTo(totals, l);
    const pos = posOf(l);
    const ctin = l.customer_gstin && isValidGstin(l.customer_gstin) ? l.customer_gstin.trim().toUpperCase() : null;
    if (l.customer_gstin && !ctin) warnings.add(`${l.customer_name}'s GSTIN ${l.customer_gstin} is not valid: their bills are filed as B2C; correct it on the customer`);
    if (ctin) {
      const byInvoice = b2b.get(ctin) ?? new Map();
      b2b.set(ctin, byInvoice);
      let entry = byInvoice.get(l.invoice_id);
      if (!entry) {
        entry = { inv: { inum: l.number, idt: istDayMonthYear(l.created_at), val: rupees(l.invoice_total_paise), pos, rchrg: 'N', inv_typ: 'R' }, rates: new Map() };
        byInvoice.set(l.invoice_id, entry);
      }
      const t = entry.rates.get(l.gst_rate_bp) ?? zero();
      entry.rates.set(l.gst_rate_bp, t);
      addTo(t, l);
    } else {
      b2cInvoices.add(l.invoice_id);
      if (l.inter_state && l.invoice_total_paise > B2CL_ABOVE_PAISE) {
        warnings.add(`Bill ${l.number} is inter-state to a consumer above ₹1,00,000: it belongs in B2CL, which Galla does not make yet; it is in B2CS here`);
      }
      const sply = l.inter_state ? 'INTER' : 'INTRA';
      const key = `${sply}|${pos}|${l.gst_rate_bp}`;
      const g = b2cs.get(key) ?? { sply, pos, rateBp: l.gst_rate_bp, tax: zero() };
      b2cs.set(key, g);
      addTo(g.tax, l);
    }
    const code = (l.hsn ?? '').trim();
    if (!code) warnings.add(`${l.product_name} has no HSN code: its sales are in the HSN summary without one; add the HSN to the product`);
    const uqc = uqcOf(l.unit);
    const hKey = `${code}|${uqc}`;
    const h = hsn.get(hKey) ?? { hsn: code, desc: l.product_name.slice(0, 30), uqc, qtyMilli: 0, valuePaise: 0, tax: zero() };
    hsn.set(hKey, h);
    h.qtyMilli += l.qty_milli;
    h.valuePaise += l.total_paise;
    addTo(h.tax, l);
  }

  const detail = (rateBp: number, t: Tax) => ({ txval: rupees(t.taxable), rt: ratePercent(rateBp), iamt: rupees(t.igst), camt: rupees(t.cgst), samt: rupees(t.sgst), csamt: 0 });
  const gstr1: Gstr1Json = {
    gstin,
    fp: `${month.slice(5, 7)}${month.slice(0, 4)}`,
    b2b: [...b2b.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ctin, invoices]) => ({
        ctin,
        inv: [...invoices.values()].map(({ inv, rates }) => ({
          ...inv,
          itms: [...rates.entries()].sort(([a], [b]) => a - b).map(([rateBp, t], i) => ({ num: i + 1, itm_det: detail(rateBp, t) })),
        })),
      })),
    b2cs: [...b2cs.values()]
      .sort((a, b) => a.sply.localeCompare(b.sply) || a.pos.localeCompare(b.pos) || a.rateBp - b.rateBp)
      .map((g): Gstr1B2cs => {
        const d = detail(g.rateBp, g.tax);
        return { sply_ty: g.sply, pos: g.pos, typ: 'OE', rt: d.rt, txval: d.txval, iamt: d.iamt, camt: d.camt, samt: d.samt, csamt: 0 };
      }),
    hsn: {
      data: [...hsn.values()]
        .sort((a, b) => a.hsn.localeCompare(b.hsn) || a.uqc.localeCompare(b.uqc))
        .map((h, i): Gstr1Hsn => ({
          num: i + 1,
          hsn_sc: h.hsn,
          desc: h.desc,
          uqc: h.uqc,
          qty: h.qtyMilli / 1000,
          val: rupees(h.valuePaise),
          txval: rupees(h.tax.taxable),
          iamt: rupees(h.tax.igst),
          camt: rupees(h.tax.cgst),
          samt: rupees(h.tax.sgst),
          csamt: 0,
        })),
    },
  };
  return {
    gstr1,
    month,
    fileName: `GSTR1-${gstin}-${gstr1.fp}.json`,
    b2bInvoiceCount: [...b2b.values()].reduce((n, m) => n + m.size, 0),
    b2cInvoiceCount: b2cInvoices.size,
    taxablePaise: totals.taxable,
    cgstPaise: totals.cgst,
    sgstPaise: totals.sgst,
    igstPaise: totals.igst,
    warnings: [...warnings],
  };
}
