import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Services } from '../../services';
import type { FallbackParser, Frame } from '../types';
import { CASES, PAPPU_CASES, type Case } from './engine.cases';
import { CONFIDENCE_THRESHOLD, IntentEngine } from './engine';
import type { ShopView } from './shop';
import { PAPPU_SHOP, TEST_NOW, testShop, VOICE_ACTOR } from './test-shop';

let services: Services;
let shop: ShopView & { dispose(): void };
let engine: IntentEngine;

beforeAll(() => {
  ({ services, shop } = testShop());
  engine = new IntentEngine(shop);
});
afterAll(() => {
  shop.dispose();
  services.close();
});

const norm = (s: unknown) => String(s).toLowerCase().replace(/\./g, ' ').split(/\s+/).filter(Boolean).join(' ');

/** The eval's rule: the intent, and every labelled entity. */
function expectFrame(frame: Frame, c: Case) {
  expect(frame.intent).toBe(c.intent);
  for (const [key, want] of Object.entries(c.entities)) {
    const got = frame.entities[key];
    if (key === 'customer' && want && typeof want === 'object') {
      expect(frame.entities.customer ?? null).toBeNull();
      expect(new Set(frame.entities.candidates)).toEqual(new Set((want as { ambiguous: string[] }).ambiguous));
    } else if (key === 'items') {
      const sort = (l: { product: string; quantity: number }[]) => [...l].map((i) => [norm(i.product), i.quantity]).sort();
      expect(sort(got as { product: string; quantity: number }[])).toEqual(sort(want as { product: string; quantity: number }[]));
    } else if (key === 'datetime') {
      expect(new Date(String(got)).getTime()).toBe(new Date(String(want)).getTime());
    } else if (typeof want === 'number') {
      expect(got).toBeCloseTo(want, 6);
    } else if (want === null) {
      expect(got ?? null).toBeNull();
    } else {
      expect(norm(got)).toBe(norm(want));
    }
  }
}

describe('IntentEngine on a shop of its own', () => {
  it.each(CASES.map((c) => [c.text, c] as const))('%s', (_text, c) => {
    const frames = engine.parse(c.text, TEST_NOW);
    expectFrame(frames[0]!, c);
  });
});

describe('IntentEngine on a third shop', () => {
  let other: ReturnType<typeof testShop>;
  let otherEngine: IntentEngine;
  beforeAll(() => {
    other = testShop(PAPPU_SHOP);
    otherEngine = new IntentEngine(other.shop);
  });
  afterAll(() => {
    other.shop.dispose();
    other.services.close();
  });
  it.each(PAPPU_CASES.map((c) => [c.text, c] as const))('%s', (_text, c) => {
    expectFrame(otherEngine.parse(c.text, TEST_NOW)[0]!, c);
  });
});

describe('IntentEngine', () => {
  it('gives one frame per command said', () => {
    const frames = engine.parse('Meena aunty ka balance batao aur Farooq bhai ko kal reminder bhejo', TEST_NOW);
    expect(frames.map((f) => [f.intent, f.entities.customer])).toEqual([
      ['CHECK_BALANCE', 'Meena Kumari'],
      ['CREATE_REMINDER', 'Farooq Sheikh'],
    ]);
  });

  it('splits two commands said without "aur", after the first one\'s verb', () => {
    const frames = engine.parse('Salim chacha ka hisaab dikhao Bablu ke 200 udhaar likh do', TEST_NOW);
    expect(frames.map((f) => [f.intent, f.entities.customer])).toEqual([
      ['CHECK_BALANCE', 'Salim Khan'],
      ['ADD_CREDIT', 'Bablu'],
    ]);
    expect(engine.parse('Jyoti ko do kilo cheeni de do', TEST_NOW)).toHaveLength(1);
    expect(engine.parse('do rajma do Jyoti ka balance batao', TEST_NOW).map((f) => f.intent)).toEqual(['CREATE_INVOICE', 'CHECK_BALANCE']);
    // A payment by two modes is one command, whatever follows it.
    const paid = engine.parse('Bablu se 200 cash aur 100 gpay se mile, uska balance batao', TEST_NOW);
    expect(paid.map((f) => [f.intent, f.entities.amount ?? null])).toEqual([
      ['RECORD_PAYMENT', 300],
      ['CHECK_BALANCE', null],
    ]);
  });

  it('lends the customer to "uska" in the second command', () => {
    const frames = engine.parse('Salim chacha se 500 mile aur uska balance batao', TEST_NOW);
    expect(frames.map((f) => [f.intent, f.entities.customer])).toEqual([
      ['RECORD_PAYMENT', 'Salim Khan'],
      ['CHECK_BALANCE', 'Salim Khan'],
    ]);
  });

  it('splits a sale from a command after it', () => {
    const frames = engine.parse('Bablu ko ek jam de do aur uska balance bhi batao', TEST_NOW);
    expect(frames.map((f) => [f.intent, f.entities.customer])).toEqual([
      ['CREATE_INVOICE', 'Bablu'],
      ['CHECK_BALANCE', 'Bablu'],
    ]);
  });

  it('does not split a list of items or a correction', () => {
    expect(engine.parse('do kilo poha aur ek jam, aur teen ande', TEST_NOW)).toHaveLength(1);
    const stock = engine.parse('stock aaya: 5 peti pepsi... nahi, 24 bottle pepsi', TEST_NOW);
    expect(stock).toHaveLength(1);
    expect(stock[0]!.entities).toMatchObject({ product: 'Pepsi 2L', quantity: 24 });
  });

  it('answers anything at all with at least one frame, never a throw', () => {
    const words = ['do', 'doodh', 'ko', 'ka', 'Ankit', 'aur', 'kal', '7', 'baje', 'sau', 'hazaar', 'paav', 'kilo', 'nahi', 'bill', 'हाँ', 'दो', '₹', ',', '?', 'saath', 'ek ek', 'sawa', 'paune'];
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.constantFrom(...words), { maxLength: 14 }).map((w) => w.join(' '))), (text) => {
        const frames = engine.parse(text, TEST_NOW);
        expect(frames.length).toBeGreaterThan(0);
        for (const f of frames) expect(f.confidence).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    expect(engine.parse('', TEST_NOW)[0]!.intent).toBe('UNKNOWN');
    expect(engine.parse('!!! ...', TEST_NOW)[0]!.intent).toBe('UNKNOWN');
  });

  it('reads a pack size said after a name as part of the name', () => {
    expect(engine.parse('Pepsi 2L kitni bachi hai', TEST_NOW)[0]).toMatchObject({ intent: 'CHECK_STOCK', entities: { product: 'Pepsi 2L' } });
    expect(engine.parse('do Red Label Tea 500g', TEST_NOW)[0]!.entities.items).toEqual([{ product: 'Red Label Tea 500g', quantity: 2 }]);
  });

  it('reads rupees\' worth of goods as the quantity that buys', () => {
    // Onion 35/kg, eggs 6 each.
    expect(engine.parse('70 rupaye ka pyaaz', TEST_NOW)[0]!.entities.items).toEqual([{ product: 'Onion', quantity: 2 }]);
    expect(engine.parse('do sau ke ande', TEST_NOW)[0]!.entities.items).toEqual([{ product: 'Eggs', quantity: 33 }]);
  });

  it('carries the ids behind the names for the agent', () => {
    const [frame] = engine.parse('Ankit ko do pepsi', TEST_NOW);
    expect(frame!.refs?.candidateIds).toHaveLength(2);
    expect(frame!.refs?.productIds).toHaveLength(1);
  });

  it('sees a product added since the last utterance', () => {
    expect(engine.parse('do kilo bhindi', TEST_NOW)[0]!.intent).toBe('UNKNOWN');
    const r = services.dispatcher.dispatch('product-create', { name: 'Bhindi', unit: 'kg', pricePaise: 6000 }, { ...VOICE_ACTOR, role: 'owner' });
    expect(r.ok).toBe(true);
    expect(engine.parse('do kilo bhindi', TEST_NOW)[0]!.entities.items).toEqual([{ product: 'Bhindi', quantity: 2 }]);
  });

  it('asks the fallback only when the rules are unsure, and keeps the rules without one', async () => {
    const asked: string[] = [];
    const fallback: FallbackParser = {
      name: 'fake',
      available: async () => ({ ok: true }),
      parse: async (text) => {
        asked.push(text);
        return { intent: 'CHECK_BALANCE', entities: { customer: 'Bablu' }, confidence: 0.5, path: 'llm' };
      },
    };
    const withFallback = new IntentEngine(shop, { fallback });
    const sure = await withFallback.understand('Bablu ka balance batao', TEST_NOW);
    expect(sure[0]!.path).toBe('rules');
    expect(asked).toEqual([]);
    const unsure = await withFallback.understand('chai pilao', TEST_NOW);
    expect(asked).toEqual(['chai pilao']);
    expect(unsure[0]).toMatchObject({ intent: 'CHECK_BALANCE', path: 'llm' });
    const alone = await engine.understand('chai pilao', TEST_NOW);
    expect(alone[0]).toMatchObject({ intent: 'UNKNOWN', path: 'rules' });
  });

  it('a reminder the fallback understood gets its time from the rules\' IST parser', async () => {
    const fallback: FallbackParser = {
      name: 'fake',
      available: async () => ({ ok: true }),
      parse: async () => ({ intent: 'CREATE_REMINDER', entities: { customer: 'Bablu', amount: 500 }, confidence: 0.5, path: 'llm' }),
    };
    const withFallback = new IntentEngine(shop, { fallback });
    // Said oddly enough that the rules are unsure; the time words are still "parso shaam 6 baje".
    const said = 'parso shaam 6 baje woh wala kaam bablu';
    expect(engine.parse(said, TEST_NOW)[0]!.confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
    const [frame] = await withFallback.understand(said, TEST_NOW);
    expect(frame).toMatchObject({ intent: 'CREATE_REMINDER', path: 'llm', entities: { customer: 'Bablu', amount: 500 } });
    const day = new Date(TEST_NOW.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(frame!.entities.datetime).toBe(`${day}T18:00:00+05:30`);
  });
});
