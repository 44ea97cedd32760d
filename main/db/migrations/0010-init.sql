-- Galla's first schema. Money is INTEGER paise, quantities INTEGER thousandths ("_milli"),
-- times ISO 8601 UTC text. The ledger, stock movements, payments and audit are append-only.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL -- JSON
) STRICT;

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  who         TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('cashier', 'owner')),
  source      TEXT NOT NULL CHECK (source IN ('keyboard', 'touch', 'scanner', 'voice', 'api', 'job')),
  command     TEXT NOT NULL,
  input_json  TEXT NOT NULL,
  -- What the reverser needs; NULL when the command cannot be undone.
  undo_json   TEXT,
  -- Set on the audit row of an undo: the row it reversed.
  undoes_id   INTEGER REFERENCES audit_log(id),
  note        TEXT
) STRICT;
CREATE INDEX audit_log_undoes ON audit_log(undoes_id) WHERE undoes_id IS NOT NULL;

CREATE TABLE customers (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL,
  -- lower-cased, single-spaced name: uniqueness is case-insensitive.
  name_key           TEXT NOT NULL UNIQUE,
  phone              TEXT,
  nickname           TEXT,
  landmark           TEXT,
  notes              TEXT,
  gstin              TEXT,
  state              TEXT,
  credit_limit_paise INTEGER CHECK (credit_limit_paise IS NULL OR credit_limit_paise >= 0),
  -- Kept equal to SUM(ledger_entries.delta_paise) in the same transaction as every entry.
  balance_paise      INTEGER NOT NULL DEFAULT 0,
  -- Phonetic keys of name, nickname, landmark and notes for the fuzzy search (space separated).
  search_keys        TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;
CREATE INDEX customers_phone ON customers(phone) WHERE phone IS NOT NULL;

CREATE TABLE products (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL,
  name_key            TEXT NOT NULL UNIQUE,
  aliases_json        TEXT NOT NULL DEFAULT '[]',
  barcode             TEXT UNIQUE,
  unit                TEXT NOT NULL DEFAULT 'piece',
  price_paise         INTEGER NOT NULL CHECK (price_paise >= 0),
  hsn                 TEXT,
  gst_rate_bp         INTEGER NOT NULL DEFAULT 0 CHECK (gst_rate_bp IN (0, 25, 300, 500, 1200, 1800, 2800)),
  low_stock_milli     INTEGER NOT NULL DEFAULT 10000 CHECK (low_stock_milli >= 0),
  -- Kept equal to SUM(stock_movements.qty_milli); never negative.
  stock_milli         INTEGER NOT NULL DEFAULT 0 CHECK (stock_milli >= 0),
  description         TEXT,
  search_keys         TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;

-- One row per alias, lower-cased, so a spoken "doodh" finds its product by index.
CREATE TABLE product_aliases (
  product_id INTEGER NOT NULL REFERENCES products(id),
  alias_key  TEXT NOT NULL,
  PRIMARY KEY (alias_key, product_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE invoice_series (
  fy          TEXT PRIMARY KEY,          -- "2627" for April 2026 to March 2027
  last_seq    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE invoices (
  id                 INTEGER PRIMARY KEY,
  number             TEXT NOT NULL UNIQUE CHECK (length(number) <= 16),
  fy                 TEXT NOT NULL,
  seq                INTEGER NOT NULL,
  customer_id        INTEGER REFERENCES customers(id),
  status             TEXT NOT NULL CHECK (status IN ('ISSUED', 'CANCELLED')),
  payment_mode       TEXT NOT NULL CHECK (payment_mode IN ('credit', 'cash', 'upi', 'card', 'other', 'split')),
  subtotal_paise     INTEGER NOT NULL,
  discount_paise     INTEGER NOT NULL DEFAULT 0,
  cgst_paise         INTEGER NOT NULL DEFAULT 0,
  sgst_paise         INTEGER NOT NULL DEFAULT 0,
  igst_paise         INTEGER NOT NULL DEFAULT 0,
  total_paise        INTEGER NOT NULL CHECK (total_paise >= 0),
  inter_state        INTEGER NOT NULL DEFAULT 0,
  gst_applied        INTEGER NOT NULL DEFAULT 1,
  credit_override    INTEGER NOT NULL DEFAULT 0,
  notes              TEXT,
  created_at         TEXT NOT NULL,
  cancelled_at       TEXT,
  cancel_reason      TEXT,
  UNIQUE (fy, seq),
  CHECK (payment_mode <> 'credit' OR customer_id IS NOT NULL)
) STRICT;
CREATE INDEX invoices_customer ON invoices(customer_id, id) WHERE customer_id IS NOT NULL;
CREATE INDEX invoices_created ON invoices(created_at);

CREATE TABLE invoice_lines (
  id                INTEGER PRIMARY KEY,
  invoice_id        INTEGER NOT NULL REFERENCES invoices(id),
  line_no           INTEGER NOT NULL,
  product_id        INTEGER NOT NULL REFERENCES products(id),
  product_name      TEXT NOT NULL,
  hsn               TEXT,
  unit              TEXT NOT NULL,
  qty_milli         INTEGER NOT NULL CHECK (qty_milli > 0),
  unit_price_paise  INTEGER NOT NULL CHECK (unit_price_paise >= 0),
  discount_paise    INTEGER NOT NULL DEFAULT 0,
  taxable_paise     INTEGER NOT NULL,
  gst_rate_bp       INTEGER NOT NULL,
  cgst_paise        INTEGER NOT NULL DEFAULT 0,
  sgst_paise        INTEGER NOT NULL DEFAULT 0,
  igst_paise        INTEGER NOT NULL DEFAULT 0,
  total_paise       INTEGER NOT NULL,
  UNIQUE (invoice_id, line_no)
) STRICT;

-- Money that changed hands: receipts (> 0) and refunds (< 0). Append-only.
CREATE TABLE payments (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER REFERENCES customers(id),
  invoice_id    INTEGER REFERENCES invoices(id),
  mode          TEXT NOT NULL CHECK (mode IN ('cash', 'upi', 'card', 'other')),
  amount_paise  INTEGER NOT NULL CHECK (amount_paise <> 0),
  notes         TEXT,
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX payments_created ON payments(created_at);

CREATE TABLE ledger_entries (
  id                INTEGER PRIMARY KEY,
  customer_id       INTEGER NOT NULL REFERENCES customers(id),
  type              TEXT NOT NULL CHECK (type IN ('DEBIT', 'CREDIT', 'OPENING_BALANCE')),
  -- Magnitude for DEBIT/CREDIT; signed for OPENING_BALANCE (negative: an advance).
  amount_paise      INTEGER NOT NULL CHECK (type = 'OPENING_BALANCE' OR amount_paise > 0),
  delta_paise       INTEGER GENERATED ALWAYS AS (CASE type WHEN 'CREDIT' THEN -amount_paise ELSE amount_paise END) VIRTUAL,
  -- SALE, PAYMENT, UDHAAR, RETURN, DISCOUNT, CANCELLATION, REVERSAL, OPENING
  reason            TEXT NOT NULL,
  description       TEXT NOT NULL,
  payment_mode      TEXT CHECK (payment_mode IS NULL OR payment_mode IN ('cash', 'upi', 'card', 'other')),
  invoice_id        INTEGER REFERENCES invoices(id),
  payment_id        INTEGER REFERENCES payments(id),
  reverses_entry_id INTEGER REFERENCES ledger_entries(id),
  created_at        TEXT NOT NULL
) STRICT;
CREATE INDEX ledger_customer ON ledger_entries(customer_id, id);
CREATE INDEX ledger_created ON ledger_entries(created_at);

CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only: write a reversing entry instead'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only: write a reversing entry instead'); END;

CREATE TABLE stock_movements (
  id           INTEGER PRIMARY KEY,
  product_id   INTEGER NOT NULL REFERENCES products(id),
  kind         TEXT NOT NULL CHECK (kind IN ('OPENING', 'IN', 'SALE', 'CANCEL', 'ADJUST')),
  qty_milli    INTEGER NOT NULL CHECK (qty_milli <> 0),
  invoice_id   INTEGER REFERENCES invoices(id),
  note         TEXT,
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX stock_movements_product ON stock_movements(product_id, id);

CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;
CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'payments is append-only'); END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'payments is append-only'); END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE reminders (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  phone         TEXT NOT NULL,
  amount_paise  INTEGER NOT NULL CHECK (amount_paise > 0),
  message       TEXT NOT NULL,
  send_at       TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('SCHEDULED', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'CANCELLED')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT,
  external_id   TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX reminders_due ON reminders(status, send_at);
CREATE INDEX reminders_customer ON reminders(customer_id, status);

-- Open and held bills being built at the counter: drafts, so a reload or crash brings them back.
CREATE TABLE draft_bills (
  id           INTEGER PRIMARY KEY,
  counter      TEXT NOT NULL DEFAULT 'main',
  status       TEXT NOT NULL CHECK (status IN ('OPEN', 'HELD')),
  label        TEXT,
  data_json    TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
