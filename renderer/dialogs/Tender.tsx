// Payment and the receipt. The UPI QR is drawn into a canvas by the qrcode package (no network).
import { useEffect, useRef } from 'react';
import QRCode from 'qrcode';
import { formatRupees } from '../../common/money';
import { upiPayUrl } from '../lib/upi';
import { paiseToInput } from '../lib/parse';
import { useApp } from '../store';
import { cashGiven, TENDER_MODES, type TenderMode } from '../store/tender';
import { Field, Modal } from './Modal';
import { Money } from '../components/Money';

const modeLabel = { cash: 'action.cash', upi: 'action.upi', card: 'action.card', credit: 'action.khata', split: 'action.split' } as const;
const modeKey: Record<TenderMode, string> = { cash: 'C', upi: 'U', card: 'D', credit: 'K', split: 'S' };

function UpiQr({ url }: { url: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) void QRCode.toCanvas(ref.current, url, { width: 220, margin: 1, errorCorrectionLevel: 'M' }).catch(() => undefined);
  }, [url]);
  return <canvas ref={ref} className="qr" data-testid="upi-qr" data-url={url} />;
}

export function TenderDialog() {
  const s = useApp();
  const { t, totals, tenderMode, cashText, splitText, tenderError, tenderBusy, settings, expectedBill, data, customer, role } = s;
  const total = totals.totalPaise;
  const given = cashGiven(cashText) ?? total;
  const splitSum = (['cash', 'upi', 'card'] as const).reduce((sum, p) => sum + (cashGiven(splitText[p]) ?? 0), 0);
  return (
    <Modal title={t('tender.title')} keys={t('tender.keys')} wide testId="tender">
      <div className="tender">
        <div className="tender-due">
          <span>{t('tender.due')}</span>
          <Money paise={total} className="huge" />
        </div>
        <div className="modes" role="tablist">
          {TENDER_MODES.map((m) => (
            <button key={m} type="button" role="tab" aria-selected={m === tenderMode} className={m === tenderMode ? 'mode active' : 'mode'} onMouseDown={(e) => e.preventDefault()} onClick={() => s.setTenderMode(m)}>
              {t(modeLabel[m])} <kbd>{modeKey[m]}</kbd>
            </button>
          ))}
        </div>
        <div className="tender-body">
          {tenderMode === 'cash' && (
            <>
              <Field label={t('tender.received')} name="cash" value={cashText} onChange={s.setCashText} placeholder={paiseToInput(total)} autoFocus numeric />
              <div className={`change ${given < total ? 'short' : ''}`} data-testid="change">
                <span>{given < total ? t('tender.short') : t('tender.change')}</span>
                <Money paise={Math.abs(given - total)} className="huge" />
              </div>
            </>
          )}
          {tenderMode === 'upi' &&
            (settings?.upiVpa ? (
              <div className="upi">
                <UpiQr url={upiPayUrl({ vpa: settings.upiVpa, payeeName: settings.name, amountPaise: total, reference: expectedBill ?? '' })} />
                <div>
                  <p className="big">{t('tender.upiScan', { amount: formatRupees(total) })}</p>
                  <p className="muted">{settings.upiVpa}</p>
                  <p className="muted">{t('tender.upiRef', { ref: expectedBill ?? '' })}</p>
                </div>
              </div>
            ) : (
              <p className="notice error">{t('tender.noVpa')}</p>
            ))}
          {tenderMode === 'card' && <p className="big">{t('tender.card', { amount: formatRupees(total) })}</p>}
          {tenderMode === 'credit' &&
            (data.customerId === null ? (
              <p className="notice error">{t('tender.needCustomer')}</p>
            ) : (
              <div>
                <p className="big">{t('tender.khata', { amount: formatRupees(total), name: data.customerName ?? '' })}</p>
                <p>{t('tender.khataAfter', { amount: formatRupees((customer?.balancePaise ?? 0) + total) })}</p>
                {customer?.creditLimitPaise != null && (
                  <p className="muted">
                    {t('bill.limit')} {formatRupees(customer.creditLimitPaise)}
                  </p>
                )}
                {role === 'owner' && (
                  <label className="check">
                    <input type="checkbox" checked={s.allowOverLimit} onChange={(e) => s.setAllowOverLimit(e.target.checked)} /> {t('action.overLimit')}
                  </label>
                )}
              </div>
            ))}
          {tenderMode === 'split' && (
            <div className="split">
              <Field label={t('action.cash')} name="split-cash" value={splitText.cash} onChange={(v) => s.setSplitText('cash', v)} autoFocus numeric width="short" />
              <Field label={t('action.upi')} name="split-upi" value={splitText.upi} onChange={(v) => s.setSplitText('upi', v)} numeric width="short" />
              <Field label={t('action.card')} name="split-card" value={splitText.card} onChange={(v) => s.setSplitText('card', v)} numeric width="short" />
              <p className="muted">{t('tender.splitLeft', { amount: formatRupees(total - splitSum) })}</p>
            </div>
          )}
        </div>
        {tenderError && (
          <div className="notice error" role="alert" data-testid="tender-error">
            {tenderError}
          </div>
        )}
        <button type="button" className="action primary big" disabled={tenderBusy} onMouseDown={(e) => e.preventDefault()} onClick={() => void s.completeSale('touch')}>
          {t('action.complete')} <kbd>Enter</kbd>
        </button>
      </div>
    </Modal>
  );
}

export function ReceiptDialog() {
  const { t, receipt, settings } = useApp();
  if (!receipt) return null;
  const inv = receipt.invoice;
  const when = new Date(inv.createdAt).toLocaleString('en-IN', { timeZone: 'Asia/Kolkata', dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Modal title={t('receipt.title')} keys={`Enter ${t('action.next')} · P ${t('action.print')}`} testId="receipt">
      <div className="receipt">
        <div className="r-shop">
          <strong>{settings?.name}</strong>
          <div>{settings?.address}</div>
          {settings?.gstin && <div>GSTIN {settings.gstin}</div>}
        </div>
        <div className="r-meta">
          <span data-testid="receipt-number">
            {t('receipt.bill')} {inv.number}
          </span>
          <span>{when}</span>
        </div>
        {inv.customerName && <div className="r-meta">{inv.customerName}</div>}
        <table>
          <tbody>
            {inv.lines.map((l) => (
              <tr key={l.lineNo}>
                <td>
                  {l.productName}
                  <div className="muted">
                    {l.quantity} {l.unit} × {formatRupees(l.unitPricePaise)}
                    {l.discountPaise > 0 && ` − ${formatRupees(l.discountPaise)}`}
                  </div>
                </td>
                <td className="num">{formatRupees(l.totalPaise)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="r-row">
          <span>{t('bill.subtotal')}</span>
          <span>{formatRupees(inv.subtotalPaise)}</span>
        </div>
        {inv.discountPaise > 0 && (
          <div className="r-row">
            <span>{t('bill.billDiscount')}</span>
            <span>−{formatRupees(inv.discountPaise)}</span>
          </div>
        )}
        {(
          [
            ['CGST', inv.cgstPaise],
            ['SGST', inv.sgstPaise],
            ['IGST', inv.igstPaise],
          ] as const
        )
          .filter(([, v]) => v > 0)
          .map(([name, v]) => (
            <div className="r-row" key={name}>
              <span>{name}</span>
              <span>{formatRupees(v)}</span>
            </div>
          ))}
        <div className="r-row r-total">
          <span>{t('bill.total')}</span>
          <span data-testid="receipt-total">{formatRupees(inv.totalPaise)}</span>
        </div>
        {/* A khata bill may be paid in part: what was paid, then what went on the khata. */}
        {inv.payments.map((p) => (
          <div className="r-row" key={p.mode}>
            <span>
              {t('receipt.paid')} {p.mode.toUpperCase()}
            </span>
            <span>{formatRupees(p.amountPaise)}</span>
          </div>
        ))}
        {inv.paymentMode === 'credit' && (
          <div className="r-row" data-testid="receipt-on-khata">
            <span>{t('receipt.onKhata')}</span>
            <span>{formatRupees(inv.balanceDuePaise)}</span>
          </div>
        )}
        {receipt.changePaise !== null && receipt.changePaise > 0 && (
          <div className="r-row r-change" data-testid="receipt-change">
            <span>{t('receipt.change')}</span>
            <span>{formatRupees(receipt.changePaise)}</span>
          </div>
        )}
        <div className="r-thanks">{t('receipt.thanks')}</div>
      </div>
    </Modal>
  );
}
