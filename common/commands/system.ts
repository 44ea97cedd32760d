import { z } from 'zod';
import { command } from './define';
import type { DailySummary, ShopSettings, UndoResult } from '../types';

export const ShopSettingsInput = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  address: z.string().trim().max(300).optional(),
  state: z.string().trim().min(2).max(60).optional(),
  gstin: z.string().trim().toUpperCase().max(15).nullable().optional(),
  upiVpa: z.string().trim().regex(/^[\w.-]{2,256}@[a-zA-Z]{2,64}$/, 'must look like name@bank').nullable().optional(),
  billPrefix: z.string().trim().regex(/^[A-Z0-9]{1,4}$/, 'must be 1 to 4 capital letters or digits').optional(),
  confirmPaymentAbovePaise: z.number().int().nonnegative().optional(),
  lanAccess: z.boolean().optional(),
  recordVoice: z.boolean().optional(),
  recordingRetentionDays: z.number().int().min(1).max(365).optional(),
  language: z.enum(['en', 'hi']).optional(),
});

export const systemCommands = {
  'undo-last': command<UndoResult>()({
    input: z.object({}),
    mutates: true,
    role: 'cashier',
    undo: 'undo',
    description: 'Undo the last mutation by writing its reversal (never by deleting rows).',
  }),
  'summary-daily': command<DailySummary>()({
    input: z.object({}),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'Today’s business (IST midnight to now): bills, sales, payments by mode, pending.',
  }),
  'settings-get': command<ShopSettings>()({
    input: z.object({}),
    mutates: false,
    role: 'cashier',
    undo: 'none',
    description: 'The shop’s settings.',
  }),
  'settings-update': command<ShopSettings>()({
    input: ShopSettingsInput,
    mutates: true,
    role: 'owner',
    undo: 'none',
    description: 'Change the shop’s settings. Owner only.',
  }),
} as const;
