import type { ShopSettings } from '../../../common/types';
import type { Db } from '../../db';

export const DEFAULT_SETTINGS: ShopSettings = {
  name: 'Meri Dukaan',
  address: '',
  state: '',
  gstin: null,
  upiVpa: null,
  billPrefix: 'GA',
  confirmPaymentAbovePaise: 500_000,
  lanAccess: false,
  recordVoice: false,
  recordingRetentionDays: 30,
  language: 'en',
};

export function readSettings(db: Db): ShopSettings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in DEFAULT_SETTINGS) out[r.key] = JSON.parse(r.value);
  return out as unknown as ShopSettings;
}

export function writeSettings(db: Db, patch: Partial<ShopSettings>): ShopSettings {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined && k in DEFAULT_SETTINGS) upsert.run(k, JSON.stringify(v));
  }
  return readSettings(db);
}

/** Same state (or either unknown) is an intra-state supply: CGST + SGST; otherwise IGST. */
export function isInterState(shopState: string, customerState: string | null | undefined): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  if (!shopState || !customerState) return false;
  return norm(shopState) !== norm(customerState);
}
