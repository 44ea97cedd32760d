// A customer's statement as text the cashier can copy or send on WhatsApp (a wa.me link opens the
// chat with the text filled in; nothing is sent without the shopkeeper pressing send).
import { formatRupees } from '../../common/money';
import type { Customer, LedgerEntry } from '../../common/types';

const dateOf = (iso: string) => new Date(iso).toLocaleDateString('en-IN', { day: '2-digit', month: 'short', timeZone: 'Asia/Kolkata' });

export function statementText(shopName: string, customer: Pick<Customer, 'name' | 'balancePaise'>, entries: LedgerEntry[], max = 15): string {
  const lines = [`${shopName}: statement for ${customer.name}`];
  // ledger-list is newest first; a statement reads oldest first.
  for (const e of entries.slice(0, max).reverse()) {
    const sign = e.deltaPaise >= 0 ? '+' : '-';
    lines.push(`${dateOf(e.createdAt)}  ${e.description}  ${sign}${formatRupees(Math.abs(e.deltaPaise))}  = ${formatRupees(e.balanceAfterPaise)}`);
  }
  lines.push(customer.balancePaise > 0 ? `Balance due: ${formatRupees(customer.balancePaise)}` : customer.balancePaise < 0 ? `Advance with us: ${formatRupees(-customer.balancePaise)}` : 'Nothing due. Thank you!');
  return lines.join('\n');
}

/** wa.me wants the number with the country code and no plus. */
export function whatsappLink(phone: string | null, text: string): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  const to = digits.length === 10 ? `91${digits}` : digits;
  return `https://wa.me/${to}?text=${encodeURIComponent(text)}`;
}
