// "200 cash baaki udhaar", "200 diye baaki khate mein": what was paid now and the rest on the khata,
// as payment parts ending in a credit rest; a lone "baaki likho" stays an amount of udhaar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services';
import { IntentEngine } from './engine';
import type { ShopView } from './shop';
import { TEST_NOW, testShop } from './test-shop';

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

const one = (text: string) => {
  const frames = engine.parse(text, TEST_NOW);
  expect(frames).toHaveLength(1);
  return frames[0]!;
};

describe('a part paid and the rest on the khata', () => {
  it.each([
    ['Jyoti ko do kilo cheeni, 20 cash baaki udhaar', [{ mode: 'cash', amount: 20 }]],
    ['Jyoti ko do kilo cheeni, 20 diye baaki khate mein', [{ mode: 'cash', amount: 20 }]],
    ['Jyoti ko do kilo cheeni, 20 cash aur 10 UPI se, baaki udhaar', [{ mode: 'cash', amount: 20 }, { mode: 'upi', amount: 10 }]],
  ])('%s', (text, paid) => {
    const f = one(text);
    expect(f.intent).toBe('CREATE_INVOICE');
    expect(f.entities.items).toEqual([{ product: 'Sugar', quantity: 2 }]);
    expect(f.entities.payments).toEqual([...paid, { mode: 'credit', rest: true }]);
  });

  it('said at the confirm, and not taken from a plain udhaar amount', () => {
    expect(one('bill bana do, 50 cash baaki udhaar')).toMatchObject({ intent: 'CONFIRM_INVOICE', entities: { payments: [{ mode: 'cash', amount: 50 }, { mode: 'credit', rest: true }] } });
    const udhaar = one('Bablu ka 200 baaki likho');
    expect(udhaar).toMatchObject({ intent: 'ADD_CREDIT', entities: { amount: 200 } });
    expect(udhaar.entities.payments).toBeUndefined();
    expect(one('Bablu ne 200 diye baaki udhaar')).toMatchObject({ intent: 'RECORD_PAYMENT', entities: { amount: 200, mode: 'cash' } });
  });
});
