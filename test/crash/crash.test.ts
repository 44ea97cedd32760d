// The server killed with SIGKILL at random moments while bills are being created, 200 times: after
// every kill the shop's file must hold no half-written bill (each has its lines, its khata entry or
// payments, and its stock movements), every bill acknowledged with a 201 must be there under the
// number it was given, the numbers stay gapless, and SQLite's integrity check passes.
//
// Each child is the bundled services as plain node (test/support/serve-bundle.ts). Two shops are
// crashed side by side (2 cores), and each one's next server boots while the last one's file is checked.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrityCheck, openDatabase } from '../../main/db';
import { brokenInvariants, insertCustomer, owner } from '../../main/domains/sales/testing';
import { createServices } from '../../main/services';
import { bundleServe, exited, startServeChild } from '../support/serve-bundle';

const ROUNDS = Number(process.env.GALLA_CRASH_ROUNDS ?? 200);
const SEED = Number(process.env.GALLA_CRASH_SEED ?? Date.now() % 1_000_000);

let work: string;
let bundle: string;
const children = new Set<ChildProcess>();

/** mulberry32: the kill moments are random but replayable with GALLA_CRASH_SEED. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'galla-crash-'));
  bundle = await bundleServe(join(work, 'bin'));
});

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A shop with stock for thousands of bills, written in-process before the first child starts. */
function seedShop(dataDir: string) {
  const s = createServices({ dataDir });
  try {
    const run = (name: 'product-create', input: object) => {
      const r = s.dispatcher.dispatch(name, input, owner);
      if (!r.ok) throw new Error(r.error.message);
    };
    run('product-create', { name: 'Milk', pricePaise: 3000, stock: 1_000_000, aliases: ['doodh'] });
    run('product-create', { name: 'Lux Soap', pricePaise: 4050, stock: 1_000_000, gstRateBp: 1800 });
    run('product-create', { name: 'Basmati Rice', pricePaise: 11_999, stock: 1_000_000, gstRateBp: 500, unit: 'kg' });
    run('product-create', { name: 'Match Box', pricePaise: 1000, stock: 1_000_000 });
    insertCustomer(s.db, 'Rahul Gupta');
    insertCustomer(s.db, 'Pinky');
  } finally {
    s.close();
  }
}

const BILLS = [
  { customerId: 1, items: [{ productName: 'milk', quantity: 2 }, { productName: 'Lux Soap', quantity: 1 }, { productName: 'basmati', quantity: 0.75 }] },
  { items: [{ productName: 'doodh', quantity: 1 }, { productName: 'Lux Soap', quantity: 3, discount: 5 }], paymentMode: 'cash' },
  { customerId: 2, items: [{ productName: 'Basmati Rice', quantity: 1.5 }], paymentMode: 'upi', discount: 10 },
  { items: [{ productName: 'Match Box', quantity: 2 }], paymentMode: 'split', payments: [{ mode: 'cash', amount: 12 }, { mode: 'upi', amount: 8 }] },
];

async function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const started = await startServeChild(bundle, dataDir);
  children.add(started.child);
  started.child.on('exit', () => children.delete(started.child));
  return started;
}

interface Acked {
  id: number;
  number: string;
}

interface Lane {
  acked: Acked[];
  written: number;
  cutOff: number;
}

/** Crashes one shop `rounds` times, checking its file after every kill. */
async function crashLane(name: string, rounds: number, random: () => number): Promise<Lane> {
  const dataDir = join(work, name);
  seedShop(dataDir);
  const lane: Lane = { acked: [], written: 0, cutOff: 0 };
  let next = startChild(dataDir);
  for (let round = 0; round < rounds; round++) {
    const { child, url } = await next;
    if (process.env.GALLA_CRASH_TRACE) console.log(`${name} round ${round}: listening at ${url}`);
    // Kill after a random number of acknowledged bills (sometimes none), or after a random wait.
    const killAfterAcks = Math.floor(random() * 12);
    const killAfterMs = random() < 0.3 ? random() * 25 : Infinity;
    let roundAcks = 0;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    if (killAfterAcks === 0 && killAfterMs === Infinity) setImmediate(kill);
    if (killAfterMs !== Infinity) setTimeout(kill, killAfterMs);
    const client = async (k: number) => {
      let i = k;
      while (!killed) {
        const bill = BILLS[i++ % BILLS.length];
        try {
          const res = await fetch(`${url}/api/v1/invoices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bill), signal: AbortSignal.timeout(20_000) });
          const body = (await res.json()) as { invoice?: { id: string; invoiceNumber: string }; error?: string };
          if (res.status !== 201) throw new Error(`bill refused: ${res.status} ${body.error}`);
          lane.acked.push({ id: Number(body.invoice!.id), number: body.invoice!.invoiceNumber });
          if (++roundAcks >= killAfterAcks) kill();
        } catch (e) {
          if (!killed) throw e;
          lane.cutOff++;
          return;
        }
      }
    };
    try {
      await Promise.all([client(0), client(1), client(2)]);
    } finally {
      kill();
    }
    await exited(child);
    if (round + 1 < rounds) next = startChild(dataDir);

    const { db } = openDatabase(join(dataDir, 'galla.db'));
    try {
      const where = `${name}, round ${round}`;
      expect(integrityCheck(db), where).toBe('ok');
      expect(brokenInvariants(db), where).toEqual([]);
      const numberOf = db.prepare('SELECT number FROM invoices WHERE id = ?');
      for (const a of lane.acked) expect((numberOf.get(a.id) as { number: string } | undefined)?.number, `acknowledged bill ${a.number} (${where})`).toBe(a.number);
      lane.written = (db.prepare('SELECT count(*) AS n FROM invoices').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  return lane;
}

describe('crash safety of invoice-create', () => {
  it(`SIGKILL at random moments (${ROUNDS} times) leaves whole bills, every acknowledged one, gapless numbers`, { timeout: 600_000 }, async () => {
    console.log(`crash test: ${ROUNDS} kills, seed ${SEED} (GALLA_CRASH_SEED to replay)`);
    const random = rng(SEED);
    const half = Math.ceil(ROUNDS / 2);
    const lanes = await Promise.all([crashLane('shop-a', half, random), crashLane('shop-b', ROUNDS - half, random)]);
    const acked = lanes.reduce((s, l) => s + l.acked.length, 0);
    const written = lanes.reduce((s, l) => s + l.written, 0);
    const cutOff = lanes.reduce((s, l) => s + l.cutOff, 0);
    console.log(`crash test: ${ROUNDS} kills, ${acked} bills acknowledged, ${written} written, ${cutOff} requests cut off by a kill`);
    expect(written).toBeGreaterThanOrEqual(acked);
  });
});
