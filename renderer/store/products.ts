// Products: the list (or a search), low stock, add and edit (the owner), stock arriving.
import type { ScreenSource } from '../../common/bridge';
import type { Product } from '../../common/types';
import { invoke } from '../bridge';
import { parseQuantity, parseRupees, paiseToInput } from '../lib/parse';
import type { Slice } from './types';

export interface ProductForm {
  kind: 'add' | 'edit' | 'stock';
  productId: number | null;
  name: string;
  aliases: string;
  barcode: string;
  unit: string;
  price: string;
  stock: string;
  gst: string;
  hsn: string;
  low: string;
  quantity: string;
  error: string | null;
  field: string | null;
}

export interface ProductsSlice {
  productList: Product[];
  productFilter: string;
  lowOnly: boolean;
  productSelected: number;
  productForm: ProductForm | null;
  productNotice: string | null;
  productError: string | null;
  loadProducts(): Promise<void>;
  setProductFilter(q: string): void;
  toggleLowOnly(): void;
  moveProduct(delta: number): void;
  openProductForm(kind: ProductForm['kind']): void;
  setProductForm(patch: Partial<ProductForm>): void;
  saveProductForm(source: ScreenSource): Promise<boolean>;
}

const blank: ProductForm = { kind: 'add', productId: null, name: '', aliases: '', barcode: '', unit: 'piece', price: '', stock: '0', gst: '0', hsn: '', low: '10', quantity: '', error: null, field: null };
let seq = 0;

export const createProductsSlice: Slice<ProductsSlice> = (set, get) => ({
  productList: [],
  productFilter: '',
  lowOnly: false,
  productSelected: 0,
  productForm: null,
  productNotice: null,
  productError: null,

  loadProducts: async () => {
    const mine = ++seq;
    const q = get().productFilter.trim();
    const r = get().lowOnly ? await invoke('product-low-stock', {}, 'keyboard') : q ? await invoke('product-search', { q, limit: 50 }, 'keyboard') : await invoke('product-list', { limit: 200 }, 'keyboard');
    if (mine !== seq) return;
    if (!r.ok) return set({ productError: get().errorText(r.error) });
    set({ productList: r.value, productError: null, productSelected: Math.min(get().productSelected, Math.max(0, r.value.length - 1)) });
  },
  setProductFilter: (productFilter) => {
    set({ productFilter, productSelected: 0 });
    void get().loadProducts();
  },
  toggleLowOnly: () => {
    set({ lowOnly: !get().lowOnly, productSelected: 0 });
    void get().loadProducts();
  },
  moveProduct: (delta) => set({ productSelected: Math.max(0, Math.min(get().productList.length - 1, get().productSelected + delta)) }),
  openProductForm: (kind) => {
    const p = get().productList[get().productSelected];
    if (kind !== 'add' && !p) return;
    const form: ProductForm =
      kind === 'add' || !p
        ? { ...blank, barcode: /^\d{6,14}$/.test(get().productFilter.trim()) ? get().productFilter.trim() : '' }
        : { ...blank, kind, productId: p.id, name: p.name, aliases: p.aliases.join(', '), barcode: p.barcode ?? '', unit: p.unit, price: paiseToInput(p.pricePaise), stock: String(p.stock), gst: String(p.gstRateBp / 100), hsn: p.hsn ?? '', low: String(p.lowStockThreshold) };
    set({ productForm: form, dialog: 'productForm', productNotice: null });
  },
  setProductForm: (patch) => {
    const f = get().productForm;
    if (f) set({ productForm: { ...f, ...patch, error: null, field: null } });
  },
  saveProductForm: async (source) => {
    const { productForm: f, t } = get();
    if (!f) return false;
    const fail = (error: string, field: string) => (set({ productForm: { ...f, error, field } }), false);
    let r;
    if (f.kind === 'stock') {
      const q = parseQuantity(f.quantity);
      if (!q.ok) return fail(t(q.error), 'quantity');
      r = await invoke('stock-in', { productId: f.productId!, quantity: q.value }, source);
    } else {
      const price = parseRupees(f.price, 'error.price', { allowZero: true });
      if (!price.ok) return fail(t(price.error), 'price');
      const gst = Math.round(Number(f.gst || '0') * 100);
      const common = {
        name: f.name,
        aliases: f.aliases.split(',').map((a) => a.trim()).filter(Boolean),
        barcode: f.barcode.trim() || null,
        unit: f.unit.trim() || 'piece',
        pricePaise: price.value,
        gstRateBp: gst,
        hsn: f.hsn.trim() || null,
      };
      if (f.kind === 'add') {
        const stock = parseQuantity(f.stock || '0');
        r = await invoke('product-create', { ...common, stock: f.stock.trim() === '0' || !f.stock.trim() ? 0 : stock.ok ? stock.value : -1 }, source);
      } else r = await invoke('product-update', { productId: f.productId!, ...common }, source);
    }
    if (!r.ok) {
      if (r.error.code === 'FORBIDDEN') get().askOwner(() => void get().saveProductForm(source), get().errorText(r.error));
      return fail(get().errorText(r.error), r.error.field ?? '');
    }
    set({ productForm: null, dialog: null, productNotice: t('products.saved', { name: 'product' in r.value ? r.value.product.name : r.value.name }) });
    await get().loadProducts();
    return true;
  },
});
