// invoice-create on a file-backed shop of 100,000 customers and 20,000 products (written with plain
// SQL in one transaction, words and aliases included, so the catalog's indexes are full size):
// through the command table (dispatcher) against a baseline of the same core writes with raw
// better-sqlite3 prepared statements (one invoice, three lines, three stock updates, a ledger row;
// WAL, synchronous=FULL) on a copy of the same file; then over HTTP on loopback. Also the counter's
// keystroke search over the 20,000 products, and where the dispatcher's time goes.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Actor } from '../common/actor';
import { type CommandInput, getCommandSpec } from '../common/commands';
import { GST_RATES_BP } from '../common/commands/fields';
import { buildApi } from '../main/api/server';
import type { CommandContext } from '../main/commands/context';
import { backupDatabase } from '../main/db';
import { nameKey, wordsOf } from '../main/domains/catalog/text';
import { salesHandlers } from '../main/domains/sales/handlers';
import { createServices, type Services } from '../main/services';

const CUSTOMERS = Number(process.env.GALLA_BENCH_CUSTOMERS ?? 100_000);
const PRODUCTS = Number(process.env.GALLA_BENCH_PRODUCTS ?? 20_000);
const N = Number(process.env.GALLA_BENCH_INVOICES ?? 3000);
const N_HTTP = Number(process.env.GALLA_BENCH_HTTP ?? 1000);
const GOALS = { commandP99Ms: 1, throughputRatio: 0.5, httpP99Ms: 3, searchP99Ms: 5 };
const cashier: Actor = { role: 'cashier', source: 'keyboard', who: 'bench' };

const BRANDS = ['Tata', 'Amul', 'Patanjali', 'Aashirvaad', 'Fortune', 'Haldiram', 'Britannia', 'Parle', 'Dabur', 'Everest', 'MDH', 'Catch', 'Nestle', 'ITC', 'Godrej', 'Surf', 'Vim', 'Colgate', 'Dettol', 'Lifebuoy'];
const ITEMS = ['Salt', 'Atta', 'Milk', 'Ghee', 'Dal', 'Rice', 'Sugar', 'Tea', 'Biscuit', 'Namkeen', 'Soap', 'Shampoo', 'Oil', 'Haldi', 'Mirch', 'Jeera', 'Besan', 'Poha', 'Maggi', 'Toothpaste'];
const SIZES = ['50g', '100g', '200g', '500g', '1kg', '5kg', '100ml', '500ml', '1L'];
const ALIASES: Record<string, string> = { Milk: 'doodh', Sugar: 'cheeni', Salt: 'namak', Oil: 'tel', Rice: 'chawal', Tea: 'chai', Atta: 'gehun atta', Haldi: 'turmeric' };

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (x: number) => `${x.toFixed(3)} ms`;

function summary(label: string, times: number[], wallMs: number) {
  const sorted = [...times].sort((a, b) => a - b);
  const r = { p50: pct(sorted, 50), p99: pct(sorted, 99), perSec: (times.length / wallMs) * 1000 };
  console.log(`${label.padEnd(44)} p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  ${r.perSec.toFixed(0)}/s`);
  return r;
}

/** An HTTP client on a worker thread: POSTs each body in turn (keep-alive), returns the times after `warm`. */
const HTTP_CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const { hostname, port, bodies, warm } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const post = (body) => new Promise((ok, fail) => {
  const req = request({ agent, hostname, port, path: '/api/v1/invoices', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => (res.statusCode === 201 ? ok() : fail(new Error('HTTP ' + res.statusCode + ': ' + Buffer.concat(chunks)))));
  });
  req.on('error', fail);
  req.end(body);
});
(async () => {
  const times = [];
  for (let i = 0; i < bodies.length; i++) {
    const s = performance.now();
    await post(bodies[i]);
    if (i >= warm) times.push(performance.now() - s);
  }
  agent.destroy();
  parentPort.postMessage(times);
})().catch((e) => parentPort.postMessage({ error: String(e) }));
`;

/** Customers and products with plain SQL in one transaction (the commands would take minutes). */
function seed(s: Services) {
  const rand = rng(20260310);
  const at = '2026-03-01T00:00:00.000Z';
  const db = s.db;
  db.transaction(() => {
    const c = db.prepare('INSERT INTO customers (name, name_key, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    for (let i = 1; i <= CUSTOMERS; i++) c.run(`Customer ${i}`, `customer ${i}`, String(6_000_000_000 + i), at, at);
    const p = db.prepare(
      `INSERT INTO products (name, name_key, aliases_json, barcode, unit, price_paise, gst_rate_bp, stock_milli, created_at, updated_at) VALUES (?, ?, ?, ?, 'piece', ?, ?, ?, ?, ?)`,
    );
    const alias = db.prepare('INSERT OR IGNORE INTO product_aliases (alias_key, product_id) VALUES (?, ?)');
    const word = db.prepare('INSERT OR IGNORE INTO product_words (word, product_id) VALUES (?, ?)');
    const move = db.prepare(`INSERT INTO stock_movements (product_id, kind, qty_milli, note, created_at) VALUES (?, 'OPENING', ?, 'Opening stock', ?)`);
    for (let i = 1; i <= PRODUCTS; i++) {
      const item = ITEMS[Math.floor(rand() * ITEMS.length)]!;
      const name = `${BRANDS[Math.floor(rand() * BRANDS.length)]} ${item} ${SIZES[Math.floor(rand() * SIZES.length)]} ${i}`;
      const key = nameKey(name);
      const aliases = ALIASES[item] ? [ALIASES[item]] : [];
      const stock = 1_000_000_000;
      const id = Number(
        p.run(name, key, JSON.stringify(aliases), String(8_900_000_000_000 + i), 1000 + Math.floor(rand() * 50_000), GST_RATES_BP[Math.floor(rand() * GST_RATES_BP.length)]!, stock, at, at).lastInsertRowid,
      );
      for (const a of aliases) alias.run(a, id);
      for (const w of new Set([key, ...aliases].flatMap(wordsOf))) word.run(w, id);
      move.run(id, stock, at);
    }
  }).immediate();
  db.pragma('optimize');
}

function billInput(rand: () => number): CommandInput<'invoice-create'> {
  const pid = () => 1 + Math.floor(rand() * PRODUCTS);
  return {
    customerId: 1 + Math.floor(rand() * CUSTOMERS),
    items: [
      { productId: pid(), quantity: 1 },
      { productId: pid(), quantity: 2 },
      { productId: pid(), quantity: 0.5 },
    ],
  };
}

/** The same core writes as a credit bill, by hand: the floor the command table is compared with. */
function rawBaseline(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const series = db.prepare(`INSERT INTO invoice_series (fy, last_seq) VALUES ('RAW0', 1) ON CONFLICT(fy) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`);
  const invoice = db.prepare(
    `INSERT INTO invoices (number, fy, seq, customer_id, status, payment_mode, subtotal_paise, total_paise, created_at) VALUES (?, 'RAW0', ?, ?, 'ISSUED', 'credit', ?, ?, ?)`,
  );
  const line = db.prepare(
    `INSERT INTO invoice_lines (invoice_id, line_no, product_id, product_name, unit, qty_milli, unit_price_paise, taxable_paise, gst_rate_bp, total_paise) VALUES (?, ?, ?, ?, 'piece', ?, ?, ?, 0, ?)`,
  );
  const stock = db.prepare('UPDATE products SET stock_milli = stock_milli - ? WHERE id = ?');
  const ledger = db.prepare(`INSERT INTO ledger_entries (customer_id, type, amount_paise, reason, description, invoice_id, created_at) VALUES (?, 'DEBIT', ?, 'SALE', ?, ?, ?)`);
  const bill = db.transaction((customerId: number, items: { productId: number; qtyMilli: number }[]) => {
    const { last_seq: seq } = series.get() as { last_seq: number };
    const number = `RAW/0/${String(seq).padStart(6, '0')}`;
    const id = Number(invoice.run(number, seq, customerId, 3000, 3000, '2026-03-10T05:30:00.000Z').lastInsertRowid);
    items.forEach((it, i) => {
      line.run(id, i + 1, it.productId, 'Product', it.qtyMilli, 1000, 1000, 1000);
      stock.run(it.qtyMilli, it.productId);
    });
    ledger.run(customerId, 3000, `Bill ${number}`, id, '2026-03-10T05:30:00.000Z');
  });
  const rand = rng(7);
  return {
    bill: () => {
      const b = billInput(rand);
      bill.immediate(b.customerId as number, b.items.map((it) => ({ productId: it.productId as number, qtyMilli: Math.round(it.quantity * 1000) })));
    },
    close: () => db.close(),
  };
}

/** Where the dispatcher's time goes: the handler alone in a transaction, validation, the audit row's JSON. */
function breakdown(s: Services, n: number) {
  const rand = rng(11);
  const spec = getCommandSpec('invoice-create')!;
  const ctx = (at: string): CommandContext => ({ db: s.db, clock: s.clock, actor: cashier, at, setUndo: () => {}, auditNote: () => {}, markUndoes: () => {} });
  const handler = s.db.transaction((input: unknown) => salesHandlers['invoice-create'](ctx(new Date().toISOString()), input as never));
  const handlerTimes: number[] = [];
  const parseTimes: number[] = [];
  const jsonTimes: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const raw = billInput(rand);
    let t = performance.now();
    const parsed = spec.input.parse(raw);
    parseTimes.push(performance.now() - t);
    t = performance.now();
    JSON.stringify(parsed);
    jsonTimes.push(performance.now() - t);
    t = performance.now();
    handler.immediate(parsed);
    handlerTimes.push(performance.now() - t);
  }
  const wall = performance.now() - t0;
  summary('  handler alone, in a transaction', handlerTimes, wall);
  const p = (xs: number[]) => [...xs].sort((a, b) => a - b);
  console.log(`  zod parse of the input                       p50 ${ms(pct(p(parseTimes), 50))}  p99 ${ms(pct(p(parseTimes), 99))}`);
  console.log(`  JSON.stringify for the audit row             p50 ${ms(pct(p(jsonTimes), 50))}  p99 ${ms(pct(p(jsonTimes), 99))}`);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'galla-bench-invoice-'));
  try {
    console.log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${CUSTOMERS} customers, ${PRODUCTS} products, ${N} bills, ${N_HTTP} over HTTP`);
    const services = createServices({ dataDir: dir });
    let t = performance.now();
    seed(services);
    console.log(`seeded with plain SQL in one transaction in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const rawFile = join(dir, 'raw.db');
    backupDatabase(services.db, rawFile);

    // Keystroke search over the catalog.
    const queries = ['t', 'ta', 'tat', 'tata', 'tata s', 'doo', 'doodh', 'namak', 'atta', 'salt 1kg', 'amul milk', 'haldi', '8900000012345', 'gehun', 'zzz'];
    const searchTimes: number[] = [];
    const st0 = performance.now();
    for (let round = 0; round < 40; round++) {
      for (const q of queries) {
        const s = performance.now();
        const r = services.dispatcher.dispatch('product-search', { q, limit: 10 }, cashier);
        searchTimes.push(performance.now() - s);
        if (!r.ok) throw new Error(r.error.message);
      }
    }
    const search = summary(`product-search (keystrokes, ${PRODUCTS} products)`, searchTimes, performance.now() - st0);

    // Through the command table and the raw baseline, in alternating blocks so both see the same
    // load on a shared machine.
    const rand = rng(3);
    const viaCommands = () => {
      const r = services.dispatcher.dispatch('invoice-create', billInput(rand), cashier);
      if (!r.ok) throw new Error(r.error.message);
    };
    const raw = rawBaseline(rawFile);
    for (let i = 0; i < 200; i++) {
      viaCommands();
      raw.bill();
    }
    const cmdTimes: number[] = [];
    const rawTimes: number[] = [];
    let cmdWall = 0;
    let rawWall = 0;
    const BLOCK = 100;
    for (let done = 0; done < N; done += BLOCK) {
      for (const [fn, times, which] of [
        [viaCommands, cmdTimes, 'cmd'],
        [raw.bill, rawTimes, 'raw'],
      ] as const) {
        const w = performance.now();
        for (let i = 0; i < Math.min(BLOCK, N - done); i++) {
          const s = performance.now();
          fn();
          times.push(performance.now() - s);
        }
        if (which === 'cmd') cmdWall += performance.now() - w;
        else rawWall += performance.now() - w;
      }
    }
    raw.close();
    const cmd = summary('invoice-create via the command table', cmdTimes, cmdWall);
    const base = summary('raw better-sqlite3 baseline (same writes)', rawTimes, rawWall);
    breakdown(services, Math.min(N, 1000));


    // Over HTTP on loopback, one request at a time (keep-alive).
    const api = await buildApi({ services });
    const address = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const hrand = rng(5);
    // node:http with a keep-alive agent: a lighter client than fetch, so the figure is mostly the server's.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const { hostname, port } = new URL(address);
    const post = () =>
      new Promise<void>((ok, fail) => {
        const body = JSON.stringify(billInput(hrand));
        const req = request({ agent, hostname, port, path: '/api/v1/invoices', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => (res.statusCode === 201 ? ok() : fail(new Error(`HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString()}`))));
        });
        req.on('error', fail);
        req.end(body);
      });
    for (let i = 0; i < 100; i++) await post();
    const httpTimes: number[] = [];
    t = performance.now();
    for (let i = 0; i < N_HTTP; i++) {
      const s = performance.now();
      await post();
      httpTimes.push(performance.now() - s);
    }
    summary('POST /api/v1/invoices, client in this thread', httpTimes, performance.now() - t);
    agent.destroy();
    // The counter's screen is another process: the same requests from a client on its own thread
    // (own event loop and heap), so the figure is the server's and the wire's, not the client's GC.
    const bodies = Array.from({ length: N_HTTP + 100 }, () => JSON.stringify(billInput(hrand)));
    const viaWorker = await new Promise<number[]>((ok, fail) => {
      const w = new Worker(HTTP_CLIENT, { eval: true, workerData: { hostname, port, bodies, warm: 100 } });
      w.once('message', (m: number[] | { error: string }) => (Array.isArray(m) ? ok(m) : fail(new Error(m.error))));
      w.once('error', fail);
    });
    const http = summary('POST /api/v1/invoices over loopback', viaWorker, viaWorker.reduce((a, b) => a + b, 0));
    await api.app.close();
    services.close();
    await services.closed;

    const ratio = cmd.perSec / base.perSec;
    const verdict = (okay: boolean) => (okay ? 'met' : 'NOT met');
    console.log(`goal: command table p99 < ${GOALS.commandP99Ms} ms: ${ms(cmd.p99)} (${verdict(cmd.p99 < GOALS.commandP99Ms)})`);
    console.log(`goal: throughput >= ${GOALS.throughputRatio} x raw: ${ratio.toFixed(2)} x (${verdict(ratio >= GOALS.throughputRatio)})`);
    console.log(`goal: HTTP p99 < ${GOALS.httpP99Ms} ms: ${ms(http.p99)} (${verdict(http.p99 < GOALS.httpP99Ms)})`);
    console.log(`goal: product-search p99 < ${GOALS.searchP99Ms} ms: ${ms(search.p99)} (${verdict(search.p99 < GOALS.searchP99Ms)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
