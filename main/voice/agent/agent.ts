// The conversation at one counter (the VoiceAgent seam). Each utterance is understood, then run
// frame by frame; a frame may ask back (which Rahul? is this payment right? undo the last entry?),
// and the next utterance answers it ("Gupta", "haan") before anything else is understood. Frames
// said after the question wait and run once it is answered.
import type { Actor } from '../../../common/actor';
import { tokenize, type Token } from '../../../common/hinglish/tokens';
import { editDistance } from '../../../common/text';
import type { Clock } from '../../commands/context';
import type { Dispatcher } from '../../commands/dispatch';
import { IntentEngine, type UnderstoodFrame } from '../intent/engine';
import { dispatcherShop, type ShopView } from '../intent/shop';
import { say } from '../reply/say';
import type { AgentTurn, FallbackParser, TaskOutcome, VoiceAgent } from '../types';
import { OpenBill } from './bill';
import { execute, type BillExtras, type Question, type RunContext } from './executor';

export interface CounterAgentOptions {
  dispatcher: Dispatcher;
  clock: Clock;
  /** The draft counter this agent builds bills on; the screen at that counter shows the same bill. */
  counter?: string;
  /** Shared by the counters of one shop; built here when absent. */
  shop?: ShopView;
  engine?: IntentEngine;
  fallback?: FallbackParser | null;
  /** The services' data dir: GSTR-1 said by voice is saved under its exports/. None: not saved. */
  dataDir?: string | null;
}

const YES = new Set(['haan', 'han', 'ha', 'haa', 'yes', 'yeah', 'yep', 'ok', 'okay', 'theek', 'thik', 'sahi', 'bilkul', 'hanji', 'haanji', 'confirm', 'done', 'chalo', 'correct', 'right', 'sure', 'pakka', 'kar', 'karo']);
const NO = new Set(['nahi', 'nahin', 'nai', 'no', 'mat', 'cancel', 'rehne', 'rahne', 'chhodo', 'chodo', 'galat', 'ruko', 'wrong', 'na', 'naa']);
const ORDINALS: Record<string, number> = { pehla: 0, pehle: 0, pahla: 0, pahle: 0, first: 0, doosra: 1, dusra: 1, doosre: 1, dusre: 1, second: 1, teesra: 2, tisra: 2, third: 2 };
/** An answer longer than this is a new command, not a yes or a no. */
const MAX_ANSWER_WORDS = 5;

type Pending = Question & { rest: UnderstoodFrame[] };

export class CounterAgent implements VoiceAgent {
  private readonly dispatcher: Dispatcher;
  private readonly clock: Clock;
  private readonly shop: ShopView;
  private readonly engine: IntentEngine;
  private readonly bill: OpenBill;
  private readonly dataDir: string | null;
  private pending: Pending | null = null;
  private extras: BillExtras = { mode: null, payments: null, applyGst: true };
  private seq = 0;
  /** Who the last command was about, for "uska" in the next one. */
  private lastCustomer: { id: number; name: string } | null = null;

  constructor(opts: CounterAgentOptions) {
    this.dispatcher = opts.dispatcher;
    this.clock = opts.clock;
    this.shop = opts.shop ?? dispatcherShop(opts.dispatcher, { role: 'cashier', source: 'voice', who: 'voice-agent' });
    this.engine = opts.engine ?? new IntentEngine(this.shop, { fallback: opts.fallback ?? null });
    this.bill = new OpenBill(opts.dispatcher, opts.counter ?? 'main');
    this.dataDir = opts.dataDir ?? null;
  }

  /** What the agent is waiting for, if anything. */
  get awaiting(): AgentTurn['awaiting'] {
    return awaitingOf(this.pending);
  }

  async handle(text: string, actor: Actor): Promise<AgentTurn> {
    const voiceActor: Actor = { ...actor, source: 'voice' };
    const now = this.clock.now();
    if (this.pending) {
      const answered = this.answer(text, voiceActor, now);
      if (answered) return answered;
    }
    const bill = this.bill.load(voiceActor).data;
    const frames = await this.engine.understand(text, now, {
      lastCustomer: this.lastCustomer,
      billProducts: bill.lines.map((l) => ({ id: l.productId, name: l.name })),
    });
    return this.runFrames(text, frames, frames, voiceActor, now, [], []);
  }

  reset(): void {
    this.pending = null;
    this.lastCustomer = null;
    this.extras = { mode: null, payments: null, applyGst: true };
  }

  private context(actor: Actor, now: Date, text = ''): RunContext {
    return { dispatcher: this.dispatcher, shop: this.shop, bill: this.bill, extras: this.extras, actor, now, taskId: `t${++this.seq}`, dataDir: this.dataDir, text };
  }

  private runFrames(text: string, shown: UnderstoodFrame[], queue: UnderstoodFrame[], actor: Actor, now: Date, tasks: TaskOutcome[], replies: string[]): AgentTurn {
    for (let i = 0; i < queue.length; i++) {
      const frame = queue[i]!;
      const step = execute(this.context(actor, now, text), frame);
      if (step.task.ok && frame.refs?.customerId && typeof frame.entities.customer === 'string') {
        this.lastCustomer = { id: frame.refs.customerId, name: frame.entities.customer };
      }
      tasks.push(step.task);
      replies.push(step.reply);
      if (step.ask) {
        this.pending = { ...step.ask, rest: queue.slice(i + 1) };
        break;
      }
    }
    return { text, frames: shown, tasks, reply: replies.join(' '), awaiting: awaitingOf(this.pending) };
  }

  /** Answers the pending question; null when the words are not an answer (then they are a new command). */
  private answer(text: string, actor: Actor, now: Date): AgentTurn | null {
    const pending = this.pending!;
    const tokens = tokenize(text);
    const saidNo = tokens.length <= MAX_ANSWER_WORDS && tokens.some((t) => NO.has(t.norm));
    if (pending.kind === 'confirm') {
      this.pending = null;
      if (saidNo) return { text, frames: [], tasks: [], reply: say.dropped(), awaiting: null };
      const saidYes = tokens.length <= MAX_ANSWER_WORDS && tokens.some((t) => YES.has(t.norm));
      if (!saidYes) return null;
      const step = pending.run(this.context(actor, now));
      return this.runFrames(text, [], pending.rest, actor, now, [step.task], [step.reply]);
    }
    const chosen = this.pick(tokens, text, pending.options);
    if (chosen && pending.choose) {
      this.pending = null;
      const step = pending.choose(this.context(actor, now), chosen);
      return this.runFrames(text, [], pending.rest, actor, now, [step.task], [step.reply]);
    }
    if (chosen) {
      this.pending = null;
      const frame: UnderstoodFrame = {
        ...pending.frame,
        entities: { ...pending.frame.entities, customer: chosen.name, candidates: [] },
        refs: { customerId: chosen.id, candidateIds: [], productIds: pending.frame.refs?.productIds ?? [] },
      };
      return this.runFrames(text, [frame], [frame, ...pending.rest], actor, now, [], []);
    }
    if (saidNo) {
      this.pending = null;
      return { text, frames: [], tasks: [], reply: say.dropped(), awaiting: null };
    }
    this.pending = null;
    return null;
  }

  /** "Gupta", "doosra", "mandir wale": which of the customers asked about. */
  private pick(tokens: Token[], text: string, options: { id: number; name: string }[]): { id: number; name: string } | null {
    if (tokens.length === 0 || tokens.length > MAX_ANSWER_WORDS) return null;
    for (const t of tokens) {
      const n = ORDINALS[t.norm];
      if (n !== undefined && options[n]) return options[n];
    }
    // A word of one option's name that the others do not share.
    const words = options.map((o) => tokenize(o.name).map((w) => w.key));
    const hits = options.filter((_, i) => {
      const own = words[i]!.filter((k) => !words.some((other, j) => j !== i && other.includes(k)));
      return tokens.some((t) => own.some((k) => k === t.key || (k.length >= 5 && editDistance(k, t.key, 1) <= 1)));
    });
    if (hits.length === 1) return hits[0]!;
    // A nickname or landmark: the shop's search, among the options only.
    const found = this.shop.searchCustomers(text).filter((c) => options.some((o) => o.id === c.id));
    if (found.length > 0 && (found.length === 1 || found[0]!.matchScore > found[1]!.matchScore + 0.015)) return { id: found[0]!.id, name: found[0]!.name };
    return null;
  }
}

function awaitingOf(p: Pending | null): AgentTurn['awaiting'] {
  if (!p) return null;
  return p.kind === 'choice' ? { kind: 'choice', options: p.options.map((o) => o.name) } : { kind: 'confirm', action: p.action };
}
