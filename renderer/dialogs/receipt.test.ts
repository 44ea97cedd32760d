// The receipt of a khata bill paid in part prints what was paid and what went on the khata.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../common/types';
import { useApp } from '../store';
import { ReceiptDialog } from './Tender';

const bill: Invoice = {
  id: 1,
  number: 'GA/2526/000001',
  customerId: 1,
  customerName: 'Rahul Gupta',
  status: 'ISSUED',
  paymentMode: 'credit',
  payments: [{ mode: 'cash', amountPaise: 20_000 }],
  balanceDuePaise: 30_000,
  subtotalPaise: 50_000,
  discountPaise: 0,
  cgstPaise: 0,
  sgstPaise: 0,
  igstPaise: 0,
  taxPaise: 0,
  totalPaise: 50_000,
  interState: false,
  gstApplied: true,
  creditOverride: false,
  notes: null,
  createdAt: '2026-03-10T05:30:00.000Z',
  cancelledAt: null,
  lines: [],
};

describe('ReceiptDialog', () => {
  it('prints "Paid 200, on khata 300" for a khata bill paid in part', () => {
    // Server rendering reads the store's initial state (zustand's server snapshot), so the receipt goes there.
    Object.assign(useApp.getInitialState(), { dialog: 'receipt', receipt: { invoice: bill, cashGivenPaise: null, changePaise: null } });
    const html = renderToStaticMarkup(createElement(ReceiptDialog));
    expect(html).toMatch(/CASH<\/span><span>₹200\.00/);
    expect(html).toMatch(/data-testid="receipt-on-khata"><span>[^<]+<\/span><span>₹300\.00/);
    // All on the khata: no paid row, the whole total on the khata.
    Object.assign(useApp.getInitialState(), { receipt: { invoice: { ...bill, payments: [], balanceDuePaise: 50_000 }, cashGivenPaise: null, changePaise: null } });
    const whole = renderToStaticMarkup(createElement(ReceiptDialog));
    expect(whole).not.toContain('CASH');
    expect(whole).toMatch(/data-testid="receipt-on-khata"><span>[^<]+<\/span><span>₹500\.00/);
  });
});
