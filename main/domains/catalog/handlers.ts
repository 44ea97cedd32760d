import type { catalogCommands } from '../../../common/commands/catalog';
import { AppError } from '../../../common/errors';
import { milliToQty, qtyToMilli } from '../../../common/quantity';
import type { HandlerTable, ReverserTable } from '../../commands/context';
import { lowStockProducts, listMovements, listProducts, readMovement, requireProductRow, searchProducts, toProduct } from './read';
import { createProduct, fieldsOf, moveStock, type ProductFields, writeProductFields } from './write';

type Names = keyof typeof catalogCommands;

interface ProductUpdateUndo {
  productId: number;
  before: ProductFields;
}

interface StockInUndo {
  productId: number;
  movementId: number;
  qtyMilli: number;
}

export const catalogHandlers: HandlerTable<Names> = {
  'product-create': (ctx, input) => toProduct(requireProductRow(ctx.db, createProduct(ctx.db, input, ctx.at))),

  'product-update': (ctx, input) => {
    const row = requireProductRow(ctx.db, input.productId);
    const before = fieldsOf(row);
    const after: ProductFields = {
      name: input.name ?? before.name,
      aliases: input.aliases ?? before.aliases,
      barcode: input.barcode === undefined ? before.barcode : input.barcode,
      unit: input.unit ?? before.unit,
      pricePaise: input.pricePaise ?? before.pricePaise,
      hsn: input.hsn === undefined ? before.hsn : input.hsn,
      gstRateBp: input.gstRateBp ?? before.gstRateBp,
      lowStockThreshold: input.lowStockThreshold ?? before.lowStockThreshold,
    };
    writeProductFields(ctx.db, row.id, after, ctx.at);
    ctx.setUndo({ productId: row.id, before } satisfies ProductUpdateUndo);
    return toProduct(requireProductRow(ctx.db, row.id));
  },

  'product-get': (ctx, input) => toProduct(requireProductRow(ctx.db, input.productId)),
  'product-list': (ctx, input) => listProducts(ctx.db, input.limit, input.offset),
  'product-search': (ctx, input) => searchProducts(ctx.db, input.q, input.limit),
  'product-low-stock': (ctx) => lowStockProducts(ctx.db),

  'stock-in': (ctx, input) => {
    const row = requireProductRow(ctx.db, input.productId);
    const qtyMilli = qtyToMilli(input.quantity);
    const { movementId } = moveStock(ctx.db, { productId: row.id, kind: 'IN', qtyMilli, invoiceId: null, note: input.note ?? null, at: ctx.at });
    ctx.setUndo({ productId: row.id, movementId, qtyMilli } satisfies StockInUndo);
    return { product: toProduct(requireProductRow(ctx.db, row.id)), movement: readMovement(ctx.db, movementId)! };
  },

  'stock-movements': (ctx, input) => {
    requireProductRow(ctx.db, input.productId);
    return listMovements(ctx.db, input.productId, input.limit);
  },
};

export const catalogReversers: ReverserTable<Names> = {
  'product-update': (ctx, data) => {
    const { productId, before } = data as ProductUpdateUndo;
    const row = requireProductRow(ctx.db, productId);
    writeProductFields(ctx.db, productId, before, ctx.at);
    return `${row.name} is back to how it was before the edit`;
  },
  'stock-in': (ctx, data) => {
    const { productId, qtyMilli } = data as StockInUndo;
    const row = requireProductRow(ctx.db, productId);
    if (row.stock_milli < qtyMilli) {
      throw new AppError(
        'CONFLICT',
        `Cannot undo the stock-in of ${milliToQty(qtyMilli)} ${row.unit} ${row.name}: only ${milliToQty(row.stock_milli)} is left in stock (some was sold). Correct the stock instead.`,
      );
    }
    moveStock(ctx.db, { productId, kind: 'ADJUST', qtyMilli: -qtyMilli, invoiceId: null, note: 'Undo of a stock-in', at: ctx.at });
    return `Stock-in of ${milliToQty(qtyMilli)} ${row.unit} ${row.name} undone`;
  },
};
