// What the owner's reports return. GSTR-1 follows the GST portal's offline-tool JSON (rupees as
// numbers with 2 decimals, dates DD-MM-YYYY, place of supply as the 2-digit state code); the
// sales report stays in paise like every other result and becomes rupees only at the edges.

export interface Gstr1ItemDetail {
  txval: number;
  rt: number;
  iamt: number;
  camt: number;
  samt: number;
  csamt: number;
}

export interface Gstr1B2bInvoice {
  inum: string;
  /** DD-MM-YYYY, the IST day of the bill. */
  idt: string;
  val: number;
  pos: string;
  rchrg: 'N';
  inv_typ: 'R';
  itms: { num: number; itm_det: Gstr1ItemDetail }[];
}

export interface Gstr1B2cs {
  sply_ty: 'INTRA' | 'INTER';
  pos: string;
  typ: 'OE';
  rt: number;
  txval: number;
  iamt: number;
  camt: number;
  samt: number;
  csamt: number;
}

export interface Gstr1Hsn {
  num: number;
  hsn_sc: string;
  desc: string;
  uqc: string;
  qty: number;
  val: number;
  txval: number;
  iamt: number;
  camt: number;
  samt: number;
  csamt: number;
}

export interface Gstr1Json {
  gstin: string;
  /** MMYYYY */
  fp: string;
  b2b: { ctin: string; inv: Gstr1B2bInvoice[] }[];
  b2cs: Gstr1B2cs[];
  hsn: { data: Gstr1Hsn[] };
}

export interface Gstr1Report {
  /** The file to upload to the GST offline tool, as it is. */
  gstr1: Gstr1Json;
  /** YYYY-MM */
  month: string;
  /** `GSTR1-<gstin>-<MMYYYY>.json` */
  fileName: string;
  b2bInvoiceCount: number;
  b2cInvoiceCount: number;
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  /** Things the owner should fix before filing (a line without HSN, a customer's state not known). */
  warnings: string[];
}

export interface SalesReport {
  /** IST dates, both days included. */
  from: string;
  to: string;
  /** ISSUED bills made in the period. */
  invoiceCount: number;
  /** Before any discount: quantity x price of every line. */
  grossSalesPaise: number;
  /** Line and bill discounts. */
  discountPaise: number;
  /** Taxable value: gross less discounts. */
  netSalesPaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  /** Net sales plus GST: what the bills came to. */
  billedPaise: number;
  /** Bills made in the period and cancelled since; not in any figure above. */
  cancelledCount: number;
  cancelledPaise: number;
  /** Money received in the period by mode, refunds taken off. */
  paymentsByModePaise: { cash: number; upi: number; card: number; other: number };
  /** Khata: bills on udhaar and udhaar written by hand, less what was cancelled or undone. */
  udhaarWrittenPaise: number;
  /** Khata payments received, less undone ones. */
  udhaarCollectedPaise: number;
  /** Galla records no purchase price, so no profit can be worked out. */
  costKnown: false;
  note: string;
}
