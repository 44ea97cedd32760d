// The owner's monthly reports on the Today screen: GSTR-1 as the GST offline tool's JSON, and sales
// and GST for the same month. Hidden for the cashier; the commands' role check is what decides.
import { useEffect, useRef } from 'react';
import { Money } from '../components/Money';
import { istMonth } from '../lib/report-month';
import { useApp } from '../store';

function monthName(month: string, lang: 'en' | 'hi'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(lang === 'hi' ? 'hi-IN' : 'en-IN', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function SalesTable() {
  const { t, sales: r, salesError } = useApp();
  if (salesError) return <div className="notice error" role="alert" data-testid="sales-error">{salesError}</div>;
  if (!r) return null;
  const rows: [string, number][] = [
    [t('reports.gross'), r.grossSalesPaise],
    [t('reports.discounts'), -r.discountPaise],
    [t('reports.net'), r.netSalesPaise],
    [t('reports.cgst'), r.cgstPaise],
    [t('reports.sgst'), r.sgstPaise],
    [t('reports.igst'), r.igstPaise],
    [t('reports.billed'), r.billedPaise],
    [t('reports.cancelled', { count: r.cancelledCount }), r.cancelledPaise],
    [t('reports.payCash'), r.paymentsByModePaise.cash],
    [t('reports.payUpi'), r.paymentsByModePaise.upi],
    [t('reports.payCard'), r.paymentsByModePaise.card],
    [t('reports.payOther'), r.paymentsByModePaise.other],
    [t('reports.udhaarWritten'), r.udhaarWrittenPaise],
    [t('reports.udhaarCollected'), r.udhaarCollectedPaise],
  ];
  return (
    <>
      <table className="list report" data-testid="sales-report">
        <tbody>
          <tr>
            <th>{t('reports.invoices')}</th>
            <td className="num">{r.invoiceCount}</td>
          </tr>
          {rows.map(([label, v]) => (
            <tr key={label}>
              <th>{label}</th>
              <td className="num">
                <Money paise={v} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!r.costKnown && <p className="muted" data-testid="no-profit">{t('reports.noProfit')}</p>}
    </>
  );
}

function Gstr1Result() {
  const { t, gstr1: g, gstr1Error } = useApp();
  if (gstr1Error) return <div className="notice error" role="alert" data-testid="gstr1-error">{gstr1Error}</div>;
  if (!g) return null;
  return (
    <div data-testid="gstr1-result">
      <div className="notice ok">{t('reports.saved', { file: g.fileName })}</div>
      <div className="report-counts">
        <span>
          {t('reports.b2b')}: <b data-testid="gstr1-b2b">{g.b2bInvoiceCount}</b>
        </span>
        <span>
          {t('reports.b2c')}: <b data-testid="gstr1-b2c">{g.b2cInvoiceCount}</b>
        </span>
        <span>
          {t('reports.totalGst')}: <Money paise={g.cgstPaise + g.sgstPaise + g.igstPaise} />
        </span>
      </div>
      {g.warnings.length > 0 && (
        <div className="notice warn" data-testid="gstr1-warnings">
          {t('reports.warnings')}:
          <ul>
            {g.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function Reports() {
  const { t, lang, role, reportMonth, setReportMonth, gstr1Busy, downloadGstr1, loadSales } = useApp();
  const isOwner = role === 'owner';
  // Opening Today loads the figures (loadToday); an owner unlocking while on the screen loads them then.
  const wasOwner = useRef(isOwner);
  useEffect(() => {
    if (isOwner && !wasOwner.current) void loadSales();
    wasOwner.current = isOwner;
  }, [isOwner, loadSales]);
  if (!isOwner) return null;
  return (
    <section className="card reports" data-testid="reports">
      <h2>{t('reports.title')}</h2>
      <div className="report-bar">
        <label>
          {t('reports.month')} <kbd>Alt+M</kbd>
          <input id="report-month" type="month" name="report-month" className="big-input" value={reportMonth} max={istMonth(Date.now())} onChange={(e) => setReportMonth(e.target.value)} />
        </label>
        <span className="muted">{t('reports.monthHint')}</span>
        <button type="button" className="action primary" data-action="gstr1" disabled={gstr1Busy} onMouseDown={(e) => e.preventDefault()} onClick={() => void downloadGstr1('touch')}>
          <span className="action-label">{t('reports.gstr1')}</span>
          <kbd>Alt+G</kbd>
        </button>
      </div>
      <Gstr1Result />
      <h3>{t('reports.sales', { month: monthName(reportMonth, lang) })}</h3>
      <SalesTable />
      <footer className="screen-keys">{t('reports.keys')}</footer>
    </section>
  );
}
