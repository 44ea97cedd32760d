import { z } from 'zod';
import { command } from './define';
import { Id, OptionalText, PositivePaise } from './fields';
import type { Reminder } from '../types';

export const reminderCommands = {
  'reminder-create': command<Reminder>()({
    input: z.object({
      customerId: Id,
      /** Default: the customer's balance. */
      amountPaise: PositivePaise.optional(),
      /** ISO 8601, or words: "kal 7 baje", "aaj 5 baje", "tomorrow"; anything else is an hour from now. */
      datetime: z.string().trim().max(100).optional(),
      message: OptionalText(1000),
    }),
    mutates: true,
    role: 'cashier',
    undo: 'reversible',
    description: 'Schedule a WhatsApp payment reminder for a customer who has a phone.',
  }),
  'reminder-list': command<Reminder[]>()({
    input: z.object({ customerId: Id.optional() }),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'SCHEDULED reminders, soonest first, optionally for one customer.',
  }),
  'reminder-cancel': command<Reminder>()({
    input: z.object({ reminderId: Id }),
    mutates: true,
    role: 'cashier',
    undo: 'none',
    description: 'Cancel a scheduled reminder.',
  }),
} as const;
