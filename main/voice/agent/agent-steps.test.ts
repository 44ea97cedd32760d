// The agent's command steps that are easy to get subtly wrong: which reminder a cancel points at,
// and a voice bill sold and its draft removed in one command.
import { beforeEach, describe, expect, it } from 'vitest';
import { VOICE_ACTOR } from '../intent/test-shop';
import { agentPerTest, unwrap } from './testing';

const t = agentPerTest();
let commands: string[];
beforeEach(() => {
  commands = [];
  t.services.dispatcher.onCommand((e) => commands.push(e.name));
});

const say = (text: string) => t.say(text);
const dispatch = unwrap;
const meenaId = () => dispatch(t.services.dispatcher.dispatch('customer-search', { q: 'Meena Kumari' }, VOICE_ACTOR))[0]!.id;
const remind = (datetime: string, amountPaise = 50_000) =>
  dispatch(t.services.dispatcher.dispatch('reminder-create', { customerId: meenaId(), datetime, amountPaise }, VOICE_ACTOR));
const scheduled = () => dispatch(t.services.dispatcher.dispatch('reminder-list', { customerId: meenaId() }, VOICE_ACTOR)).map((r) => r.sendAt);

describe('cancelling a reminder by voice', () => {
  it('cancels only the one the day said points at', async () => {
    remind('2026-03-11T19:00:00+05:30');
    const friday = remind('2026-03-13T10:00:00+05:30');
    const turn = await say('Meena aunty ka kal wala reminder cancel karo');
    expect(turn.tasks[0]).toMatchObject({ intent: 'CANCEL_REMINDER', ok: true });
    expect(scheduled()).toEqual([friday.sendAt]);
  });

  it('tells them apart by the hour or the amount when one day has two', async () => {
    remind('2026-03-11T10:00:00+05:30');
    const evening = remind('2026-03-11T19:00:00+05:30', 80_000);
    await say('Meena aunty ka kal subah 10 baje wala reminder hata do');
    expect(scheduled()).toEqual([evening.sendAt]);
    remind('2026-03-12T19:00:00+05:30', 30_000);
    await say('Meena aunty ka 800 wala reminder hata do');
    expect(scheduled()).toEqual(['2026-03-12T13:30:00.000Z']);
  });

  it('asks which when several fit and none is named, and cancels the one answered', async () => {
    remind('2026-03-11T19:00:00+05:30');
    const friday = remind('2026-03-13T10:00:00+05:30');
    const asked = await say('Meena aunty ka reminder cancel karo');
    expect(asked.awaiting).toMatchObject({ kind: 'choice' });
    expect(scheduled()).toHaveLength(2);
    const answered = await say('pehla');
    expect(answered.tasks[0]).toMatchObject({ intent: 'CANCEL_REMINDER', ok: true });
    expect(scheduled()).toEqual([friday.sendAt]);
  });

  it('cancels every one on "saare"', async () => {
    remind('2026-03-11T19:00:00+05:30');
    remind('2026-03-13T10:00:00+05:30');
    expect((await say('Meena aunty ke saare reminder hata do')).reply).toBe('Meena Kumari ke do reminder hata diye.');
    expect(scheduled()).toEqual([]);
  });

  it('cancels a customer\'s only reminder without asking, and says when none fits', async () => {
    remind('2026-03-13T10:00:00+05:30');
    expect((await say('Meena aunty ka kal wala reminder cancel karo')).tasks[0]).toMatchObject({ ok: false });
    expect((await say('Meena aunty ka reminder cancel karo')).reply).toBe('Meena Kumari ka reminder hata diya.');
    expect(scheduled()).toEqual([]);
  });
});

describe('completing a voice bill', () => {
  it('sells and removes the open bill with the one invoice-create command', async () => {
    await say('do kilo cheeni');
    commands = [];
    const done = await say('haan bill bana do');
    expect(done.tasks[0]).toMatchObject({ intent: 'CONFIRM_INVOICE', ok: true });
    expect(commands.filter((c) => c !== 'draft-get-open' && c !== 'settings-get')).toEqual(['invoice-create']);
    expect(dispatch(t.services.dispatcher.dispatch('draft-get-open', { counter: 'test' }, VOICE_ACTOR))).toBeNull();
  });
});

describe('a payment split across modes', () => {
  const invoice = (id: number) => dispatch(t.services.dispatcher.dispatch('invoice-get', { invoiceId: id }, VOICE_ACTOR));

  it('bills half in cash and half by UPI', async () => {
    await say('do kilo cheeni');
    const done = await say('aadha cash aadha UPI');
    expect(done.tasks[0]).toMatchObject({ intent: 'CONFIRM_INVOICE', ok: true });
    const bill = invoice((done.tasks[0]!.result as { id: number }).id);
    expect(bill.paymentMode).toBe('split');
    expect(bill.payments.map((p) => p.mode)).toEqual(['cash', 'upi']);
    expect(bill.payments[0]!.amountPaise + bill.payments[1]!.amountPaise).toBe(bill.totalPaise);
  });

  it('takes amounts said with the sale, and the rest by the last mode', async () => {
    await say('do kilo cheeni, 50 card se baaki cash');
    const done = await say('haan bill bana do');
    const bill = invoice((done.tasks[0]!.result as { id: number }).id);
    expect(bill.payments).toMatchObject([{ mode: 'card', amountPaise: 5_000 }, { mode: 'cash', amountPaise: bill.totalPaise - 5_000 }]);
  });

  it('records a khata payment by two modes as one command, an entry per mode', async () => {
    const before = dispatch(t.services.dispatcher.dispatch('customer-search', { q: 'Bablu' }, VOICE_ACTOR))[0]!.balancePaise;
    const mutations: string[] = [];
    const off = t.services.dispatcher.onCommand((e) => {
      if (e.mutates) mutations.push(e.name);
    });
    const turn = await say('Bablu ne 20 cash aur 10 online diye');
    off();
    expect(mutations).toEqual(['ledger-record-payment']);
    const bablu = dispatch(t.services.dispatcher.dispatch('customer-search', { q: 'Bablu' }, VOICE_ACTOR))[0]!.id;
    const entries = dispatch(t.services.dispatcher.dispatch('ledger-list', { customerId: bablu, limit: 2 }, VOICE_ACTOR));
    expect(entries.map((e) => [e.paymentMode, e.amountPaise]).sort()).toEqual([['cash', 2_000], ['upi', 1_000]]);
    expect(turn.tasks[0]).toMatchObject({ intent: 'RECORD_PAYMENT', ok: true });
    expect(turn.reply).toContain('tees rupaye');
    const after = dispatch(t.services.dispatcher.dispatch('customer-search', { q: 'Bablu' }, VOICE_ACTOR))[0]!.balancePaise;
    expect(before - after).toBe(3_000);
  });
});

describe('kal said of the past', () => {
  it('notes the day on a payment, and does not answer yesterday\'s sales with today\'s', async () => {
    const inputs: unknown[] = [];
    const dispatchAll = t.services.dispatcher.dispatch.bind(t.services.dispatcher);
    t.services.dispatcher.dispatch = ((name, input, actor) => {
      if (name === 'ledger-record-payment') inputs.push(input);
      return dispatchAll(name, input, actor);
    }) as typeof t.services.dispatcher.dispatch;
    const paid = await say('Bablu ne kal 20 diye the');
    expect(paid.tasks[0]).toMatchObject({ intent: 'RECORD_PAYMENT', ok: true });
    expect(inputs).toMatchObject([{ amountPaise: 2_000, notes: 'Voice: 2026-03-09 ko mile' }]);
    const sales = await say('kal ki bikri kitni thi');
    expect(sales.tasks[0]).toMatchObject({ intent: 'DAILY_SUMMARY', ok: false });
  });

  it('looks for yesterday\'s bill, leaving the open one alone', async () => {
    await say('do kilo cheeni');
    const turn = await say('kal ka bill cancel karo');
    expect(turn.tasks[0]).toMatchObject({ intent: 'CANCEL_INVOICE', ok: false });
    expect(dispatch(t.services.dispatcher.dispatch('draft-get-open', { counter: 'test' }, VOICE_ACTOR))?.data.lines).toHaveLength(1);
  });
});
