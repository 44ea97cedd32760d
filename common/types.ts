// Domain types: what commands return. Money is integer paise, quantities are decimals in the
// product's unit, times are ISO 8601 UTC strings. Row types stay in main/db (STYLE note 9).
import type { BillModeName, PaymentModeName } from './commands/fields';

export interface Customer {
  id: number;
  name: string;
  phone: string | null;
  nickname: string | null;
  landmark: string | null;
  notes: string | null;
  gstin: string | null;
  state: string | null;
  /** null: no limit set. */
  creditLimitPaise: number | null;
  /** > 0: the customer owes the shop. Always the sum of their ledger entries. */
  balancePaise: number;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerMatch extends Customer {
  /** 0..1; only matches of at least 0.3 are returned. */
  matchScore: number;
}

export interface CustomerDetail extends Customer {
  invoices: Invoice[];
  reminders: Reminder[];
}

export interface CustomerBalance {
  id: number;
  name: string;
  phone: string | null;
  balancePaise: number;
  creditLimitPaise: number | null;
  /** When the oldest still-unpaid debit was written (first-in-first-out against payments); null if nothing is owed. */
  oldestDueAt: string | null;
  lastPaymentAt: string | null;
}

export interface Product {
  id: number;
  name: string;
  aliases: string[];
  barcode: string | null;
  unit: string;
  pricePaise: number;
  /** Current stock in the product's unit: opening + in - out, from the movements. */
  stock: number;
  hsn: string | null;
  gstRateBp: number;
  lowStockThreshold: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProductMatch extends Product {
  matchScore: number;
}

export type StockMovementKind = 'OPENING' | 'IN' | 'SALE' | 'CANCEL' | 'ADJUST';

export interface StockMovement {
  id: number;
  productId: number;
  kind: StockMovementKind;
  /** Signed: + arrives, - leaves. */
  quantity: number;
  invoiceId: number | null;
  note: string | null;
  createdAt: string;
}

export interface InvoiceLine {
  lineNo: number;
  productId: number;
  productName: string;
  hsn: string | null;
  unit: string;
  quantity: number;
  unitPricePaise: number;
  discountPaise: number;
  taxablePaise: number;
  gstRateBp: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  totalPaise: number;
}

export interface InvoicePayment {
  mode: PaymentModeName;
  amountPaise: number;
}

export type InvoiceStatus = 'ISSUED' | 'CANCELLED';

export interface Invoice {
  id: number;
  /** Gapless within its financial-year series, at most 16 characters ("GA/2627/000123"). */
  number: string;
  customerId: number | null;
  customerName: string | null;
  status: InvoiceStatus;
  paymentMode: BillModeName;
  payments: InvoicePayment[];
  /** What this bill put on the khata: the total less the parts paid for a credit bill, 0 for a paid one (and once cancelled). */
  balanceDuePaise: number;
  /** Sum of line taxable values (after line discounts, before bill discount). */
  subtotalPaise: number;
  /** Bill-level discount, spread over lines before tax. */
  discountPaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  taxPaise: number;
  totalPaise: number;
  /** Customer's state differs from the shop's: IGST instead of CGST+SGST. */
  interState: boolean;
  gstApplied: boolean;
  creditOverride: boolean;
  notes: string | null;
  createdAt: string;
  cancelledAt: string | null;
  lines: InvoiceLine[];
}

export type LedgerEntryType = 'DEBIT' | 'CREDIT' | 'OPENING_BALANCE';

export interface LedgerEntry {
  id: number;
  customerId: number;
  type: LedgerEntryType;
  /** Magnitude for DEBIT/CREDIT; signed for OPENING_BALANCE (negative is an advance). */
  amountPaise: number;
  /** The effect on the balance: + owes more, - owes less. */
  deltaPaise: number;
  description: string;
  paymentMode: PaymentModeName | null;
  invoiceId: number | null;
  /** Balance after this entry, in entry order. */
  balanceAfterPaise: number;
  createdAt: string;
}

export type ReminderStatus = 'SCHEDULED' | 'SENT' | 'DELIVERED' | 'READ' | 'FAILED' | 'CANCELLED';

export interface Reminder {
  id: number;
  customerId: number;
  customerName: string;
  phone: string;
  amountPaise: number;
  message: string;
  sendAt: string;
  status: ReminderStatus;
  lastError: string | null;
  createdAt: string;
}

export interface DailySummary {
  /** IST midnight of the day, as UTC ISO ("2026-03-09T18:30:00.000Z"). */
  date: string;
  invoiceCount: number;
  totalSalesPaise: number;
  totalPaymentsPaise: number;
  cashPaymentsPaise: number;
  upiPaymentsPaise: number;
  cardPaymentsPaise: number;
  otherPaymentsPaise: number;
  /** totalSales - totalPayments. */
  pendingAmountPaise: number;
  /** Sales by IST hour (0..23), for the Today chart. */
  salesByHourPaise: number[];
  /** Cash that should be in the drawer from today's cash bills and cash payments. */
  cashExpectedPaise: number;
}

export interface ShopSettings {
  name: string;
  address: string;
  state: string;
  gstin: string | null;
  upiVpa: string | null;
  /** Prefix of the bill series, e.g. "GA"; the number is PREFIX/FY/NNNNNN. */
  billPrefix: string;
  /** Payments above this ask for a spoken yes (voice). */
  confirmPaymentAbovePaise: number;
  lanAccess: boolean;
  recordVoice: boolean;
  recordingRetentionDays: number;
  language: 'en' | 'hi';
}

export interface UndoResult {
  undone: string;
  description: string;
}
