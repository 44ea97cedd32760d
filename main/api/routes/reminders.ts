import { z } from 'zod';
import { Id } from '../../../common/commands/fields';
import { PositiveRupeesToPaise } from '../money';
import { presentReminder } from '../present';
import { commandRoute, IdParam } from '../route';
import type { RouteModule } from './index';

const CreateBody = z.object({
  customerId: Id,
  /** Rupees; default: what the customer owes. */
  amount: PositiveRupeesToPaise.optional(),
  /** ISO 8601 or words: "kal 7 baje", "aaj 5 baje", "tomorrow". */
  datetime: z.string().max(100).optional(),
  message: z.string().max(1000).optional(),
});

export const reminderRoutes: RouteModule = (app, deps) => {
  commandRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/reminders',
    command: 'reminder-list',
    summary: 'SCHEDULED reminders, optionally for one customer.',
    query: z.object({ customerId: Id.optional() }),
    toInput: ({ query }) => ({ customerId: query.customerId }),
    present: (rs) => rs.map(presentReminder),
    responseKey: 'reminders',
  });
  commandRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/reminders',
    command: 'reminder-create',
    summary: 'Schedule a WhatsApp payment reminder ("kal 7 baje" or ISO 8601).',
    body: CreateBody,
    toInput: ({ body }) => ({ customerId: body.customerId, amountPaise: body.amount, datetime: body.datetime, message: body.message }),
    present: presentReminder,
    responseKey: 'reminder',
    successStatus: 201,
  });
  commandRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/reminders/:id/cancel',
    command: 'reminder-cancel',
    summary: 'Cancel a scheduled reminder.',
    params: IdParam,
    toInput: ({ params }) => ({ reminderId: params.id }),
    present: presentReminder,
    responseKey: 'reminder',
  });
};
