import { z } from 'zod';
import { command } from './define';
import { GstRateBp, Id, Limit, Name, NonNegativeQuantity, OptionalText, PaiseAmount, Quantity } from './fields';
import type { Product, ProductMatch, StockMovement } from '../types';

const Barcode = z.string().trim().regex(/^[0-9A-Za-z-]{4,32}$/, 'must be 4 to 32 letters or digits as printed under the bars');
const Aliases = z.array(z.string().trim().min(1).max(60)).max(30);
const Unit = z.string().trim().min(1).max(20);

export const ProductCreateInput = z.object({
  name: Name('Product name'),
  aliases: Aliases.default([]),
  barcode: Barcode.optional().nullable(),
  unit: Unit.default('piece'),
  pricePaise: PaiseAmount,
  /** Opening stock, in the product's unit. */
  stock: NonNegativeQuantity.default(0),
  hsn: z.string().trim().regex(/^\d{4,8}$/, 'must be 4 to 8 digits').optional().nullable(),
  gstRateBp: GstRateBp.default(0),
  lowStockThreshold: NonNegativeQuantity.default(10),
  description: OptionalText(200),
});

export const ProductUpdateInput = z.object({
  productId: Id,
  name: Name('Product name').optional(),
  aliases: Aliases.optional(),
  barcode: Barcode.optional().nullable(),
  unit: Unit.optional(),
  pricePaise: PaiseAmount.optional(),
  hsn: z.string().trim().regex(/^\d{4,8}$/, 'must be 4 to 8 digits').optional().nullable(),
  gstRateBp: GstRateBp.optional(),
  lowStockThreshold: NonNegativeQuantity.optional(),
});

export const catalogCommands = {
  'product-create': command<Product>()({
    input: ProductCreateInput,
    mutates: true,
    role: 'owner',
    undo: 'none',
    description: 'Add a product with its aliases, barcode, unit, price, opening stock, HSN and GST rate.',
  }),
  'product-update': command<Product>()({
    input: ProductUpdateInput,
    mutates: true,
    role: 'owner',
    undo: 'reversible',
    description: 'Edit a product (price, aliases, barcode, GST). Owner only.',
  }),
  'product-get': command<Product>()({
    input: z.object({ productId: Id }),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'One product with its current stock.',
  }),
  'product-list': command<Product[]>()({
    input: z.object({ limit: Limit(100_000, 1000), offset: z.coerce.number().int().nonnegative().default(0) }),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'All products with current stock, by name.',
  }),
  'product-search': command<ProductMatch[]>()({
    input: z.object({ q: z.string().trim().min(1, 'q is required: a name, alias or barcode').max(100), limit: Limit(50, 10) }),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'Products by name, Hinglish alias or barcode (an exact barcode first).',
  }),
  'product-low-stock': command<Product[]>()({
    input: z.object({}),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'Products whose stock is at or below their low-stock threshold.',
  }),
  'stock-in': command<{ product: Product; movement: StockMovement }>()({
    input: z.object({ productId: Id, quantity: Quantity, note: OptionalText(200) }),
    mutates: true,
    role: 'cashier',
    undo: 'reversible',
    description: 'Stock arriving: a stock-in movement that raises the product’s stock.',
  }),
  'stock-movements': command<StockMovement[]>()({
    input: z.object({ productId: Id, limit: Limit(1000, 100) }),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'A product’s stock movements, newest first.',
  }),
} as const;
