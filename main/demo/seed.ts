// `--demo`: fills an EMPTY shop with a demo kirana through the same commands the counter uses:
// products, customers with opening balances, and a few days of bills and payments (dated in the
// past with a clock of their own, so the Today screen and the khata have something to show).
import type { Actor } from '../../common/actor';
import type { CommandInput, CommandName } from '../../common/commands';
import { rupeesToPaise } from '../../common/money';
import { fixedClock } from '../commands/context';
import { createDispatcher } from '../commands/dispatch';
import { buildHandlers } from '../commands/table';
import { logger } from '../log';
import type { Services } from '../services';
import { DEMO_CUSTOMERS, DEMO_PRODUCTS, DEMO_SHOP, ean13 } from './catalog';

const log = logger('demo');
const owner: Actor = { role: 'owner', source: 'job', who: 'demo' };

/** A small deterministic random source so every demo shop is the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function seedDemoShop(services: Services): { seeded: boolean } {
  const has = services.db.prepare('SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM customers) AS n').get() as { n: number };
  if (has.n > 0) return { seeded: false };

  const now = services.clock.now();
  const clock = fixedClock(new Date(now.getTime() - 3 * 86_400_000));
  const d = createDispatcher({ db: services.db, clock, handlers: buildHandlers({ reminderQueue: services.reminderQueue }) });
  const run = <N extends CommandName>(name: N, input: CommandInput<N>) => {
    const r = d.dispatch(name, input, owner);
    if (!r.ok) throw new Error(`demo ${name} failed: ${r.error.message}`);
    return r.value;
  };

  services.db.transaction(() => {
    run('settings-update', DEMO_SHOP);
    DEMO_PRODUCTS.forEach((p, i) =>
      run('product-create', {
        name: p.name,
        aliases: p.aliases,
        barcode: ean13(`890${String(1000000 + i * 7919).padStart(9, '0')}`),
        unit: p.unit,
        pricePaise: rupeesToPaise(p.price),
        stock: p.stock,
        hsn: p.hsn,
        gstRateBp: p.gst * 100,
      }),
    );
    const customerIds = DEMO_CUSTOMERS.map(
      (c) =>
        run('customer-create', {
          name: c.name,
          phone: c.phone ?? null,
          nickname: c.nickname ?? null,
          landmark: c.landmark ?? null,
          creditLimitPaise: c.creditLimit === undefined ? null : rupeesToPaise(c.creditLimit),
          openingBalancePaise: rupeesToPaise(c.opening),
        }).id,
    );

    // Three days of trade, 8 to 14 bills a day between 8 am and 9 pm IST.
    const rand = rng(20260310);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    for (let day = 3; day >= 0; day--) {
      const bills = day === 0 ? 5 : 8 + Math.floor(rand() * 7);
      const dayStartIst = Math.floor((now.getTime() + 19_800_000) / 86_400_000) * 86_400_000 - 19_800_000 - day * 86_400_000;
      for (let b = 0; b < bills; b++) {
        const at = dayStartIst + (8 + (b * 13) / bills) * 3_600_000 + Math.floor(rand() * 1_800_000);
        if (at >= now.getTime()) break;
        clock.set(new Date(at));
        const lines = 1 + Math.floor(rand() * 4);
        const items = new Map<string, number>();
        for (let l = 0; l < lines; l++) {
          const p = pick(DEMO_PRODUCTS);
          const loose = p.unit === 'kg';
          items.set(p.name, loose ? pick([0.5, 1, 1.5, 2]) : 1 + Math.floor(rand() * 3));
        }
        const onKhata = rand() < 0.35;
        run('invoice-create', {
          customerId: onKhata ? pick(customerIds) : null,
          items: [...items].map(([productName, quantity]) => ({ productName, quantity })),
          paymentMode: onKhata ? 'credit' : pick(['cash', 'cash', 'upi', 'upi', 'card'] as const),
        });
      }
      clock.set(new Date(dayStartIst + 18 * 3_600_000));
      if (clock.now().getTime() < now.getTime()) {
        // An evening payment from someone who owes, never more than they owe.
        const payer = run('customer-get', { customerId: pick(customerIds) });
        const amountPaise = Math.min(payer.balancePaise, rupeesToPaise(200 + Math.floor(rand() * 6) * 100));
        if (amountPaise > 0) run('ledger-record-payment', { customerId: payer.id, amountPaise, mode: pick(['cash', 'upi'] as const) });
      }
    }
  })();
  log.info(`demo shop ready: ${DEMO_PRODUCTS.length} products, ${DEMO_CUSTOMERS.length} customers`);
  return { seeded: true };
}
