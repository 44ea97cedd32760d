// Type-ahead product search: one product-search per keystroke (lightly debounced); only the newest
// answer is shown. Enter adds the chosen result, or the product whose barcode was typed or scanned.
import type { ScreenSource } from '../../common/bridge';
import type { ProductMatch } from '../../common/types';
import { invoke } from '../bridge';
import { splitQuantityPrefix } from '../lib/parse';
import { quantityForPrice, readScaleLabel } from '../lib/scale';
import { isBarcodeLike, SCAN_MAX_GAP_MS } from '../lib/scanner';
import type { Slice } from './types';

/** A search waits this long only when one is already out. */
export const SEARCH_DEBOUNCE_MS = 15;
export const SEARCH_LIMIT = 8;

export interface SearchSlice {
  query: string;
  results: ProductMatch[];
  /** The query the results answer (they may lag the box by a keystroke). */
  resultsFor: string;
  resultSelected: number;
  setQuery(q: string): void;
  moveResult(delta: number): void;
  clearSearch(): void;
  /** Enter in the search box (a scan ends with Enter too). */
  submitSearch(source: ScreenSource): Promise<void>;
  /** A barcode from the scanner, the keyboard or voice: a scale label or an exact barcode. */
  addByCode(code: string, source: ScreenSource, quantity?: number | null): Promise<boolean>;
}

let seq = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight = false;
/** Keys closer together than a person types are probably a scan: no search per key then. */
let lastKeyAt = -Infinity;

export const createSearchSlice: Slice<SearchSlice> = (set, get) => {
  const search = async (query: string) => {
    const mine = ++seq;
    const { q } = splitQuantityPrefix(query);
    if (!q) return set({ results: [], resultsFor: query, resultSelected: 0 });
    const r = await invoke('product-search', { q, limit: SEARCH_LIMIT }, 'keyboard');
    if (mine !== seq) return; // a newer keystroke's search is on its way
    set({ results: r.ok ? r.value : [], resultsFor: query, resultSelected: 0, billError: r.ok ? get().billError : get().errorText(r.error) });
  };

  /** Searches for the box's current text, one search at a time. */
  const kick = async (): Promise<void> => {
    if (inFlight) return;
    const query = get().query;
    if (!query.trim() || get().resultsFor === query) return;
    inFlight = true;
    try {
      await search(query);
    } finally {
      inFlight = false;
    }
    if (get().query !== query) void kick();
  };

  const exact = async (code: string, source: ScreenSource): Promise<ProductMatch | null> => {
    const r = await invoke('product-search', { q: code, limit: 3 }, source);
    if (!r.ok) {
      set({ billError: get().errorText(r.error) });
      return null;
    }
    return r.value.find((p) => p.barcode === code) ?? null;
  };

  return {
    query: '',
    results: [],
    resultsFor: '',
    resultSelected: 0,

    setQuery: (query) => {
      set({ query, billError: null });
      if (timer) clearTimeout(timer);
      if (!query.trim()) {
        seq++;
        set({ results: [], resultsFor: '', resultSelected: 0 });
        return;
      }
      // At typing speed every key searches at once; while a search is out, the keys that follow
      // (a fast typist, a scanner's burst) fold into one search for the newest text.
      const now = performance.now();
      const burst = now - lastKeyAt < SCAN_MAX_GAP_MS;
      lastKeyAt = now;
      if (inFlight || burst) {
        timer = setTimeout(() => void kick(), burst ? SCAN_MAX_GAP_MS : SEARCH_DEBOUNCE_MS);
        return;
      }
      void kick();
    },
    moveResult: (delta) => set({ resultSelected: Math.max(0, Math.min(get().results.length - 1, get().resultSelected + delta)) }),
    clearSearch: () => {
      if (timer) clearTimeout(timer);
      seq++;
      set({ query: '', results: [], resultsFor: '', resultSelected: 0 });
    },

    submitSearch: async (source) => {
      const { query, t } = get();
      const { quantity, q } = splitQuantityPrefix(query);
      if (!q) return;
      // A fast typist can look like a scanner; only a code-shaped entry is looked up as a barcode.
      if (isBarcodeLike(q) || (source === 'scanner' && /^[0-9A-Za-z-]{4,32}$/.test(q) && /\d/.test(q))) {
        get().clearSearch();
        await get().addByCode(q, source, quantity);
        return;
      }
      // The results on screen may answer an older query: search once more, now.
      if (get().resultsFor !== query) {
        if (timer) clearTimeout(timer);
        await search(query);
      }
      const pick = get().results[get().resultSelected];
      if (!pick) return set({ billError: t('bill.noResults', { q }) });
      get().clearSearch();
      get().addProduct(pick, { quantity: quantity ?? 1 }, source);
    },

    addByCode: async (code, source, quantity = null) => {
      const { t, scale } = get();
      const label = readScaleLabel(code, scale);
      if (label?.kind === 'badCheck') {
        set({ billError: t('error.scaleCheck') });
        return false;
      }
      if (label) {
        const p = await exact(label.itemCode, source);
        if (!p) {
          set({ billError: t('error.scaleItem', { code: label.itemCode }) });
          return false;
        }
        const q = label.kind === 'weight' ? label.quantity : quantityForPrice(label.pricePaise, p.pricePaise);
        get().addProduct(p, { quantity: q, newLine: true }, source);
        return true;
      }
      const p = await exact(code, source);
      if (!p) {
        set({ billError: t('error.unknownBarcode', { code }) });
        return false;
      }
      get().addProduct(p, { quantity: quantity ?? 1 }, source);
      return true;
    },
  };
};
