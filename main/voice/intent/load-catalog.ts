// Loads a shop described as JSON (the eval's catalog.json shape) into a fresh shop through the
// command table, as the owner would type it in: settings, customers with opening balances, products.
// Rupees and GST percent are turned into paise and basis points here, at the edge.
import { z } from 'zod';
import type { Actor } from '../../../common/actor';
import { rupeesToPaise } from '../../../common/money';
import { AppError } from '../../../common/errors';
import type { Dispatcher } from '../../commands/dispatch';

const CatalogFile = z.object({
  shop: z.object({ name: z.string().optional(), state: z.string().optional() }).partial().optional(),
  customers: z
    .array(
      z.object({
        name: z.string(),
        phone: z.string().nullable().optional(),
        nickname: z.string().nullable().optional(),
        landmark: z.string().nullable().optional(),
        balance: z.number().default(0),
      }),
    )
    .default([]),
  products: z
    .array(
      z.object({
        name: z.string(),
        aliases: z.array(z.string()).default([]),
        price: z.number(),
        stock: z.number().default(0),
        unit: z.string().default('piece'),
        gstRate: z.number().default(0),
        hsn: z.string().nullable().optional(),
        lowStockThreshold: z.number().optional(),
      }),
    )
    .default([]),
});

export type CatalogFileData = z.output<typeof CatalogFile>;

const LOADER: Actor = { role: 'owner', source: 'job', who: 'catalog-loader' };

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!r.ok) throw new AppError('VALIDATION', `${what}: ${r.error.message}`);
  return r.value;
}

/** Validates a catalog file's JSON and writes it into the shop behind `dispatcher`. */
export function loadCatalog(dispatcher: Dispatcher, json: unknown): CatalogFileData {
  const parsed = CatalogFile.safeParse(json);
  if (!parsed.success) throw new AppError('VALIDATION', `catalog file: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  const data = parsed.data;
  if (data.shop && (data.shop.name || data.shop.state)) {
    must(dispatcher.dispatch('settings-update', { name: data.shop.name, state: data.shop.state }, LOADER), 'shop');
  }
  for (const c of data.customers) {
    const input = {
      name: c.name,
      phone: c.phone ?? null,
      nickname: c.nickname ?? null,
      landmark: c.landmark ?? null,
      ...(c.balance ? { openingBalancePaise: rupeesToPaise(c.balance) } : {}),
    };
    must(dispatcher.dispatch('customer-create', input, LOADER), `customer ${c.name}`);
  }
  for (const p of data.products) {
    const input = {
      name: p.name,
      aliases: p.aliases,
      unit: p.unit,
      pricePaise: rupeesToPaise(p.price),
      stock: p.stock,
      hsn: p.hsn ?? null,
      gstRateBp: Math.round(p.gstRate * 100),
      ...(p.lowStockThreshold !== undefined ? { lowStockThreshold: p.lowStockThreshold } : {}),
    };
    must(dispatcher.dispatch('product-create', input, LOADER), `product ${p.name}`);
  }
  return data;
}
