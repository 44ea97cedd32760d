// Customers over HTTP, in the Execora reference's shape: amounts in rupees, ids as strings.
import { z } from 'zod';
import { IdParam, commandRoute } from '../route';
import { RupeesToPaise, SignedRupeesToPaise } from '../money';
import { presentCustomer, presentCustomerBalance, presentCustomerDetail, presentCustomerMatch } from '../present';
import type { RouteModule } from './index';

const text = z.string().nullable().optional();

/** The body's own names (creditLimit and openingBalance in rupees); the command checks the rest. */
const CustomerCreateBody = z.object({
  name: z.string({ message: 'name is required: the customer’s name' }),
  phone: text,
  nickname: text,
  landmark: text,
  notes: text,
  gstin: text,
  state: text,
  creditLimit: RupeesToPaise.nullable().optional(),
  openingBalance: SignedRupeesToPaise.optional(),
});

const CustomerUpdateBody = CustomerCreateBody.omit({ openingBalance: true }).partial();

const SearchQuery = z.object({
  q: z.string({ message: 'q is required: a name, phone, nickname or landmark to look for' }),
  limit: z.string().optional(),
});

const BalancesQuery = z.object({
  onlyOwing: z.enum(['true', 'false'], { message: 'onlyOwing must be true or false' }).optional(),
  limit: z.string().optional(),
});

/** Drops absent keys so the command sees "not given" rather than undefined values. */
const given = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export const customerRoutes: RouteModule = (app, deps) => {
  commandRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/customers/search',
    command: 'customer-search',
    summary: 'Fuzzy Hinglish search by name, nickname, landmark, phone or notes; matchScore 0..1, best first.',
    query: SearchQuery,
    toInput: ({ query }) => given({ q: query.q, limit: query.limit }),
    present: (matches) => matches.map(presentCustomerMatch),
    responseKey: 'customers',
  });
  commandRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/customers/balances',
    command: 'customer-balances',
    summary: 'Customers who owe money, oldest dues first (payments applied first-in-first-out).',
    query: BalancesQuery,
    toInput: ({ query }) => given({ onlyOwing: query.onlyOwing === undefined ? undefined : query.onlyOwing === 'true', limit: query.limit }),
    present: (list) => list.map(presentCustomerBalance),
    responseKey: 'customers',
  });
  commandRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/customers/:id',
    command: 'customer-get',
    summary: 'One customer with their last 5 invoices and scheduled reminders.',
    params: IdParam,
    toInput: ({ params }) => ({ customerId: params.id }),
    present: presentCustomerDetail,
    responseKey: 'customer',
  });
  commandRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/customers',
    command: 'customer-create',
    summary: 'Add a customer; the name must be new (case-insensitive). creditLimit and openingBalance in rupees.',
    body: CustomerCreateBody,
    toInput: ({ body }) => {
      const { creditLimit, openingBalance, ...rest } = body;
      return given({ ...rest, creditLimitPaise: creditLimit, openingBalancePaise: openingBalance });
    },
    present: presentCustomer,
    responseKey: 'customer',
    successStatus: 201,
  });
  commandRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/customers/:id',
    command: 'customer-update',
    summary: 'Change a customer’s details; fields left out stay as they are, null clears one.',
    params: IdParam,
    body: CustomerUpdateBody,
    toInput: ({ params, body }) => {
      const { creditLimit, ...rest } = body;
      return given({ ...rest, customerId: params.id, creditLimitPaise: creditLimit });
    },
    present: presentCustomer,
    responseKey: 'customer',
  });
};
