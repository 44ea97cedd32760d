// A khata bill paid in part by voice: "20 cash baaki udhaar" bills on the khata with the cash taken now.
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../common/types';
import { VOICE_ACTOR } from '../intent/test-shop';
import { agentPerTest, unwrap } from './testing';
import { splitPayments } from './bill-steps';

const t = agentPerTest();

const say = (text: string) => t.say(text);
const dispatch = unwrap;
const customer = (q: string) => dispatch(t.services.dispatcher.dispatch('customer-search', { q }, VOICE_ACTOR))[0]!;
const invoices = () => dispatch(t.services.dispatcher.dispatch('invoice-list', { limit: 10 }, VOICE_ACTOR));

describe('a khata bill paid in part by voice', () => {
  // Two kilo of sugar: 88 + 5% GST = 92.40.
  it('"20 cash baaki udhaar" with the sale: billed on the khata, 20 paid, 72.40 owed', async () => {
    const before = customer('Lakshmi Iyer').balancePaise;
    await say('Lakshmi ko do kilo cheeni, 20 cash baaki udhaar');
    const done = await say('haan bill bana do');
    expect(done.tasks[0]).toMatchObject({ intent: 'CONFIRM_INVOICE', ok: true });
    const bill = (done.tasks[0]!.result as Invoice);
    expect(bill).toMatchObject({ paymentMode: 'credit', totalPaise: 9240, payments: [{ mode: 'cash', amountPaise: 2000 }], balanceDuePaise: 7240 });
    expect(done.reply).toContain('khate mein');
    expect(customer('Lakshmi Iyer').balancePaise - before).toBe(7240);
  });

  it('"50 diye baaki khate mein" said at the confirm is cash paid, the rest on the khata', async () => {
    await say('Jyoti ko do kilo cheeni');
    const done = await say('bill bana do, 50 diye baaki khate mein');
    expect(done.tasks[0]).toMatchObject({ intent: 'CONFIRM_INVOICE', ok: true });
    expect(invoices()[0]).toMatchObject({ paymentMode: 'credit', payments: [{ mode: 'cash', amountPaise: 5000 }], balanceDuePaise: 4240 });
    expect(customer('Jyoti Sharma').balancePaise).toBe(4240);
  });

  it('refuses a part that pays the whole bill, and bills nothing', async () => {
    await say('Lakshmi ko do kilo cheeni, 100 cash baaki udhaar');
    const done = await say('haan bill bana do');
    expect(done.tasks[0]).toMatchObject({ intent: 'CONFIRM_INVOICE', ok: false });
    expect(done.reply).toContain('udhaar kuch nahi bachta');
    expect(invoices()).toEqual([]);
  });
});

describe('splitPayments', () => {
  it('a credit rest makes a khata bill with the parts paid; two modes without credit stay a split', () => {
    expect(splitPayments([{ mode: 'cash', amount: 200 }, { mode: 'upi', amount: 100 }, { mode: 'credit', rest: true }], 50_000)).toEqual({
      paymentMode: 'credit',
      payments: [
        { mode: 'cash', amountPaise: 20_000 },
        { mode: 'upi', amountPaise: 10_000 },
      ],
    });
    expect(splitPayments([{ mode: 'cash', share: 0.5 }, { mode: 'upi', share: 0.5 }], 50_001)).toEqual({
      paymentMode: 'split',
      payments: [
        { mode: 'cash', amountPaise: 25_001 },
        { mode: 'upi', amountPaise: 25_000 },
      ],
    });
    expect(splitPayments([{ mode: 'credit', amount: 100 }, { mode: 'credit', rest: true }], 50_000)).toEqual(expect.stringContaining('Udhaar ek hi baar'));
  });
});
