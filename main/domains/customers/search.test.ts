import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../common/actor';
import type { CommandInput } from '../../../common/commands';
import type { CustomerMatch } from '../../../common/types';
import { fixedClock } from '../../commands/context';
import { createServices, type Services } from '../../services';
import { parseCustomerQuery, searchCustomers, warmCustomerIndexInSlices } from './search';

const cashier: Actor = { role: 'cashier', source: 'keyboard', who: 'test' };
let services: Services;
afterEach(() => services?.close());

const PEOPLE: CommandInput<'customer-create'>[] = [
  { name: 'Rahul Gupta', phone: '9876543210', landmark: 'ATM ke paas', nickname: 'Rahul bhai' },
  { name: 'Rahul Sharma', phone: '9811122233', landmark: 'mandir wali gali' },
  { name: 'Sunita Sharma', phone: '9415000111', landmark: 'school ke saamne' },
  { name: 'Deepak Verma', phone: '9839012345' },
  { name: 'Bharath Kumar', phone: '7007001234' },
  { name: 'Vikas Pandey', landmark: 'petrol pump' },
  { name: 'Lakshmi Devi', notes: 'pays on the 1st, milk every morning' },
  { name: 'Harish Chandra', nickname: 'Harish chacha' },
  { name: 'सलीम ख़ान', phone: '9807055566' },
  { name: 'Mohammed Farooq', landmark: 'masjid ke peeche' },
];

function shop(people = PEOPLE) {
  services = createServices({ dataDir: null, clock: fixedClock('2026-03-10T05:30:00Z') });
  for (const p of people) {
    const r = services.dispatcher.dispatch('customer-create', p, cashier);
    if (!r.ok) throw new Error(r.error.message);
  }
  return services;
}

function search(q: string, limit?: number): CustomerMatch[] {
  const r = services.dispatcher.dispatch('customer-search', limit === undefined ? { q } : { q, limit }, cashier);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
const names = (q: string) => search(q).map((c) => c.name);

describe('parseCustomerQuery', () => {
  it('separates filler words and phone digits', () => {
    expect(parseCustomerQuery('Rahul atm wala')).toEqual({ words: ['rahul', 'atm'], fillers: ['wala'], phone: null });
    expect(parseCustomerQuery('+91 98765-43210')).toEqual({ words: [], fillers: [], phone: '9876543210' });
    expect(parseCustomerQuery('09876543210').phone).toBe('9876543210');
    expect(parseCustomerQuery('Rahul 3210')).toEqual({ words: ['rahul'], fillers: [], phone: '3210' });
    expect(parseCustomerQuery('bhai ji')).toEqual({ words: ['bhai', 'ji'], fillers: [], phone: null });
    expect(parseCustomerQuery('राहुल वाला').words).toEqual(['rahul']);
  });
});

describe('customer-search', () => {
  it('finds a name exactly, as typed or in any case, with a score of 0..1', () => {
    shop();
    const r = search('rahul gupta');
    expect(r[0]).toMatchObject({ name: 'Rahul Gupta', matchScore: 1 });
    for (const c of r) expect(c.matchScore).toBeGreaterThanOrEqual(0.3);
    for (const c of r) expect(c.matchScore).toBeLessThanOrEqual(1);
    expect(names('RAHUL')).toEqual(['Rahul Gupta', 'Rahul Sharma']);
  });

  it.each([
    ['Dipak', 'Deepak Verma'],
    ['deepak varma', 'Deepak Verma'],
    ['Bharat', 'Bharath Kumar'],
    ['Barat kumar', 'Bharath Kumar'],
    ['Wikas', 'Vikas Pandey'],
    ['Laxmi', 'Lakshmi Devi'],
    ['Salim Khan', 'सलीम ख़ान'],
    ['Mohammad Faruk', 'Mohammed Farooq'],
  ])('Hinglish spelling "%s" finds %s first', (q, name) => {
    shop();
    expect(search(q)[0]?.name).toBe(name);
  });

  it.each([
    ['Rahl', 'Rahul'],
    ['Sunitha Shrama', 'Sunita Sharma'],
    ['Pandye', 'Vikas Pandey'],
    ['Harsih', 'Harish Chandra'], // a swap in the spelling, two edits apart in the key
  ])('tolerates the typo "%s"', (q, expected) => {
    shop();
    expect(search(q)[0]?.name).toContain(expected);
  });

  it('matches the start of a word while the cashier is still typing', () => {
    shop();
    expect(names('sun')[0]).toBe('Sunita Sharma');
    expect(names('Vik Pan')[0]).toBe('Vikas Pandey');
  });

  it('reads Devanagari queries', () => {
    shop();
    expect(names('राहुल')).toEqual(['Rahul Gupta', 'Rahul Sharma']);
    expect(names('दीपक')[0]).toBe('Deepak Verma');
    expect(names('सुनीता शर्मा')[0]).toBe('Sunita Sharma');
    expect(names('लक्ष्मी')[0]).toBe('Lakshmi Devi');
  });

  it('uses the landmark to tell two Rahuls apart', () => {
    shop();
    const r = search('Rahul atm wala');
    expect(r.map((c) => c.name).slice(0, 2)).toEqual(['Rahul Gupta', 'Rahul Sharma']);
    expect(r[0]!.matchScore).toBeGreaterThan(r[1]!.matchScore + 0.2);
    expect(names('Rahul mandir wali gali')[0]).toBe('Rahul Sharma');
    expect(names('rahul एटीएम के पास')[0]).toBe('Rahul Gupta');
    expect(names('petrol pump wale')[0]).toBe('Vikas Pandey');
  });

  it('does not let filler words drown the name', () => {
    shop();
    expect(names('Sharma ji').slice(0, 2).sort()).toEqual(['Rahul Sharma', 'Sunita Sharma']);
    expect(search('Sharma ji')[0]!.matchScore).toBeGreaterThan(0.9);
    expect(names('Deepak bhai ke paas wala')[0]).toBe('Deepak Verma');
  });

  it('counts a filler word that is part of a nickname', () => {
    shop();
    expect(names('Rahul bhai')[0]).toBe('Rahul Gupta');
    expect(names('Harish chacha')[0]).toBe('Harish Chandra');
    // The nickname alone finds its customer too.
    expect(names('bhai')).toEqual(['Rahul Gupta']);
  });

  it('matches a phone exactly first with score 1, in any usual format', () => {
    shop();
    for (const q of ['9876543210', '98765 43210', '+91 98765 43210', '+919876543210', '09876543210']) {
      expect(search(q)[0]).toMatchObject({ name: 'Rahul Gupta', matchScore: 1 });
    }
  });

  it('matches the last digits of a phone, and the first ones', () => {
    shop();
    expect(names('3210')).toEqual(['Rahul Gupta']);
    expect(names('5566')).toEqual(['सलीम ख़ान']);
    expect(search('43210')[0]!.matchScore).toBeLessThan(1);
    expect(names('98111')).toEqual(['Rahul Sharma']);
    expect(names('Rahul 2233')[0]).toBe('Rahul Sharma');
  });

  it('puts an exact phone above an exact name', () => {
    shop([
      { name: 'Ramesh', phone: '9000000001' },
      { name: 'Suresh', phone: '9000000002', notes: '9000000001 is his brother Ramesh' },
    ]);
    expect(search('9000000002')[0]!.name).toBe('Suresh');
  });

  it('searches notes, with less weight than the name', () => {
    shop();
    expect(names('milk')).toEqual(['Lakshmi Devi']);
    expect(search('milk')[0]!.matchScore).toBeLessThan(0.8);
  });

  it('returns nothing below 0.3 and honours the limit', () => {
    shop();
    expect(search('zzzzqqq')).toEqual([]);
    expect(search('xylophone')).toEqual([]);
    expect(search('Sharma', 1)).toHaveLength(1);
  });

  it('prefers the customer whose name has no extra words', () => {
    shop([{ name: 'Rahul Kumar Gupta' }, { name: 'Rahul' }, { name: 'Rahul Gupta' }]);
    expect(names('Rahul')).toEqual(['Rahul', 'Rahul Gupta', 'Rahul Kumar Gupta']);
    expect(names('Rahul Gupta')).toEqual(['Rahul Gupta', 'Rahul Kumar Gupta', 'Rahul']);
  });

  it('sees customers added, renamed or written by other code since the index was built', () => {
    shop();
    expect(names('Pinky')).toEqual([]);
    services.dispatcher.dispatch('customer-create', { name: 'Pinky' }, cashier);
    expect(names('Pinky')).toEqual(['Pinky']);
    services.dispatcher.dispatch('customer-update', { customerId: 4, name: 'Dinesh Yadav' }, cashier);
    expect(names('Deepak')).not.toContain('Deepak Verma');
    expect(names('Dinesh')).toEqual(['Dinesh Yadav']);
    const at = '2026-03-10T05:30:00.000Z';
    services.db.prepare("INSERT INTO customers (name, name_key, created_at, updated_at) VALUES ('Geeta Devi', 'geeta devi', ?, ?)").run(at, at);
    expect(names('Gita')).toEqual(['Geeta Devi']);
  });

  it('forgets a customer whose insert rolled back', () => {
    shop();
    expect(searchCustomers(services.db, 'Pinky', 10)).toEqual([]);
    const at = '2026-03-10T05:30:00.000Z';
    try {
      services.db.transaction(() => {
        services.db.prepare("INSERT INTO customers (name, name_key, created_at, updated_at) VALUES ('Pinky', 'pinky', ?, ?)").run(at, at);
        expect(searchCustomers(services.db, 'Pinky', 10).map((c) => c.name)).toEqual(['Pinky']);
        throw new Error('roll back');
      })();
    } catch {
      // expected
    }
    expect(searchCustomers(services.db, 'Pinky', 10)).toEqual([]);
  });

  it('names q when it is missing or blank', () => {
    shop();
    expect(services.dispatcher.dispatch('customer-search', {}, cashier)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'q' } });
    expect(services.dispatcher.dispatch('customer-search', { q: '  ' }, cashier)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'q' } });
  });
});

describe('an index first built inside a transaction', () => {
  it('is used there and built again once the transaction rolls back', () => {
    services = createServices({ dataDir: null, clock: fixedClock('2026-03-10T05:30:00Z') });
    const at = '2026-03-10T05:30:00.000Z';
    try {
      services.db.transaction(() => {
        services.db.prepare("INSERT INTO customers (name, name_key, created_at, updated_at) VALUES ('Pinky', 'pinky', ?, ?)").run(at, at);
        expect(searchCustomers(services.db, 'Pinky', 10).map((c) => c.name)).toEqual(['Pinky']);
        services.db.prepare("UPDATE customers SET name = 'Bunty', name_key = 'bunty' WHERE id = 1").run();
        throw new Error('roll back');
      })();
    } catch {
      // expected
    }
    expect(searchCustomers(services.db, 'Pinky', 10)).toEqual([]);
    expect(searchCustomers(services.db, 'Bunty', 10)).toEqual([]);
  });
});

describe('the index built ahead in slices', () => {
  it('yields between slices, and customers written meanwhile are found afterwards', async () => {
    shop();
    const warming = warmCustomerIndexInSlices(services.db, 3);
    // Between slices the event loop runs: a new customer and a renamed one.
    await new Promise((r) => setImmediate(r));
    const added = services.dispatcher.dispatch('customer-create', { name: 'Zubair Ansari', phone: '9000000001' }, cashier);
    const renamed = services.dispatcher.dispatch('customer-update', { customerId: 1, landmark: 'bus stand' }, cashier);
    expect(added.ok && renamed.ok).toBe(true);
    expect(await warming).toBe(true);
    expect(names('Zubair')).toEqual(['Zubair Ansari']);
    expect(names('Rahul bus stand wala')[0]).toBe('Rahul Gupta');
    expect(names('Sunita')).toEqual(['Sunita Sharma']);
  });

  it('is dropped when a search built the index first', async () => {
    shop();
    const warming = warmCustomerIndexInSlices(services.db, 3);
    expect(names('Deepak')).toEqual(['Deepak Verma']);
    expect(await warming).toBe(false);
    expect(names('Farooq')).toEqual(['Mohammed Farooq']);
  });
});
