// Every call names its source (STYLE note 3) and the role it acts under. No defaults.
export const SOURCES = ['keyboard', 'touch', 'scanner', 'voice', 'api', 'job'] as const;
export type Source = (typeof SOURCES)[number];

export const ROLES = ['cashier', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  role: Role;
  source: Source;
  /** Who is at the counter, for the audit row ("cashier", "owner", a device name). */
  who: string;
}

/** owner may do everything a cashier may. */
export const roleAllows = (have: Role, need: Role): boolean => have === 'owner' || need === 'cashier';
