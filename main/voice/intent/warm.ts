// Runs the engine over a few made-up utterances before the first real one, so V8 has compiled the
// paths a cashier's first words take (a cold first utterance is several times slower). The
// sentences are templates over the shop's own names, not anything the engine is tested on.
import type { IntentEngine } from './engine';
import type { ShopView } from './shop';

const TEMPLATES = [
  '{c} ko do {p} aur ek {q}',
  'dedh kilo {p}, aadha kilo {q}',
  '{c} ne paanch sau rupaye diye UPI se',
  '{c} ke khate mein 200 likh do',
  '{c} ka balance batao',
  '{p} kitna bacha hai',
  '20 packet {p} aaya',
  '{c} ko kal subah 10 baje reminder bhejo',
  '{p} hata do',
  'haan bill bana do',
  'aaj ki bikri kitni hui',
  'kis kis pe udhaar hai',
  'undo karo',
  'naya customer banao Ravi Kumar 9876512345',
  '{c} ka balance batao aur {c} ko reminder bhejo',
  'पांच सौ रुपये मिले',
  '{c} ne kal 500 diye the',
  '{p} do, 200 cash aur 100 UPI se',
  '{c} ko 15/4 ko reminder bhejo',
  '{c} ka blance batao {c} ko reminder bhejo',
];

export function warmUp(engine: IntentEngine, shop: ShopView, now: Date, rounds = 3): void {
  const products = shop.productMatcher().products.slice(0, 3).map((p) => p.aliases[0] ?? p.name);
  const customers = shop.customerNames().slice(0, 2);
  const p = products[0] ?? 'doodh';
  const q = products[1] ?? p;
  const c = customers[0] ?? 'Ravi';
  for (let r = 0; r < rounds; r++) {
    for (const t of TEMPLATES) engine.parse(t.replaceAll('{c}', c).replaceAll('{p}', p).replaceAll('{q}', q), now);
  }
}
