// What the engine reads from the shop, through the command table like every other caller (STYLE
// note 2): the catalog (product-list, kept until a product changes) and customer-search.
import type { Actor } from '../../../common/actor';
import type { CustomerMatch } from '../../../common/types';
import type { Dispatcher } from '../../commands/dispatch';
import { logger } from '../../log';
import { ProductMatcher } from './products';

const log = logger('intent-shop');

export interface ShopView {
  /** The catalog's matcher; the same object until a product is added, edited or an undo runs. */
  productMatcher(): ProductMatcher;
  /** customer-search, best first. */
  searchCustomers(q: string): readonly CustomerMatch[];
  /** Every customer's name, for the fallback parser's choices. */
  customerNames(): string[];
}

const CATALOG_CHANGES = new Set(['product-create', 'product-update', 'undo-last']);

/** A ShopView over the dispatcher; call dispose() to stop listening for catalog changes. */
export function dispatcherShop(dispatcher: Dispatcher, actor: Actor): ShopView & { dispose(): void } {
  let matcher: ProductMatcher | null = null;
  const stop = dispatcher.onCommand((e) => {
    if (e.ok && e.mutates && CATALOG_CHANGES.has(e.name)) matcher = null;
  });
  return {
    productMatcher() {
      if (matcher) return matcher;
      const r = dispatcher.dispatch('product-list', { limit: 100_000 }, actor);
      if (!r.ok) {
        // Products not readable (yet): understand with an empty catalog and try again next time.
        log.warn(`product-list failed: ${r.error.code} ${r.error.message}`);
        return new ProductMatcher([]);
      }
      matcher = new ProductMatcher(r.value);
      return matcher;
    },
    searchCustomers(q) {
      const r = dispatcher.dispatch('customer-search', { q, limit: 10 }, actor);
      if (!r.ok) {
        if (r.error.code !== 'VALIDATION') log.warn(`customer-search failed: ${r.error.code} ${r.error.message}`);
        return [];
      }
      return r.value;
    },
    customerNames() {
      const r = dispatcher.dispatch('customer-balances', { onlyOwing: false, limit: 1000 }, actor);
      return r.ok ? r.value.map((c) => c.name) : [];
    },
    dispose: stop,
  };
}
