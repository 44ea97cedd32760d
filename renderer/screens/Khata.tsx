// Who owes (oldest dues first) on the left; the chosen customer's statement with the running
// balance on the right, with payment, udhaar and sharing one key away.
import { useEffect } from 'react';
import { formatRupees } from '../../common/money';
import { ActionButton } from '../components/ActionButton';
import { Money } from '../components/Money';
import { useApp } from '../store';

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en-IN', { day: '2-digit', month: 'short', year: '2-digit', timeZone: 'Asia/Kolkata' }) : '—');

export function Khata() {
  const { t, balances, khataSelected, khataFilter, setKhataFilter, statementOf: c, entries, khataNotice, khataError, loadKhata } = useApp();
  useEffect(() => {
    void loadKhata();
  }, [loadKhata]);
  return (
    <main className="two-pane">
      <section className="pane list-pane">
        <h1>{t('khata.title')}</h1>
        <input className="big-input" name="khata-filter" autoFocus autoComplete="off" placeholder={t('khata.filter')} value={khataFilter} onChange={(e) => setKhataFilter(e.target.value)} />
        {khataError && <div className="notice error">{khataError}</div>}
        {balances.length === 0 && !khataError && <p className="muted">{t('khata.none')}</p>}
        <table className="list" data-testid="balances">
          <thead>
            <tr>
              <th>{t('customer.name')}</th>
              <th className="num">{t('bill.balance')}</th>
              <th>{t('khata.oldest')}</th>
            </tr>
          </thead>
          <tbody>
            {balances.map((b, i) => (
              <tr
                key={b.id}
                className={i === khataSelected ? 'selected' : ''}
                onClick={() => {
                  useApp.setState({ khataSelected: i });
                  void useApp.getState().openStatement(b.id);
                }}
              >
                <td>
                  {b.name}
                  {b.phone && <div className="muted">{b.phone}</div>}
                </td>
                <td className="num">
                  <Money paise={b.balancePaise} className={b.balancePaise > 0 ? 'due' : ''} />
                  {b.creditLimitPaise !== null && b.balancePaise > b.creditLimitPaise && <div className="over">▲ {formatRupees(b.creditLimitPaise)}</div>}
                </td>
                <td>{day(b.oldestDueAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="pane">
        {c ? (
          <>
            <div className="statement-head">
              <div>
                <h1>{t('khata.statement', { name: c.name })}</h1>
                <div className="muted">{[c.phone, c.landmark].filter(Boolean).join(' · ')}</div>
              </div>
              <div className="statement-balance" data-testid="statement-balance">
                <span>{c.balancePaise >= 0 ? t('bill.balance') : t('bill.advance')}</span>
                <Money paise={Math.abs(c.balancePaise)} className={`huge ${c.balancePaise > 0 ? 'due' : ''}`} />
                <span className="muted">
                  {t('bill.limit')} {c.creditLimitPaise == null ? t('bill.noLimit') : formatRupees(c.creditLimitPaise)}
                </span>
              </div>
            </div>
            {khataNotice && (
              <div className="notice ok" data-testid="khata-notice">
                {khataNotice}
              </div>
            )}
            <div className="buttons">
              <ActionButton id="take-payment" variant="primary" />
              <ActionButton id="write-udhaar" />
              <ActionButton id="share" />
            </div>
            <table className="list statement" data-testid="statement">
              <thead>
                <tr>
                  <th>{t('khata.date')}</th>
                  <th>{t('khata.entry')}</th>
                  <th className="num">{t('khata.debit')}</th>
                  <th className="num">{t('khata.credit')}</th>
                  <th className="num">{t('khata.running')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td>{day(e.createdAt)}</td>
                    <td>
                      {e.description}
                      {e.paymentMode && <small className="muted"> · {e.paymentMode.toUpperCase()}</small>}
                    </td>
                    <td className="num due">{e.deltaPaise > 0 ? formatRupees(e.deltaPaise) : ''}</td>
                    <td className="num paid">{e.deltaPaise < 0 ? formatRupees(-e.deltaPaise) : ''}</td>
                    <td className="num">{formatRupees(e.balanceAfterPaise)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="muted">{t('khata.keys')}</p>
        )}
      </section>
      <footer className="screen-keys">{t('khata.keys')}</footer>
    </main>
  );
}
