// The khata over HTTP: payments, udhaar and credit adjustments in rupees, the running ledger.
import { z } from 'zod';
import { Id } from '../../../common/commands/fields';
import { presentLedgerEntry } from '../present';
import type { RouteModule } from './index';
import { LimitQuery, PaymentModeField, rupeesField, shopRoute } from './shop-route';

const Amount = rupeesField({ positive: true, example: '500 or 45.50' });
const CustomerId = z.unknown().refine((v) => v !== undefined && v !== null, 'is required').pipe(Id);
const Text = z.string().trim().max(200).optional().nullable();

const PaymentBody = z.object({ customerId: CustomerId, amount: Amount, paymentMode: PaymentModeField.optional(), notes: Text });
const CreditBody = z.object({ customerId: CustomerId, amount: Amount, description: Text });
const UdhaarBody = z.object({ customerId: CustomerId, amount: Amount, description: Text, allowOverCreditLimit: z.boolean().optional() });
const LedgerParams = z.object({ customerId: z.string().regex(/^\d{1,15}$/).transform(Number) });
const LedgerQuery = z.object({ limit: LimitQuery(1000) });

export const ledgerRoutes: RouteModule = (app, deps) => {
  shopRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/ledger/payment',
    summary: 'A payment received from a customer: a CREDIT entry with its mode (cash, upi, card, other).',
    body: PaymentBody,
    responseKey: 'entry',
    successStatus: 201,
    run: ({ body }, call) => ({
      entry: presentLedgerEntry(
        call('ledger-record-payment', { customerId: body.customerId, amountPaise: body.amount, ...(body.paymentMode ? { mode: body.paymentMode } : {}), notes: body.notes ?? null }),
      ),
    }),
  });

  shopRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/ledger/credit',
    summary: 'A credit adjustment (owner): a return or a discount, a CREDIT entry without a payment mode.',
    body: CreditBody,
    responseKey: 'entry',
    successStatus: 201,
    run: ({ body }, call) => ({
      entry: presentLedgerEntry(call('ledger-credit-adjust', { customerId: body.customerId, amountPaise: body.amount, description: body.description ?? null })),
    }),
  });

  shopRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/ledger/udhaar',
    summary: 'Udhaar written by hand: a DEBIT entry, checked against the customer’s credit limit.',
    body: UdhaarBody,
    responseKey: 'entry',
    successStatus: 201,
    run: ({ body }, call) => ({
      entry: presentLedgerEntry(
        call('ledger-add-udhaar', {
          customerId: body.customerId,
          amountPaise: body.amount,
          description: body.description ?? null,
          ...(body.allowOverCreditLimit !== undefined ? { allowOverCreditLimit: body.allowOverCreditLimit } : {}),
        }),
      ),
    }),
  });

  shopRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/ledger/:customerId',
    summary: 'A customer’s khata, newest first, with the balance after each entry (?limit= 1..1000, default 50).',
    params: LedgerParams,
    query: LedgerQuery,
    responseKey: 'entries',
    run: ({ params, query }, call) => ({
      entries: call('ledger-list', { customerId: params.customerId, ...(query.limit !== undefined ? { limit: query.limit as unknown as number } : {}) }).map(presentLedgerEntry),
    }),
  });
};
