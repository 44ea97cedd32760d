// Test support shared by the sales, ledger and catalog tests, the property tests and the crash test:
// an in-memory shop, customers written directly (their commands belong to another area), and the
// invariants every operation must keep.
import type { Actor } from '../../../common/actor';
import type { CommandInput, CommandName, CommandResult } from '../../../common/commands';
import { fixedClock } from '../../commands/context';
import type { Db } from '../../db';
import { createServices, type Services } from '../../services';

export const cashier: Actor = { role: 'cashier', source: 'keyboard', who: 'test' };
export const owner: Actor = { role: 'owner', source: 'keyboard', who: 'test' };

export interface TestShop extends Services {
  run<N extends CommandName>(name: N, input: CommandInput<N>, actor?: Actor): CommandResult<N>;
  addCustomer(name: string, opts?: { state?: string | null; creditLimitPaise?: number | null }): number;
  addProduct(name: string, pricePaise: number, stock: number, opts?: { gstRateBp?: number; aliases?: string[]; barcode?: string; unit?: string }): number;
}

/** 2026-03-10 11:00 IST, financial year 2526. */
export function testShop(): TestShop {
  const services = createServices({ dataDir: null, clock: fixedClock('2026-03-10T05:30:00.000Z') });
  const run = <N extends CommandName>(name: N, input: CommandInput<N>, actor: Actor = owner): CommandResult<N> => {
    const r = services.dispatcher.dispatch(name, input, actor);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
    return r.value as CommandResult<N>;
  };
  return {
    ...services,
    run,
    addCustomer: (name, opts = {}) => insertCustomer(services.db, name, opts),
    addProduct: (name, pricePaise, stock, opts = {}) =>
      run('product-create', { name, pricePaise, stock, gstRateBp: opts.gstRateBp ?? 0, aliases: opts.aliases ?? [], unit: opts.unit ?? 'piece', ...(opts.barcode ? { barcode: opts.barcode } : {}) }).id,
  };
}

export function insertCustomer(db: Db, name: string, opts: { state?: string | null; creditLimitPaise?: number | null } = {}): number {
  const at = '2026-03-01T00:00:00.000Z';
  return Number(
    db
      .prepare('INSERT INTO customers (name, name_key, state, credit_limit_paise, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(name, name.toLowerCase(), opts.state ?? null, opts.creditLimitPaise ?? null, at, at).lastInsertRowid,
  );
}

/** Counts of every table a command may write: a refused command must leave them all as they were. */
export function tableCounts(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['invoices', 'invoice_lines', 'payments', 'ledger_entries', 'stock_movements', 'audit_log', 'invoice_series', 'products', 'product_aliases']) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  out.balanceSum = (db.prepare('SELECT coalesce(sum(balance_paise), 0) AS s FROM customers').get() as { s: number }).s;
  out.stockSum = (db.prepare('SELECT coalesce(sum(stock_milli), 0) AS s FROM products').get() as { s: number }).s;
  out.seqSum = (db.prepare('SELECT coalesce(sum(last_seq), 0) AS s FROM invoice_series').get() as { s: number }).s;
  return out;
}

/** Every invariant of the books; returns what is broken (empty when all hold). */
export function brokenInvariants(db: Db): string[] {
  const broken: string[] = [];
  const q = <T>(sql: string) => db.prepare(sql).all() as T[];
  for (const r of q<{ id: number; balance_paise: number; s: number }>(
    `SELECT c.id, c.balance_paise, coalesce(e.s, 0) AS s FROM customers c LEFT JOIN (SELECT customer_id, sum(delta_paise) AS s FROM ledger_entries GROUP BY customer_id) e ON e.customer_id = c.id`,
  )) {
    if (r.balance_paise !== r.s) broken.push(`customer ${r.id}: balance ${r.balance_paise} but entries sum to ${r.s}`);
  }
  for (const r of q<{ id: number; stock_milli: number; s: number }>(
    `SELECT p.id, p.stock_milli, coalesce(m.s, 0) AS s FROM products p LEFT JOIN (SELECT product_id, sum(qty_milli) AS s FROM stock_movements GROUP BY product_id) m ON m.product_id = p.id`,
  )) {
    if (r.stock_milli !== r.s) broken.push(`product ${r.id}: stock ${r.stock_milli} but movements sum to ${r.s}`);
    if (r.stock_milli < 0) broken.push(`product ${r.id}: negative stock ${r.stock_milli}`);
  }
  for (const r of q<{ id: number; total_paise: number; subtotal_paise: number; discount_paise: number; tax: number; lt: number; ltax: number; ltotal: number; n: number }>(
    `SELECT i.id, i.total_paise, i.subtotal_paise, i.discount_paise, i.cgst_paise + i.sgst_paise + i.igst_paise AS tax,
       coalesce(sum(l.taxable_paise), 0) AS lt, coalesce(sum(l.cgst_paise + l.sgst_paise + l.igst_paise), 0) AS ltax, coalesce(sum(l.total_paise), 0) AS ltotal, count(l.id) AS n
     FROM invoices i LEFT JOIN invoice_lines l ON l.invoice_id = i.id GROUP BY i.id`,
  )) {
    if (r.n === 0) broken.push(`invoice ${r.id} has no lines`);
    if (r.total_paise !== r.lt + r.ltax || r.total_paise !== r.ltotal || r.tax !== r.ltax || r.lt !== r.subtotal_paise - r.discount_paise) {
      broken.push(`invoice ${r.id}: total ${r.total_paise} is not lines taxable ${r.lt} + tax ${r.ltax}`);
    }
  }
  // Each bill's effects: stock out per line, and khata or payments; a cancelled one reversed in full.
  for (const r of q<{ id: number; status: string; payment_mode: string; total_paise: number; sold: number; lines: number; back: number; debit: number; credit: number; paid: number; refunded: number }>(
    `SELECT i.id, i.status, i.payment_mode, i.total_paise, coalesce(m.sold, 0) AS sold, coalesce(l.lines, 0) AS lines, coalesce(m.back, 0) AS back,
       coalesce(e.debit, 0) AS debit, coalesce(e.credit, 0) AS credit, coalesce(p.paid, 0) AS paid, coalesce(p.refunded, 0) AS refunded
     FROM invoices i
     LEFT JOIN (SELECT invoice_id, -sum(CASE kind WHEN 'SALE' THEN qty_milli ELSE 0 END) AS sold, sum(CASE kind WHEN 'CANCEL' THEN qty_milli ELSE 0 END) AS back
                FROM stock_movements WHERE invoice_id IS NOT NULL GROUP BY invoice_id) m ON m.invoice_id = i.id
     LEFT JOIN (SELECT invoice_id, sum(qty_milli) AS lines FROM invoice_lines GROUP BY invoice_id) l ON l.invoice_id = i.id
     LEFT JOIN (SELECT invoice_id, sum(CASE type WHEN 'DEBIT' THEN amount_paise ELSE 0 END) AS debit, sum(CASE type WHEN 'CREDIT' THEN amount_paise ELSE 0 END) AS credit
                FROM ledger_entries WHERE invoice_id IS NOT NULL GROUP BY invoice_id) e ON e.invoice_id = i.id
     LEFT JOIN (SELECT invoice_id, sum(CASE WHEN amount_paise > 0 THEN amount_paise ELSE 0 END) AS paid, -sum(CASE WHEN amount_paise < 0 THEN amount_paise ELSE 0 END) AS refunded
                FROM payments WHERE invoice_id IS NOT NULL GROUP BY invoice_id) p ON p.invoice_id = i.id`,
  )) {
    const cancelled = r.status === 'CANCELLED';
    if (r.sold !== r.lines) broken.push(`invoice ${r.id}: lines ${r.lines} but stock out ${r.sold}`);
    if (r.back !== (cancelled ? r.lines : 0)) broken.push(`invoice ${r.id} (${r.status}): stock back ${r.back}`);
    if (r.payment_mode === 'credit') {
      // A khata bill may be paid in part (paid < total): a CREDIT per part; a cancel reverses both sides and refunds the parts.
      if (r.debit !== r.total_paise + (cancelled ? r.paid : 0) || (r.paid > 0 && r.paid >= r.total_paise)) {
        broken.push(`invoice ${r.id} (${r.status}): credit bill of ${r.total_paise} with debit ${r.debit}, paid ${r.paid}`);
      }
      if (r.credit !== r.paid + (cancelled ? r.total_paise : 0)) broken.push(`invoice ${r.id} (${r.status}): credit ${r.credit}, paid ${r.paid}`);
      if (r.refunded !== (cancelled ? r.paid : 0)) broken.push(`invoice ${r.id} (${r.status}): refunded ${r.refunded}`);
    } else {
      if (r.paid !== r.total_paise || r.debit !== 0) broken.push(`invoice ${r.id}: paid bill of ${r.total_paise} with payments ${r.paid}, debit ${r.debit}`);
      if (r.refunded !== (cancelled ? r.paid : 0)) broken.push(`invoice ${r.id} (${r.status}): refunded ${r.refunded}`);
    }
  }
  for (const r of q<{ fy: string; last_seq: number; n: number; lo: number | null; hi: number | null }>(
    `SELECT s.fy, s.last_seq, count(i.id) AS n, min(i.seq) AS lo, max(i.seq) AS hi FROM invoice_series s LEFT JOIN invoices i ON i.fy = s.fy GROUP BY s.fy`,
  )) {
    if (r.n !== r.last_seq || (r.n > 0 && (r.lo !== 1 || r.hi !== r.last_seq))) broken.push(`series ${r.fy}: ${r.n} bills, numbers ${r.lo}..${r.hi}, last ${r.last_seq}`);
  }
  return broken;
}
