// Products over HTTP: rupees and GST percent at this edge, paise and basis points inside.
import { z } from 'zod';
import { ProductCreateInput, ProductUpdateInput } from '../../../common/commands/catalog';
import { GST_RATES_BP, NonNegativeQuantity, Quantity } from '../../../common/commands/fields';
import { presentProduct, presentStockMovement } from '../present';
import { IdParam } from '../route';
import type { RouteModule } from './index';
import { LimitQuery, rupeesField, shopRoute } from './shop-route';

/** GST in percent (18, 0.25) -> basis points (1800, 25); only the rates India uses. */
export const GstPercent = z
  .number({ message: 'must be a GST percent: 0, 0.25, 3, 5, 12, 18 or 28' })
  .refine((p) => (GST_RATES_BP as readonly number[]).includes(Math.round(p * 100)) && Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, 'must be one of 0, 0.25, 3, 5, 12, 18 or 28 percent')
  .transform((p) => Math.round(p * 100));

const Price = rupeesField({ positive: false, example: '45.50' });

const create = ProductCreateInput.shape;
const ProductBody = z.object({
  name: create.name,
  price: Price,
  stock: NonNegativeQuantity.optional(),
  unit: create.unit,
  aliases: create.aliases,
  barcode: create.barcode,
  hsn: create.hsn,
  gstRate: GstPercent.optional(),
  lowStockThreshold: NonNegativeQuantity.optional(),
  description: create.description,
});

const update = ProductUpdateInput.shape;
const ProductPatch = z
  .object({
    name: update.name,
    price: rupeesField({ positive: false, example: '45.50' }).optional(),
    unit: update.unit,
    aliases: update.aliases,
    barcode: update.barcode,
    hsn: update.hsn,
    gstRate: GstPercent.optional(),
    lowStockThreshold: update.lowStockThreshold,
    stock: z.unknown().optional(),
  })
  .refine((b) => b.stock === undefined, { message: 'stock cannot be set here: send stock arriving to POST /api/v1/products/:id/stock-in', path: ['stock'] });

const ProductQuery = z.object({
  q: z.string().max(100).optional(),
  limit: LimitQuery(100_000),
  offset: z.string().regex(/^\d{1,9}$/, 'must be a whole number').optional(),
});

const StockInBody = z.object({
  quantity: Quantity,
  note: z.string().trim().max(200).optional().nullable(),
});

export const catalogRoutes: RouteModule = (app, deps) => {
  shopRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/products',
    summary: 'All products by name, or with ?q= the counter search (exact barcode first, then names and Hinglish aliases).',
    query: ProductQuery,
    responseKey: 'products',
    run: ({ query }, call) => {
      const q = query.q?.trim();
      const products = q
        ? call('product-search', { q, ...(query.limit !== undefined ? { limit: query.limit as unknown as number } : {}) }).map((m) => ({
            ...presentProduct(m),
            matchScore: m.matchScore,
          }))
        : call('product-list', {
            ...(query.limit !== undefined ? { limit: query.limit as unknown as number } : {}),
            ...(query.offset !== undefined ? { offset: query.offset as unknown as number } : {}),
          }).map(presentProduct);
      return { products };
    },
  });

  shopRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/products/low-stock',
    summary: 'Products at or below their low-stock threshold.',
    responseKey: 'products',
    run: (_parts, call) => ({ products: call('product-low-stock', {}).map(presentProduct) }),
  });

  shopRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/products/:id',
    summary: 'One product with its current stock.',
    params: IdParam,
    responseKey: 'product',
    run: ({ params }, call) => ({ product: presentProduct(call('product-get', { productId: params.id })) }),
  });

  shopRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/products',
    summary: 'Add a product (owner): name, price in rupees, stock, unit, aliases, barcode, HSN, GST percent, low-stock threshold.',
    body: ProductBody,
    responseKey: 'product',
    successStatus: 201,
    run: ({ body }, call) => {
      const { price, gstRate, ...rest } = body;
      const product = call('product-create', {
        ...rest,
        pricePaise: price,
        ...(gstRate !== undefined ? { gstRateBp: gstRate } : {}),
      });
      return { product: presentProduct(product) };
    },
  });

  shopRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/products/:id',
    summary: 'Edit a product (owner): price, aliases, barcode, GST and the rest; undo puts the old values back.',
    params: IdParam,
    body: ProductPatch,
    responseKey: 'product',
    run: ({ params, body }, call) => {
      const { price, gstRate, stock: _stock, ...rest } = body;
      const product = call('product-update', {
        productId: params.id,
        ...rest,
        ...(price !== undefined ? { pricePaise: price } : {}),
        ...(gstRate !== undefined ? { gstRateBp: gstRate } : {}),
      });
      return { product: presentProduct(product) };
    },
  });

  shopRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/products/:id/stock-in',
    summary: 'Stock arriving: an IN movement that raises the stock. Answers { product, movement }.',
    params: IdParam,
    body: StockInBody,
    responseKey: 'product',
    run: ({ params, body }, call) => {
      const r = call('stock-in', { productId: params.id, quantity: body.quantity, note: body.note ?? null });
      return { product: presentProduct(r.product), movement: presentStockMovement(r.movement) };
    },
  });
};
