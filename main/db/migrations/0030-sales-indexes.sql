-- Indexes for the counter's hot paths: product search by word, the low-stock list, a bill's
-- payments and khata entries (read with the bill, reversed by a cancel).

-- Each word of a product's name and aliases, lower-cased: "atta" finds "Aashirvaad Atta 5kg".
CREATE TABLE product_words (
  word       TEXT NOT NULL,
  product_id INTEGER NOT NULL REFERENCES products(id),
  PRIMARY KEY (word, product_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX product_words_product ON product_words(product_id);

-- Products already there: split their names on spaces (the app splits on any non-letter).
WITH RECURSIVE split(pid, rest, word) AS (
  SELECT id, name_key || ' ', '' FROM products
  UNION ALL
  SELECT pid, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1) FROM split WHERE rest <> ''
)
INSERT OR IGNORE INTO product_words (word, product_id) SELECT word, pid FROM split WHERE word <> '';

CREATE INDEX products_low_stock ON products(name_key) WHERE stock_milli <= low_stock_milli;
CREATE INDEX product_aliases_product ON product_aliases(product_id);
CREATE INDEX payments_invoice ON payments(invoice_id) WHERE invoice_id IS NOT NULL;
CREATE INDEX ledger_invoice ON ledger_entries(invoice_id) WHERE invoice_id IS NOT NULL;
CREATE INDEX stock_movements_invoice ON stock_movements(invoice_id) WHERE invoice_id IS NOT NULL;
