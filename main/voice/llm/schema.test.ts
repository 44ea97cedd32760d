import { describe, expect, it } from 'vitest';
import { INTENTS } from '../types';
import { nameSpansIn, numbersIn, phonesIn } from './candidates';
import { choicesFor, INTENT_GROUPS, jsonSchemaFor, toFrame, withTimeSaid, zodSchemaFor } from './schema';

const catalog = { products: ['Amul Taaza Milk 500ml', 'Bread', 'Tata Salt 1kg'], customers: ['Rahul Gupta', 'Sunita Devi'] };

describe('candidates from the utterance', () => {
  it('reads digits, Devanagari digits and Hinglish number words', () => {
    expect(numbersIn('do hazaar paanch sau de diye')).toContain(2500);
    expect(numbersIn('paanch sau')).toContain(500);
    expect(numbersIn('teen sau pachaas ka')).toContain(350);
    expect(numbersIn('1,500 likh do')).toContain(1500);
    expect(numbersIn('राहुल ने ५०० दिए')).toContain(500);
    expect(numbersIn('dedh kilo cheeni aur aadha kilo dal')).toEqual(expect.arrayContaining([1.5, 0.5]));
    expect(numbersIn('2 hazaar')).toContain(2000);
  });

  it('finds ten-digit phones and short name spans', () => {
    expect(phonesIn('Priya ka number badlo 98765 43210')).toEqual(['9876543210']);
    expect(phonesIn('+91 90909-09090 pe')).toEqual(['9090909090']);
    expect(phonesIn('500 rupaye')).toEqual([]);
    expect(nameSpansIn('naya customer banao Vikas Mehra')).toContain('Vikas Mehra');
  });
});

describe('the answer schema', () => {
  it('covers every intent exactly once', () => {
    const listed = INTENT_GROUPS.flatMap((g) => g.intents);
    expect([...listed].sort()).toEqual([...INTENTS].sort());
  });

  it('has no integer or free string in the grammar: numbers, phones and names are enums', () => {
    const schema = JSON.stringify(jsonSchemaFor(choicesFor('Rahul ko 3 bread, number 9876543210', catalog)));
    expect(schema).not.toMatch(/"type":"(integer|number|string)"/);
    expect(schema).toContain('"9876543210"');
    expect(schema).toContain('"3"');
  });

  it('accepts answers that fit the shop and refuses the rest', () => {
    const choices = choicesFor('Rahul ko do doodh, 500 diye', catalog);
    const zod = zodSchemaFor(choices);
    const ok = (a: unknown) => zod.safeParse(a).success;
    expect(ok({ intent: 'CREATE_INVOICE', customer: 'Rahul Gupta', items: [{ product: 'Bread', quantity: '2' }], mode: null })).toBe(true);
    expect(ok({ intent: 'RECORD_PAYMENT', customer: null, amount: '500', mode: 'upi' })).toBe(true);
    expect(ok({ intent: 'UNDO' })).toBe(true);
    // A product the shop does not sell, a number the grammar could never write, a key the intent does not take.
    expect(ok({ intent: 'CREATE_INVOICE', customer: null, items: [{ product: 'Pizza', quantity: '2' }], mode: null })).toBe(false);
    expect(ok({ intent: 'RECORD_PAYMENT', customer: null, amount: '5e2', mode: null })).toBe(false);
    expect(ok({ intent: 'CHECK_STOCK', product: 'Bread', customer: 'Rahul Gupta' })).toBe(false);
    expect(ok({ intent: 'CHECK_STOCK' })).toBe(false);
    expect(ok({ intent: 'FLY_AWAY' })).toBe(false);
  });
});

describe('toFrame', () => {
  it('turns a checked answer into a Frame on the llm path, numbers as numbers and nulls dropped', () => {
    expect(toFrame({ intent: 'CREATE_INVOICE', customer: 'Rahul Gupta', items: [{ product: 'Bread', quantity: '0.5' }], mode: null })).toEqual({
      intent: 'CREATE_INVOICE',
      entities: { customer: 'Rahul Gupta', items: [{ product: 'Bread', quantity: 0.5 }] },
      confidence: 0.5,
      path: 'llm',
    });
    expect(toFrame({ intent: 'RECORD_PAYMENT', customer: 'Sunita Devi', amount: '2500', mode: null }).entities).toEqual({ customer: 'Sunita Devi', amount: 2500, mode: 'cash' });
    expect(toFrame({ intent: 'UPDATE_CUSTOMER_PHONE', customer: 'Sunita Devi', phone: '9876543210' }).entities.phone).toBe('9876543210');
  });
});

describe('items', () => {
  it('a change to the bill names at least one line; a new bill may start empty', () => {
    const zod = zodSchemaFor(choicesFor('doodh teen kar do', catalog));
    expect(zod.safeParse({ intent: 'MODIFY_INVOICE_ITEM', items: [] }).success).toBe(false);
    expect(zod.safeParse({ intent: 'MODIFY_INVOICE_ITEM', items: [{ product: 'Amul Taaza Milk 500ml', quantity: '3' }] }).success).toBe(true);
    expect(zod.safeParse({ intent: 'CREATE_INVOICE', customer: 'Rahul Gupta', items: [], mode: null }).success).toBe(true);
  });
});

describe('withTimeSaid', () => {
  const now = new Date('2026-03-10T05:30:00Z');
  it('reads a reminder\'s time from the words, one hour ahead when none was said, and leaves other intents alone', () => {
    const reminder = { intent: 'CREATE_REMINDER' as const, entities: { customer: 'Rahul Gupta' }, confidence: 0.5, path: 'llm' as const };
    expect(withTimeSaid(reminder, 'rahul ko kal 7 baje yaad dilana', now).entities.datetime).toBe('2026-03-11T19:00:00+05:30');
    expect(withTimeSaid(reminder, 'rahul ko yaad dilana', now).entities.datetime).toBe('2026-03-10T12:00:00+05:30');
    const cancel = { ...reminder, intent: 'CANCEL_REMINDER' as const };
    expect(withTimeSaid(cancel, 'rahul ka reminder hatao', now).entities.datetime).toBeUndefined();
    const balance = { ...reminder, intent: 'CHECK_BALANCE' as const };
    expect(withTimeSaid(balance, 'kal 7 baje', now)).toBe(balance);
  });
});
