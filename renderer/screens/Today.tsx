// The day at a glance: sales, bills, payments by mode, what went on khata, the cash that should be
// in the drawer, and sales by hour as a plain SVG bar chart.
import { useEffect } from 'react';
import { formatRupees } from '../../common/money';
import { Money } from '../components/Money';
import { useApp } from '../store';
import { Reports } from './Reports';

function HourChart({ byHour }: { byHour: number[] }) {
  const hours = byHour.map((v, h) => ({ v, h })).filter(({ h }) => h >= 7 && h <= 22);
  const max = Math.max(1, ...hours.map((x) => x.v));
  const W = 640;
  const H = 200;
  const bw = W / hours.length;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H + 24}`} role="img" aria-label="sales by hour">
      <line x1={0} y1={H} x2={W} y2={H} className="axis" />
      {hours.map(({ v, h }, i) => {
        const bh = Math.round((v / max) * (H - 20));
        return (
          <g key={h}>
            <rect x={i * bw + 4} y={H - bh} width={bw - 8} height={bh} className="bar">
              <title>{`${h}:00 ${formatRupees(v)}`}</title>
            </rect>
            {v > 0 && (
              <text x={i * bw + bw / 2} y={H - bh - 4} textAnchor="middle" className="bar-label">
                {formatRupees(v, { decimals: false, symbol: false })}
              </text>
            )}
            <text x={i * bw + bw / 2} y={H + 16} textAnchor="middle" className="hour">
              {h}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function Today() {
  const { t, summary: s, todayError, loadToday } = useApp();
  useEffect(() => {
    void loadToday();
  }, [loadToday]);
  if (todayError)
    return (
      <main className="one-pane">
        <div className="notice error">{todayError}</div>
        <Reports />
      </main>
    );
  if (!s) return <main className="one-pane" />;
  const tiles: [string, number][] = [
    [t('today.cash'), s.cashPaymentsPaise],
    [t('today.upi'), s.upiPaymentsPaise],
    [t('today.card'), s.cardPaymentsPaise],
    [t('today.pending'), s.pendingAmountPaise],
  ];
  return (
    <main className="one-pane today" data-testid="today">
      <div className="tiles">
        <div className="tile big">
          <span>{t('today.sales')}</span>
          <Money paise={s.totalSalesPaise} className="huge" />
          <span className="muted">
            {t('today.bills')}: {s.invoiceCount}
          </span>
        </div>
        <div className="tile big drawer">
          <span>{t('today.drawer')}</span>
          <Money paise={s.cashExpectedPaise} className="huge" />
        </div>
        <div className="tile">
          <span>{t('today.payments')}</span>
          <Money paise={s.totalPaymentsPaise} />
          {tiles.map(([label, v]) => (
            <div className="row" key={label}>
              <span className="muted">{label}</span>
              <Money paise={v} />
            </div>
          ))}
        </div>
      </div>
      <h2>{t('today.byHour')}</h2>
      <HourChart byHour={s.salesByHourPaise} />
      <Reports />
    </main>
  );
}
