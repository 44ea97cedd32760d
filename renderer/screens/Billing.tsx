// The counter: search and scan on the left with the bill below; the customer, totals and the keys
// on the right. Everything here is reachable from the keyboard; buttons run the same actions.
import { useEffect, useRef } from 'react';
import { formatRupees } from '../../common/money';
import { lineAmount, qtyToMilli } from '../../common/quantity';
import { ActionButton } from '../components/ActionButton';
import { Money } from '../components/Money';
import { VoicePanel } from '../components/VoicePanel';
import { useApp } from '../store';

function SearchBox() {
  const { t, query, setQuery, results, resultSelected, resultsFor, billError, billNotice } = useApp();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const showResults = query.trim() !== '' && resultsFor === query;
  return (
    <div className="search">
      <input
        id="bill-search"
        ref={ref}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('bill.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-label={t('action.search')}
      />
      {billError ? (
        <div className="notice error" role="alert" data-testid="bill-error">
          {billError}
        </div>
      ) : billNotice ? (
        <div className="notice ok">{billNotice}</div>
      ) : null}
      {showResults && (
        <ul className="results" data-testid="results" data-for={resultsFor}>
          {results.length === 0 && <li className="empty">{t('bill.noResults', { q: query })}</li>}
          {results.map((p, i) => (
            <li
              key={p.id}
              className={i === resultSelected ? 'selected' : ''}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                useApp.getState().clearSearch();
                useApp.getState().addProduct(p, {}, 'touch');
              }}
            >
              <span className="name">{p.name}</span>
              <span className="alias">{p.aliases.slice(0, 2).join(', ')}</span>
              <span className="code">{p.barcode ?? ''}</span>
              <span className={`stock ${p.stock <= p.lowStockThreshold ? 'low' : ''}`}>{t('bill.inStock', { n: p.stock })}</span>
              <Money paise={p.pricePaise} />
              {i === resultSelected && <kbd>Enter</kbd>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function BillTable() {
  const { t, data, totals, selectedLine, saving, billVersion } = useApp();
  const current = !saving && totals.lines.length === data.lines.length;
  if (data.lines.length === 0) return <div className="bill-empty">{t('bill.empty')}</div>;
  return (
    <table className="bill" data-testid="bill" data-version={billVersion}>
      <thead>
        <tr>
          <th>#</th>
          <th>{t('bill.item')}</th>
          <th className="num">{t('bill.qty')}</th>
          <th className="num">{t('bill.rate')}</th>
          <th className="num">{t('bill.discount')}</th>
          <th className="num">{t('bill.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {data.lines.map((l, i) => {
          // The line's own amount (the bill discount and GST are in the totals).
          const amount = lineAmount(qtyToMilli(l.quantity), l.unitPricePaise) - l.discountPaise;
          return (
            <tr key={i} className={i === selectedLine ? 'selected' : ''} onClick={() => useApp.getState().selectLine(i)} data-testid="bill-line">
              <td>{i + 1}</td>
              <td className="item">
                {l.name}
                {current && totals.lines[i]!.taxPaise > 0 && <small> +GST {formatRupees(totals.lines[i]!.taxPaise)}</small>}
              </td>
              <td className="num qty">
                {l.quantity} <small>{l.unit}</small>
              </td>
              <td className="num">{formatRupees(l.unitPricePaise)}</td>
              <td className="num">{l.discountPaise ? formatRupees(l.discountPaise) : ''}</td>
              <td className="num">{formatRupees(amount)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function CustomerCard() {
  const { t, data, customer } = useApp();
  if (data.customerId === null) {
    return (
      <div className="card customer walk-in">
        <div className="muted">{t('bill.walkIn')}</div>
        <ActionButton id="customer" variant="quiet" />
      </div>
    );
  }
  const owes = customer?.balancePaise ?? 0;
  return (
    <div className="card customer" data-testid="bill-customer">
      <div className="cust-name">{data.customerName}</div>
      {customer?.phone && <div className="muted">{customer.phone}</div>}
      <div className="cust-figures">
        <span>
          {owes >= 0 ? t('bill.balance') : t('bill.advance')} <Money paise={Math.abs(owes)} className={owes > 0 ? 'due' : ''} />
        </span>
        <span>
          {t('bill.limit')} {customer?.creditLimitPaise == null ? t('bill.noLimit') : <Money paise={customer.creditLimitPaise} />}
        </span>
      </div>
      <ActionButton id="customer" variant="quiet" />
    </div>
  );
}

function Totals() {
  const { t, data, totals, saving, held } = useApp();
  const items = data.lines.length;
  return (
    <div className="card totals" data-testid="totals">
      <div className="row">
        <span>{t('bill.subtotal')}</span>
        <Money paise={totals.subtotalPaise} />
      </div>
      {totals.discountPaise > 0 && (
        <div className="row">
          <span>{t('bill.billDiscount')}</span>
          <Money paise={-totals.discountPaise} />
        </div>
      )}
      <div className="row">
        <span>{t('bill.tax')}</span>
        <Money paise={totals.taxPaise} />
      </div>
      <div className="row grand">
        <span>
          {t('bill.total')} <small>{items === 1 ? t('bill.oneItem') : t('bill.items', { n: items })}</small>
        </span>
        <Money paise={totals.totalPaise} className="grand-total" />
      </div>
      {totals.problem && <div className="notice error">{totals.problem.message}</div>}
      <div className="save-state muted" data-testid="save-state">
        {saving ? t('bill.saving') : items > 0 ? `✓ ${t('bill.saved')}` : ''}
        {held.length > 0 && <span className="held-badge">{t('bill.heldCount', { n: held.length })}</span>}
      </div>
    </div>
  );
}

export function Billing() {
  return (
    <main className="billing">
      <section className="left">
        <SearchBox />
        <div className="bill-wrap">
          <BillTable />
        </div>
        <div className="line-keys">
          <ActionButton id="quantity" />
          <ActionButton id="price" />
          <ActionButton id="line-discount" />
          <ActionButton id="bill-discount" />
          <ActionButton id="plus" />
          <ActionButton id="minus" />
          <ActionButton id="remove" variant="danger" />
        </div>
      </section>
      <aside className="right">
        <CustomerCard />
        <Totals />
        <div className="bill-keys">
          <ActionButton id="pay" variant="primary" />
          <ActionButton id="hold" />
          <ActionButton id="held" />
          <ActionButton id="new-bill" />
        </div>
        <VoicePanel />
      </aside>
    </main>
  );
}
