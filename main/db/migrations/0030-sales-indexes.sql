-- Indexes for the counter's hot paths: product search by word, the low-stock list, a bill's
-- payments (read with the bill, refunded by a cancel). Every index on a table a bill writes costs a
-- page per bill at commit, so a bill's khata entry and stock movements are found through their
-- customer's and the bill's lines instead of an index of their own.

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
