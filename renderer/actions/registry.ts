// One action registry (STYLE note 12): a key, a touch on a button, the scanner and a voice intent
// all run the same action, each naming its source. The list is also the on-screen shortcut help.
import type { ScreenSource } from '../../common/bridge';
import type { DictKey } from '../i18n/dict';
import { useApp } from '../store';
import type { Dialog, Screen } from '../store/ui';

export type Scope = 'global' | Screen | `dialog:${NonNullable<Dialog>}`;

export interface Action {
  id: string;
  label: DictKey;
  /** Normalised keys: "F2", "Shift+F8", "Alt+b", "Enter", "+", "c". The first is shown on screen. */
  keys: string[];
  scope: Scope;
  /** Needs the owner: shown with a lock; the command table still decides. */
  owner?: boolean;
  /** When the focused box has text in it, the key is the box's (Delete, +, -). */
  notWhileTyping?: boolean;
  run(source: ScreenSource, args?: unknown): unknown;
}

const s = () => useApp.getState();
// After the frame, unless a dialog opened meanwhile (a key pressed right after Esc): it keeps the focus.
const focusSearch = () => requestAnimationFrame(() => s().dialog === null && document.getElementById('bill-search')?.focus());
const whenSearchIdle = (fn: () => void) => () => (s().query ? undefined : fn());

export const ACTIONS: Action[] = [
  // Anywhere, when no dialog is open.
  { id: 'go-billing', label: 'nav.billing', keys: ['Alt+b'], scope: 'global', run: () => (s().go('billing'), focusSearch()) },
  { id: 'go-khata', label: 'nav.khata', keys: ['Alt+k'], scope: 'global', run: () => (s().go('khata'), void s().loadKhata()) },
  { id: 'go-products', label: 'nav.products', keys: ['Alt+p'], scope: 'global', run: () => (s().go('products'), void s().loadProducts()) },
  { id: 'go-today', label: 'nav.today', keys: ['Alt+t'], scope: 'global', run: () => (s().go('today'), void s().loadToday()) },
  { id: 'go-settings', label: 'nav.settings', keys: ['Alt+s'], scope: 'global', run: () => (s().go('settings'), void s().loadSettings()) },
  { id: 'language', label: 'action.language', keys: ['Alt+l'], scope: 'global', run: () => s().toggleLang() },
  { id: 'owner', label: 'action.unlock', keys: ['Alt+o'], scope: 'global', run: (src) => (s().role === 'owner' ? s().lock(src) : s().askOwner()) },
  { id: 'help', label: 'action.help', keys: ['F1'], scope: 'global', run: () => s().openDialog('help') },
  // The voice pipeline fills this in (push-to-talk); until then the key shows the voice panel's hint.
  { id: 'voice', label: 'action.voice', keys: ['Alt+v'], scope: 'global', run: () => window.dispatchEvent(new CustomEvent('galla:voice', { detail: { pressed: true } })) },

  // Billing.
  { id: 'add', label: 'bill.enterToAdd', keys: ['Enter'], scope: 'billing', run: (src) => s().submitSearch(src) },
  { id: 'up', label: 'bill.item', keys: ['ArrowUp'], scope: 'billing', run: () => (s().results.length ? s().moveResult(-1) : s().moveLine(-1)) },
  { id: 'down', label: 'bill.item', keys: ['ArrowDown'], scope: 'billing', run: () => (s().results.length ? s().moveResult(1) : s().moveLine(1)) },
  { id: 'clear-search', label: 'action.cancel', keys: ['Escape'], scope: 'billing', run: () => s().clearSearch() },
  { id: 'quantity', label: 'action.quantity', keys: ['F2'], scope: 'billing', run: () => s().openEditor('quantity') },
  { id: 'price', label: 'action.price', keys: ['F3'], scope: 'billing', run: () => s().openEditor('price') },
  { id: 'line-discount', label: 'action.lineDiscount', keys: ['F4'], scope: 'billing', run: () => s().openEditor('lineDiscount') },
  { id: 'bill-discount', label: 'action.billDiscount', keys: ['Shift+F4'], scope: 'billing', run: () => s().openEditor('billDiscount') },
  { id: 'plus', label: 'action.plusOne', keys: ['+'], scope: 'billing', notWhileTyping: true, run: (src) => whenSearchIdle(() => s().bumpQuantity(1, src))() },
  { id: 'minus', label: 'action.minusOne', keys: ['-'], scope: 'billing', notWhileTyping: true, run: (src) => whenSearchIdle(() => s().bumpQuantity(-1, src))() },
  { id: 'remove', label: 'action.removeLine', keys: ['Delete'], scope: 'billing', notWhileTyping: true, run: (src) => s().removeLine(src) },
  { id: 'customer', label: 'action.customer', keys: ['F7'], scope: 'billing', run: () => s().openPicker() },
  { id: 'hold', label: 'action.hold', keys: ['F8'], scope: 'billing', run: (src) => s().hold(src) },
  { id: 'held', label: 'action.held', keys: ['Shift+F8'], scope: 'billing', run: () => (s().openDialog('held'), void s().loadHeld()) },
  { id: 'pay', label: 'action.pay', keys: ['F9'], scope: 'billing', run: (src, mode) => s().openTender(src, (mode as never) ?? 'cash') },
  { id: 'new-bill', label: 'action.newBill', keys: ['Alt+n'], scope: 'billing', run: (src) => (s().data.lines.length ? s().openDialog('confirmClear') : s().clearBill(src)) },

  // The line editor (quantity, price, discounts).
  { id: 'editor-apply', label: 'action.save', keys: ['Enter'], scope: 'dialog:editor', run: (src) => (s().applyEditor(src), s().dialog === null && focusSearch()) },
  { id: 'editor-cancel', label: 'action.cancel', keys: ['Escape'], scope: 'dialog:editor', run: () => (useApp.setState({ editor: null, dialog: null }), focusSearch()) },

  // Payment.
  { id: 'tender-cash', label: 'action.cash', keys: ['c'], scope: 'dialog:tender', run: () => s().setTenderMode('cash') },
  { id: 'tender-upi', label: 'action.upi', keys: ['u'], scope: 'dialog:tender', run: () => s().setTenderMode('upi') },
  { id: 'tender-card', label: 'action.card', keys: ['d'], scope: 'dialog:tender', run: () => s().setTenderMode('card') },
  { id: 'tender-khata', label: 'action.khata', keys: ['k'], scope: 'dialog:tender', run: () => s().setTenderMode('credit') },
  { id: 'tender-split', label: 'action.split', keys: ['s'], scope: 'dialog:tender', run: () => s().setTenderMode('split') },
  { id: 'complete', label: 'action.complete', keys: ['Enter'], scope: 'dialog:tender', run: (src) => s().completeSale(src) },
  { id: 'tender-back', label: 'action.back', keys: ['Escape'], scope: 'dialog:tender', run: () => (s().closeDialog(), focusSearch()) },

  // The receipt after a sale.
  { id: 'next-bill', label: 'action.next', keys: ['Enter', 'Escape'], scope: 'dialog:receipt', run: () => (useApp.setState({ dialog: null }), focusSearch()) },
  { id: 'print', label: 'action.print', keys: ['p'], scope: 'dialog:receipt', run: () => window.print() },

  // Customer picker.
  { id: 'picker-up', label: 'customer.title', keys: ['ArrowUp'], scope: 'dialog:customer', run: () => s().movePicker(-1) },
  { id: 'picker-down', label: 'customer.title', keys: ['ArrowDown'], scope: 'dialog:customer', run: () => s().movePicker(1) },
  { id: 'picker-pick', label: 'action.customer', keys: ['Enter'], scope: 'dialog:customer', run: (src) => (s().newCustomer ? s().saveNewCustomer(src) : s().pickSelected(src).then(focusSearch)) },
  { id: 'picker-new', label: 'action.newCustomer', keys: ['Alt+n'], scope: 'dialog:customer', run: () => s().startNewCustomer() },
  { id: 'picker-walkin', label: 'action.noCustomer', keys: ['Alt+w'], scope: 'dialog:customer', run: (src) => (s().closeDialog(), void s().setCustomer(null, src), focusSearch()) },
  { id: 'picker-close', label: 'action.cancel', keys: ['Escape'], scope: 'dialog:customer', run: () => (s().closeDialog(), focusSearch()) },

  // Held bills.
  { id: 'held-up', label: 'held.title', keys: ['ArrowUp'], scope: 'dialog:held', run: () => s().moveHeld(-1) },
  { id: 'held-down', label: 'held.title', keys: ['ArrowDown'], scope: 'dialog:held', run: () => s().moveHeld(1) },
  { id: 'recall', label: 'action.recall', keys: ['Enter'], scope: 'dialog:held', run: (src) => recallSelected(src) },
  { id: 'held-discard', label: 'action.discard', keys: ['Delete'], scope: 'dialog:held', run: (src) => discardSelected(src) },
  { id: 'held-close', label: 'action.back', keys: ['Escape'], scope: 'dialog:held', run: () => (s().closeDialog(), focusSearch()) },

  { id: 'clear-yes', label: 'action.newBill', keys: ['Enter'], scope: 'dialog:confirmClear', run: (src) => s().clearBill(src).then(focusSearch) },
  { id: 'clear-no', label: 'action.cancel', keys: ['Escape'], scope: 'dialog:confirmClear', run: () => (s().closeDialog(), focusSearch()) },

  // Owner PIN and help.
  { id: 'pin-unlock', label: 'action.unlock', keys: ['Enter'], scope: 'dialog:pin', run: (src) => s().unlock(src) },
  { id: 'pin-cancel', label: 'action.cancel', keys: ['Escape'], scope: 'dialog:pin', run: () => s().cancelPin() },
  { id: 'help-close', label: 'action.back', keys: ['Escape', 'F1'], scope: 'dialog:help', run: () => s().closeDialog() },

  // Khata.
  { id: 'khata-up', label: 'khata.title', keys: ['ArrowUp'], scope: 'khata', run: () => s().moveKhata(-1) },
  { id: 'khata-down', label: 'khata.title', keys: ['ArrowDown'], scope: 'khata', run: () => s().moveKhata(1) },
  { id: 'take-payment', label: 'action.takePayment', keys: ['F2'], scope: 'khata', run: () => s().openKhataForm('payment') },
  { id: 'write-udhaar', label: 'action.writeUdhaar', keys: ['F3'], scope: 'khata', run: () => s().openKhataForm('udhaar') },
  { id: 'share', label: 'action.share', keys: ['F4'], scope: 'khata', run: () => s().openShare() },
  ...(['cash', 'upi', 'card', 'other'] as const).map(
    (mode): Action => ({ id: `khata-mode-${mode}`, label: 'khata.mode', keys: [mode === 'card' ? 'd' : mode[0]!], scope: 'dialog:khataForm', run: () => s().setKhataForm({ mode }) }),
  ),
  { id: 'khata-save', label: 'action.save', keys: ['Enter'], scope: 'dialog:khataForm', run: (src) => s().saveKhataForm(src) },
  { id: 'khata-cancel', label: 'action.cancel', keys: ['Escape'], scope: 'dialog:khataForm', run: () => useApp.setState({ khataForm: null, dialog: null }) },
  { id: 'share-copy', label: 'action.copy', keys: ['Enter'], scope: 'dialog:share', run: () => void navigator.clipboard?.writeText(s().shareText ?? '').catch(() => undefined) },
  { id: 'share-close', label: 'action.back', keys: ['Escape'], scope: 'dialog:share', run: () => s().closeDialog() },

  // Products.
  { id: 'product-up', label: 'products.title', keys: ['ArrowUp'], scope: 'products', run: () => s().moveProduct(-1) },
  { id: 'product-down', label: 'products.title', keys: ['ArrowDown'], scope: 'products', run: () => s().moveProduct(1) },
  { id: 'product-add', label: 'action.addProduct', keys: ['F2'], scope: 'products', owner: true, run: () => s().openProductForm('add') },
  { id: 'product-edit', label: 'action.editProduct', keys: ['F3'], scope: 'products', owner: true, run: () => s().openProductForm('edit') },
  { id: 'stock-in', label: 'action.stockIn', keys: ['F4'], scope: 'products', run: () => s().openProductForm('stock') },
  { id: 'low-stock', label: 'action.lowStock', keys: ['F6'], scope: 'products', run: () => s().toggleLowOnly() },
  { id: 'product-save', label: 'action.save', keys: ['Enter'], scope: 'dialog:productForm', run: (src) => s().saveProductForm(src) },
  { id: 'product-cancel', label: 'action.cancel', keys: ['Escape'], scope: 'dialog:productForm', run: () => useApp.setState({ productForm: null, dialog: null }) },

  { id: 'today-refresh', label: 'action.refresh', keys: ['Alt+r'], scope: 'today', run: () => s().loadToday() },
  // The owner's reports on Today (hidden for the cashier; the commands' role check decides).
  { id: 'report-month', label: 'reports.month', keys: ['Alt+m'], scope: 'today', owner: true, run: () => (s().role === 'owner' ? document.getElementById('report-month')?.focus() : undefined) },
  { id: 'report-gstr1', label: 'reports.gstr1', keys: ['Alt+g'], scope: 'today', owner: true, run: (src) => (s().role === 'owner' ? s().downloadGstr1(src) : undefined) },
];

function recallSelected(source: ScreenSource) {
  const d = s().held[s().heldSelected];
  return d ? s().recall(d.id, source).then(focusSearch) : undefined;
}

function discardSelected(source: ScreenSource) {
  const d = s().held[s().heldSelected];
  return d ? s().discardHeld(d.id, source) : undefined;
}

const byId = new Map(ACTIONS.map((a) => [a.id, a]));

export const getAction = (id: string): Action | undefined => byId.get(id);

/** Runs an action by id: buttons pass 'touch', voice passes 'voice'. */
export function runAction(id: string, source: ScreenSource, args?: unknown): unknown {
  const a = byId.get(id);
  if (!a) throw new Error(`No such action: ${id}`);
  return a.run(source, args);
}

/** The scopes whose keys are live: an open dialog's alone, else the screen's and the global ones. */
export function activeScopes(): Scope[] {
  const { dialog, screen } = s();
  return dialog ? [`dialog:${dialog}`] : [screen, 'global'];
}

export function actionFor(key: string, scopes: Scope[]): Action | undefined {
  for (const scope of scopes) {
    const a = ACTIONS.find((x) => x.scope === scope && x.keys.includes(key));
    if (a) return a;
  }
  return undefined;
}
