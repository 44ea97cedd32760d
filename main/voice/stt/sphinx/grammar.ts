// The JSGF grammar generated from the shop's own catalog: the sentences a kirana counter says
// (bills, payments, udhaar, balances, stock, reminders...), with the shop's products and customers
// in their slots. The sentences are spelled out, not a free loop of words: PocketSphinx's en-us
// model cannot tell short words apart well enough for a loop ("bill bana do" came out as
// "milk at undo"), so the grammar's structure does the work. Regenerated when the catalog changes.
import { ENGLISH_ONES, ENGLISH_TENS, HINDI_1_99, HINDI_FRACTIONS, HONORIFICS, UNITS, WEEKDAYS } from './lexicon';

export interface GrammarCatalog {
  products: { name: string; aliases: string[] }[];
  customers: { name: string; nickname?: string | null; landmark?: string | null }[];
}

export interface BuiltGrammar {
  jsgf: string;
  /** Every word the grammar can output, for the pronunciation dictionary. */
  words: string[];
  /** A fingerprint of the spoken forms: the same catalog gives the same grammar. */
  key: string;
}

/** Lower-case words of letters only; tokens with digits ("500ml", "1kg") are not spoken names. */
export function spokenForm(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[-_/.,&+()'"!?:;]/g, ' ')
    .split(/\s+/)
    .filter((t) => /^[a-z]+$/.test(t))
    .join(' ');
}

const alt = (xs: Iterable<string>) => [...new Set(xs)].filter(Boolean).sort().join(' | ');

export function productForms(p: { name: string; aliases: string[] }): string[] {
  return [...new Set([p.name, ...p.aliases].map(spokenForm).filter(Boolean))];
}

export function customerForms(c: { name: string; nickname?: string | null }): string[] {
  const full = spokenForm(c.name);
  const honorific = new Set<string>(HONORIFICS);
  const parts = full.split(' ').filter((t) => !honorific.has(t));
  const forms = [full, spokenForm(c.nickname ?? '')];
  // "Rakesh Verma" is also "Rakesh" and "Verma ji"; honorifics are added by the grammar.
  if (parts.length > 1) forms.push(parts[0]!, parts[parts.length - 1]!);
  else if (parts.length === 1 && parts[0] !== full) forms.push(parts[0]!);
  return [...new Set(forms.filter(Boolean))];
}

function numberRules(): string[] {
  const h = HINDI_1_99;
  const hSmall = h.filter(Boolean);
  const eTo99 = [...ENGLISH_ONES.slice(1), ...ENGLISH_TENS, ...ENGLISH_TENS.flatMap((t) => ENGLISH_ONES.slice(1, 10).map((o) => `${t} ${o}`))];
  // Quantities at the counter are small; amounts of money are any number. Keeping the two apart
  // gives the decoder fewer ways to read a product name as a string of numbers.
  const hQty = [...h.slice(1, 21), h[25]!, h[30]!, h[40]!, h[50]!];
  const eQty = [...ENGLISH_ONES.slice(1), 'twenty', 'twenty five', 'thirty', 'forty', 'fifty'];
  return [
    `<h_small> = ${alt(hSmall)};`,
    `<h_qty> = ${alt(hQty)} | saade <h_few> | sawa [<h_few>] | ${alt(HINDI_FRACTIONS)} | sau;`,
    `<h_few> = ${alt(h.slice(1, 11))};`,
    `<h_amount> = [saade | sawa] <h_small> [sau | hazaar] | (dedh | dhai) (sau | hazaar) | <h_small> hazaar <h_small> sau | sau;`,
    `<h_hour> = ${alt(h.slice(1, 13))};`,
    `<h_date> = ${alt(h.slice(1, 32))};`,
    `<e_qty> = ${alt(eQty)} | half;`,
    `<e_amount> = ${alt(eTo99)} [hundred [${alt(eTo99)}] | thousand];`,
  ];
}

/**
 * The command sentences, factored so each big slot (customers, products, numbers) appears only a
 * few times: PocketSphinx expands every rule reference into its own copy, and a grammar that
 * repeats the product list in every sentence takes seconds to load and decode. Items need a
 * quantity and are joined by "aur": a free list of product names lets the decoder explain any
 * speech as a string of short product names ("bill bana do" came out as "milk aath ande two").
 * Hinglish sentences take Hindi numbers, English sentences English ones.
 */
const SENTENCES = `
<cref> = [<landmark> (wale | wali)] <cust> [<honor>] [<landmark> (wale | wali)];
<item> = <h_qty> [<unit>] <product> | <product> <h_qty> <unit>;
<items> = <item> ((aur | and) <item>)* | <product>;
<e_item> = <e_qty> [<unit>] <product>;
<e_items> = <e_item> ((and | aur) <e_item>)*;
<amount> = <h_amount> [rupaye];
<e_money> = <e_amount> [rupees];
<mode> = upi se | cash | cash mein | nakad | card se | online | gpay pe | paytm se | udhaar | udhaar mein | khate mein;
<when> = [aaj | kal | parso | <weekday> [ko] | <h_date> tarikh ko | <h_few> din baad] [subah | dopahar | shaam | raat] [<h_hour> baje];

<to_customer> = <cref> (ko | ke liye | ka bill banao | ke naam | ka | ki | ke | ke khate mein | se | ne | pe | par) | bill ki copy <cref> ko;
<about_customer> = <items> [<mode>] [bana do | banao | de do | dena | daal do | jod do | chahiye]
  | <amount> [<mode>] (mile | mila | diye | de diye | jama kiye | bheje) [<mode>]
  | <amount> ka payment aaya [<mode>] | pura hisaab chuka diya
  | <amount> [ka saaman] (udhaar | udhaar likho | udhaar diye | baaki likho | likh do | chadha do)
  | (balance | hisaab | khata | udhaar) (batao | dikhao | bolo | kya hai) | balance
  | kitna (baaki | udhaar) hai | kitne paise baaki hain
  | (phone number | number | details) (kya hai | batao | dikhao)
  | <when> [<amount> ka] [payment] reminder [bhejo | bhej do | bhej dena] | <when> yaad (dilao | dilana)
  | reminder cancel karo | reminder mat bhejna
  | [last | pichhla] bill (cancel karo | cancel kar do | radd karo)
  | bill (whatsapp kar do | bhej do) | bhej do;
<english> = give <cref> <e_items> | add <e_items> | <cref> paid <e_money> [by card | by upi | in cash]
  | how much does <cref> owe | how many <product> are left | add <e_qty> <product> to stock
  | remove the <product> | make the <product> <e_qty> | cancel the bill | confirm the bill | yes confirm;
<about_product> = <product> (hata do | hatao | nikal do | remove karo | nahi chahiye | ka stock batao | kitna bacha hai | kitne bache hain | kitne hain | pe <h_qty> percent [discount | chhoot])
  | <product> <h_qty> [<unit>] (kar do | karo | hi rakho | aur aaya hai)
  | <h_qty> [<unit>] <product> aaya [hai];
<fixed> = [theek hai | haan | ho gaya | ok] [bill] (bana do | banao | confirm karo | final karo | pakka karo)
  | confirm karo | ok kar do [bill] | haan | theek hai | ho gaya
  | bill (cancel karo | radd karo) | rehne do [bill mat banao] | bill mat banao
  | low stock dikhao | kaunsa maal kam hai | kya kya khatam hone wala hai
  | (saare | sabhi) reminders dikhao | kaun kaun se reminder lage hain
  | aaj ka hisaab batao | aaj ki bikri kitni hui | aaj kitna kamaya | today summary
  | kul kitna udhaar baaki hai | total pending kitna hai | total kitna udhaar hai | sabka baaki dikhao | kis kis pe udhaar hai
  | undo | galti ho gayi [wapas karo] | wapas karo | pichhla wala hata do
  | [bill pe] <h_qty> percent [discount | chhoot] [de do] | bill pe <amount> kam kar do | [is] bill pe gst (lagao | hatao);
<command> = [<to_customer>] <about_customer> | <english> | <about_product> | <fixed>;
`;

export function buildGrammar(catalog: GrammarCatalog): BuiltGrammar {
  const products = new Set(catalog.products.flatMap(productForms));
  const customers = new Set(catalog.customers.flatMap(customerForms));
  const landmarks = new Set(catalog.customers.map((c) => spokenForm(c.landmark ?? '')).filter(Boolean));
  // An empty shop still gets a grammar that parses (JSGF has no empty alternative).
  if (products.size === 0) products.add('saaman');
  if (customers.size === 0) customers.add('customer');
  if (landmarks.size === 0) landmarks.add('dukaan');

  const body = [
    `<cust> = ${alt(customers)};`,
    `<honor> = ${alt(HONORIFICS)};`,
    `<landmark> = ${alt(landmarks)};`,
    `<product> = ${alt(products)};`,
    `<unit> = ${alt(UNITS)};`,
    `<weekday> = ${alt(WEEKDAYS)};`,
    ...numberRules(),
    SENTENCES.trim().replace(/\n {2}\|/g, ' |'),
  ].join('\n');
  const jsgf = ['#JSGF V1.0;', 'grammar galla;', 'public <utterance> = <command>;', body].join('\n') + '\n';
  const words = new Set<string>();
  // Every token of every right-hand side that is a word (not a rule, operator or keyword).
  for (const line of body.split('\n')) {
    const rhs = line.slice(line.indexOf('=') + 1);
    for (const t of rhs.replace(/<[^>]+>/g, ' ').split(/[\s|()[\];+*]+/)) if (/^[a-z]+$/.test(t)) words.add(t);
  }
  words.add('aur');
  return { jsgf, words: [...words].sort(), key: simpleHash(jsgf) };
}

/** FNV-1a, for naming grammar files by their content. */
export function simpleHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Sentences for the cashier to read when adapting the engine to their voice (./adapt.ts): the shop's
 * own customers and products in the command shapes the grammar has, so every word is in its
 * dictionary and the sounds of this shop's words are heard. Deterministic for a catalog.
 */
export function adaptationPrompts(catalog: GrammarCatalog, count = 24): string[] {
  const products = [...new Set(catalog.products.flatMap(productForms))].sort();
  const customers = [...new Set(catalog.customers.map((c) => spokenForm(c.name)).filter(Boolean))].sort();
  if (products.length === 0 || customers.length === 0) return [];
  const qty = ['ek', 'do', 'teen', 'chaar', 'paanch', 'saat'];
  const amounts = ['do sau', 'teen sau', 'paanch sau', 'saat sau', 'ek hazaar'];
  let seed = 7;
  const pick = <T>(xs: T[]): T => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return xs[seed % xs.length]!;
  };
  const shapes: (() => string)[] = [
    () => `${pick(customers)} ko ${pick(qty)} ${pick(products)} aur ${pick(qty)} ${pick(products)}`,
    () => `${pick(customers)} se ${pick(amounts)} mile`,
    () => `${pick(customers)} ka balance batao`,
    () => `${pick(qty)} kilo ${pick(products)} aur ek packet ${pick(products)}`,
    () => `${pick(customers)} ne ${pick(amounts)} diye upi se`,
    () => `${pick(products)} kitna bacha hai`,
  ];
  const out = new Set<string>();
  for (let i = 0; out.size < count && i < count * 20; i++) out.add(shapes[i % shapes.length]!());
  return [...out];
}
