// Understanding one utterance: the rules first (analyse -> classify -> entities), one frame per
// command said ("Rahul ka balance batao aur Sunita ko reminder bhejo" is two), and the fallback
// model only when the rules are not confident and one was given.
import { conceptsOf, hasConcept, type Concept } from '../../../common/hinglish/lexicon';
import type { Token } from '../../../common/hinglish/tokens';
import { tokenize } from '../../../common/hinglish/tokens';
import { isWhenWord } from '../../../common/hinglish/datetime';
import { withTimeSaid } from '../llm/schema';
import { numberWord } from '../../../common/hinglish/numbers';
import { isPaymentWord } from '../../../common/hinglish/payment';
import { repairSpelling } from '../../../common/hinglish/spelling';
import { unitOf } from '../../../common/hinglish/units';
import { FILLER_WORDS, phoneticKey } from '../../../common/text';
import { MIN_CUSTOMER_SCORE } from './customers';
import { logger } from '../../log';
import type { FallbackParser, Frame, IntentName } from '../types';
import { analyseTokens, type Analysis } from './analyse';
import { classify, type Classified } from './classify';
import { entitiesFor } from './frame';
import type { ShopView } from './shop';

const log = logger('intent');
const FILLER_KEYS = new Set(FILLER_WORDS.map(phoneticKey));

/** Below this the rules' answer goes to the fallback parser, when there is one. */
export const CONFIDENCE_THRESHOLD = 0.7;

export interface EngineOptions {
  fallback?: FallbackParser | null;
  threshold?: number;
}

const JOINS = new Set(['aur', 'and', 'phir', 'fir', 'then', 'also']);
/** A side that starts with these corrects the other ("10 peti coke... nahi, 24 bottle"), it is not a second command. */
const CORRECTIONS = new Set(['nahi', 'nahin', 'no', 'sorry', 'matlab', 'mean', 'balki']);
const PRONOUNS = new Set(['uska', 'uski', 'uske', 'usko', 'use', 'unka', 'unki', 'unke', 'unko', 'unhe', 'iska', 'iski', 'iske', 'isko', 'inka', 'his', 'her', 'their', 'them', 'him']);
const ITEM_INTENTS = new Set<IntentName>(['CREATE_INVOICE', 'MODIFY_INVOICE_ITEM']);
const STOCK_INTENTS = new Set<IntentName>(['CHECK_STOCK', 'UPDATE_STOCK']);
const CUSTOMER_INTENTS = new Set<IntentName>(['CHECK_BALANCE', 'RECORD_PAYMENT', 'ADD_CREDIT', 'CREATE_REMINDER', 'CANCEL_REMINDER', 'GET_CUSTOMER_INFO', 'UPDATE_CUSTOMER_PHONE', 'SEND_INVOICE']);

/** Words that make a command of their own (not grammar, not goods). */
const COMMAND_CONCEPTS = new Set<Concept>([
  'reminder', 'balance', 'khata', 'udhaar', 'received', 'payment', 'show', 'stock', 'low', 'sale', 'summary', 'cancel', 'remove', 'undo',
  'bill', 'discount', 'gst', 'send', 'new', 'phone', 'details', 'confirm', 'yes', 'write', 'arrived', 'howMuch', 'which', 'pnl', 'gstr', 'mistake',
]);

/** Verbs that close a clause ("batao", "bhejo", "likho", "hata do", "diye"): a new command may start after one. */
const CLAUSE_VERBS = new Set<Concept>(['show', 'send', 'write', 'set', 'make', 'remove', 'cancel', 'give', 'received', 'confirm']);
const LIGHT_VERBS = new Set(['do', 'dena', 'dijiye', 'de', 'diya', 'diye', 'lo', 'lena', 'liya', 'liye', 'dete', 'dedo']);

/** "maggi do", "laga do": a word "do" can follow as the verb give/do, not the number two. */
const giveAfter = (t: Token) => /^[a-z]{2,}$/.test(t.norm) && numberWord(t.norm) === null && !/^(ko|ka|ki|ke|se|ne|aur|ya)$/.test(t.norm);

/** True when tokens[s - 1] ends a clause, so tokens[s] may begin the next command without "aur". */
function endsClause(tokens: readonly Token[], s: number): boolean {
  const prev = tokens[s - 1]!;
  if (LIGHT_VERBS.has(tokens[s]!.norm)) return false;
  // A question ends at its "hai": "maida kitna bacha hai tel kitna bacha hai".
  if ((prev.norm === 'hai' || prev.norm === 'hain') && tokens.slice(0, s).some((t) => hasConcept(t, 'howMuch') || hasConcept(t, 'question'))) return true;
  if (LIGHT_VERBS.has(prev.norm) && s >= 2 && conceptsOf(tokens[s - 2]!).some((c) => CLAUSE_VERBS.has(c))) return true;
  // Imperatives by their ending: "lagao", "chalao", "laga do", "bhejiye", "dijiye".
  if (/^[a-z]{2,}(ao|iye|ie)$/.test(prev.norm) || (/^(do|dena|dijiye)$/.test(prev.norm) && s >= 2 && giveAfter(tokens[s - 2]!))) return true;
  return conceptsOf(prev).some((c) => CLAUSE_VERBS.has(c)) && !/^(ki|ka|ke|ko|se|ne)$/.test(tokens[s]!.norm);
}

/** What was said before, at this counter. */
export interface Conversation {
  /** The customer the last command was about ("uska balance batao"). */
  lastCustomer?: { id: number; name: string } | null;
  /** Products on the open bill, the last added last ("teen kar do" changes that one). */
  billProducts?: { id: number; name: string }[];
}

/** A frame with the ids behind its names, when the rules found them (the fallback gives names only). */
export interface UnderstoodFrame extends Frame {
  refs?: {
    customerId: number | null;
    /** The customers an ambiguous mention fits, in the order of entities.candidates. */
    candidateIds: number[];
    /** Parallel to entities.items. */
    productIds: number[];
  };
}

interface Part {
  analysis: Analysis;
  verdict: Classified;
}

export class IntentEngine {
  private readonly fallback: FallbackParser | null;
  private readonly threshold: number;

  constructor(
    private readonly shop: ShopView,
    opts: EngineOptions = {},
  ) {
    this.fallback = opts.fallback ?? null;
    this.threshold = opts.threshold ?? CONFIDENCE_THRESHOLD;
  }

  /** The rules alone: one frame per command in the utterance, in the order said. */
  parse(text: string, now: Date, conversation: Conversation = {}): UnderstoodFrame[] {
    const tokens = this.spelt(tokenize(text));
    const parts = this.split(tokens, now);
    for (const part of parts) this.useConversation(part, conversation);
    return parts.map(({ analysis, verdict }) => {
      const entities = entitiesFor(verdict.intent, analysis);
      const items = entities.items ? analysis.items : analysis.items.slice(-1);
      return {
        intent: verdict.intent,
        entities,
        confidence: verdict.confidence,
        path: 'rules' as const,
        refs: {
          customerId: analysis.customer?.id ?? null,
          candidateIds: analysis.customer && analysis.customer.name === null ? analysis.customer.candidates.map((c) => c.id) : [],
          productIds: items.map((i) => i.product.id),
        },
      };
    });
  }

  /** The rules, then the fallback for a lone frame the rules were unsure of. */
  async understand(text: string, now: Date, conversation: Conversation = {}): Promise<UnderstoodFrame[]> {
    const frames = this.parse(text, now, conversation);
    if (!this.fallback || frames.length !== 1 || frames[0]!.confidence >= this.threshold) return frames;
    try {
      const catalog = { products: this.shop.productMatcher().products.map((p) => p.name), customers: this.shop.customerNames() };
      const llm = await this.fallback.parse(text, catalog);
      if (llm && llm.intent !== 'UNKNOWN') return [{ ...withTimeSaid(llm, text, now), path: 'llm' }];
    } catch (e) {
      log.warn('fallback parser failed', e);
    }
    return frames;
  }

  /**
   * What the conversation so far adds: "uska balance" is about the customer just spoken of; with a
   * bill open, "teen kar do" or "isko hata do" changes its last line and "ek aur" adds one more of it.
   */
  private useConversation(part: Part, conversation: Conversation): void {
    const a = part.analysis;
    const last = conversation.lastCustomer;
    if (!a.customer && last && a.tokens.some((t) => PRONOUNS.has(t.norm))) {
      const match = this.shop.searchCustomers(last.name).find((c) => c.id === last.id);
      if (match) {
        a.customer = { name: match.name, id: match.id, candidates: [match], start: -1, end: -1, score: 1 };
        part.verdict = classify(a);
      }
    }
    const lastLine = conversation.billProducts?.at(-1);
    // Only words that mean nothing on their own ("teen kar do") lean on the bill; "GST hata do" does not.
    if (a.items.length > 0 || !lastLine || a.customer || part.verdict.intent !== 'UNKNOWN') return;
    const product = this.shop.productMatcher().get(lastLine.id);
    if (!product) return;
    const n = a.freeNumbers[0];
    const remove = a.tokens.some((t) => hasConcept(t, 'remove')) || (a.tokens.some((t) => hasConcept(t, 'no')) && a.tokens.some((t) => hasConcept(t, 'need')));
    const setVerb = a.tokens.some((t) => hasConcept(t, 'set'));
    const more = a.tokens.some((t) => t.norm === 'aur' || t.norm === 'more' || t.norm === 'another');
    const mention = { start: -1, end: -1, product, alternatives: [], how: 'phrase' as const };
    const item = (quantity: number, explicit: boolean) => ({ product, quantity, explicit, after: true, start: -1, end: -1, mention });
    if (remove && !n && !a.tokens.some((t) => hasConcept(t, 'bill'))) {
      a.items = [item(0, true)];
      part.verdict = { intent: 'MODIFY_INVOICE_ITEM', confidence: 0.8, rule: 'remove the last line' };
    } else if (n && setVerb && !more) {
      a.items = [item(n.value, true)];
      a.freeNumbers = a.freeNumbers.slice(1);
      part.verdict = { intent: 'MODIFY_INVOICE_ITEM', confidence: 0.8, rule: 'set the last line' };
    } else if (n && more && a.tokens.length <= 3) {
      a.items = [item(n.value, true)];
      a.freeNumbers = a.freeNumbers.slice(1);
      part.verdict = { intent: 'CREATE_INVOICE', confidence: 0.8, rule: 'one more of the last line' };
    }
  }

  /** Misspelt working words as the words meant ("balanc", "2 kila"), never a product's or a customer's word. */
  private spelt(tokens: Token[]): Token[] {
    const matcher = this.shop.productMatcher();
    return repairSpelling(tokens, {
      known: (t) => conceptsOf(t).length > 0 || unitOf(t.norm) !== null || numberWord(t.norm) !== null || isWhenWord(t) || isPaymentWord(t) || FILLER_KEYS.has(t.key) || matcher.knowsWord(t.key),
      isName: (t) => (this.shop.searchCustomers(t.norm)[0]?.matchScore ?? 0) >= MIN_CUSTOMER_SCORE,
    });
  }

  private one(tokens: Token[], now: Date): Part {
    const analysis = analyseTokens(tokens, this.shop, now);
    return { analysis, verdict: classify(analysis) };
  }

  /**
   * Splits at "aur"/"and"/"phir" (or a pause, or after a clause's verb) when both sides are commands of their own: not two
   * halves of one list of items ("do kilo chawal aur ek packet namak") nor a tail with no command
   * ("chawal 25 kilo aur aaya hai"). A side that says "uska" borrows the other side's customer.
   */
  private split(tokens: Token[], now: Date): Part[] {
    const whole = this.one(tokens, now);
    // A split is worth trying only before a command word (an item list has none); the left side
    // may be items alone ("Pinky ko ek kurkure de do aur uska balance batao").
    const commandAt = tokens.map((t) => conceptsOf(t).some((c) => COMMAND_CONCEPTS.has(c)));
    const lastCommand = commandAt.lastIndexOf(true);
    // Never inside a name: "Hide and Seek", "Ram and Sons".
    // Nor inside a payment split across modes ("200 cash aur 100 gpay se").
    const modes = whole.analysis.payments ? whole.analysis.modes : [];
    const inPayment = (s: number) => modes.some((m) => m.start < s) && modes.some((m) => m.start >= s);
    const inside = (s: number) => inPayment(s) || whole.analysis.products.some((m) => m.start < s && s < m.end) || (whole.analysis.customer !== null && whole.analysis.customer.start < s && s < whole.analysis.customer.end);
    for (let s = 1; s < tokens.length - 1 && s <= lastCommand; s++) {
      const join = JOINS.has(tokens[s]!.norm);
      // "Rahul ka balance batao Sunita ko reminder bhejo": a clause's verb ends a command too.
      if ((!join && !tokens[s]!.pauseBefore && !endsClause(tokens, s)) || inside(s)) continue;
      const left = this.one(tokens.slice(0, s), now);
      if (!this.standsAlone(left)) continue;
      const rightTokens = tokens.slice(join ? s + 1 : s);
      if (rightTokens.length === 0 || CORRECTIONS.has(rightTokens[0]!.norm) || CORRECTIONS.has(tokens[s - 1]!.norm)) continue;
      const rightParts = this.split(rightTokens, now);
      const right = rightParts[0]!;
      this.echo(right, left);
      if (!this.standsAlone(right) && !this.borrowsCustomer(right, left)) continue;
      if (ITEM_INTENTS.has(left.verdict.intent) && ITEM_INTENTS.has(right.verdict.intent)) continue;
      // "do kilo cheeni, 50 card se baaki cash": how the sale is paid is part of the sale.
      if (ITEM_INTENTS.has(left.verdict.intent) && right.verdict.rule === 'split payment') continue;
      // "50 packet doodh aaya, 20 bread": a bare list after stock words is more of the same stock.
      if (left.verdict.intent === 'UPDATE_STOCK' && right.verdict.intent === 'CREATE_INVOICE' && !right.analysis.customer) continue;
      // The same command twice is one, unless about two customers or two products ("maida kitna hai, tel kitna hai").
      const sameProduct = left.analysis.items.at(-1)?.product.id === right.analysis.items.at(-1)?.product.id;
      if (left.verdict.intent === right.verdict.intent && left.analysis.customer?.id === right.analysis.customer?.id && (sameProduct || !STOCK_INTENTS.has(left.verdict.intent))) continue;
      this.lendCustomer(left, right);
      this.lendCustomer(right, left);
      return [left, ...rightParts];
    }
    return [whole];
  }

  private standsAlone(p: Part): boolean {
    if (CUSTOMER_INTENTS.has(p.verdict.intent) && p.analysis.customer === null) return false;
    return p.verdict.intent !== 'UNKNOWN' && p.verdict.confidence >= this.threshold;
  }

  /** "Shobha ka hisaab batao, Vicky ka bhi": "bhi" with another customer and no command of its own repeats the command before. */
  private echo(p: Part, before: Part): void {
    const a = p.analysis;
    if (this.standsAlone(p) || !a.customer?.id || a.customer.id === before.analysis.customer?.id || a.items.length > 0) return;
    if (!CUSTOMER_INTENTS.has(before.verdict.intent) || !this.standsAlone(before)) return;
    if (!a.tokens.some((t) => t.norm === 'bhi' || t.norm === 'also' || t.norm === 'too')) return;
    if (a.tokens.some((t) => conceptsOf(t).some((c) => COMMAND_CONCEPTS.has(c) && c !== 'show'))) return;
    p.verdict = { ...before.verdict, rule: `${before.verdict.rule}, for another customer too` };
  }

  private borrowsCustomer(p: Part, from: Part): boolean {
    return from.analysis.customer !== null && p.analysis.customer === null && p.analysis.tokens.some((t) => PRONOUNS.has(t.norm));
  }

  /** "Sunita se 300 mile aur uska balance batao": the second command is about Sunita too. */
  private lendCustomer(to: Part, from: Part): void {
    if (to.analysis.customer || !from.analysis.customer || !to.analysis.tokens.some((t) => PRONOUNS.has(t.norm))) return;
    to.analysis.customer = { ...from.analysis.customer, start: -1, end: -1 };
    to.verdict = classify(to.analysis);
  }
}
