// The small dialogs: the line editor, the owner's PIN, held bills, clearing a bill, help, sharing.
import { formatRupees } from '../../common/money';
import { ACTIONS } from '../actions/registry';
import { whatsappLink } from '../lib/share';
import { timeIST } from '../lib/time';
import { useApp } from '../store';
import { Field, Modal } from './Modal';

export function EditorDialog() {
  const { t, editor, data, setEditorText } = useApp();
  if (!editor) return null;
  const name = data.lines[editor.line]?.name ?? '';
  const title = t(editor.field === 'quantity' ? 'edit.quantity' : editor.field === 'price' ? 'edit.price' : editor.field === 'lineDiscount' ? 'edit.lineDiscount' : 'edit.billDiscount', { name });
  return (
    <Modal title={title} keys={t('edit.hint')} testId="editor">
      <Field label={title} name="editor" value={editor.text} onChange={setEditorText} error={editor.error} autoFocus numeric />
    </Modal>
  );
}

export function PinDialog() {
  const { t, pinText, pinError, setPinText, pinReason } = useApp();
  return (
    <Modal title={t('pin.title')} keys="Enter · Esc" testId="pin">
      {pinReason && <p className="notice error">{pinReason}</p>}
      <p className="muted">{t('pin.why')}</p>
      <Field label={t('pin.placeholder')} name="pin" type="password" value={pinText} onChange={setPinText} error={pinError} autoFocus numeric />
    </Modal>
  );
}

export function HeldDialog() {
  const { t, held, heldSelected, lang } = useApp();
  return (
    <Modal title={t('held.title')} keys={t('held.keys')} wide testId="held">
      {held.length === 0 ? (
        <p className="muted">{t('held.empty')}</p>
      ) : (
        <ul className="pick-list">
          {held.map((d, i) => (
            <li key={d.id} className={i === heldSelected ? 'selected' : ''} onClick={() => void useApp.getState().recall(d.id, 'touch')}>
              <span className="name">{d.label}</span>
              <span className="muted">{d.data.lines.length === 1 ? t('bill.oneItem') : t('bill.items', { n: d.data.lines.length })}</span>
              <span className="muted">{timeIST(d.updatedAt, lang)}</span>
              <span className="money">{formatRupees(d.totals.totalPaise)}</span>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}

export function ConfirmClearDialog() {
  const t = useApp((s) => s.t);
  return (
    <Modal title={t('action.newBill')} keys="Enter · Esc" testId="confirm-clear">
      <p>{t('action.discard')}?</p>
    </Modal>
  );
}

export function HelpDialog() {
  const t = useApp((s) => s.t);
  const groups = new Map<string, typeof ACTIONS>();
  for (const a of ACTIONS) {
    // Arrows and screen keys are one line each below; dialogs show their keys inside.
    if (a.scope.startsWith('dialog:') || a.id.startsWith('go-') || /(^|-)(up|down)$/.test(a.id) || a.id === 'clear-search') continue;
    groups.set(a.scope, [...(groups.get(a.scope) ?? []), a]);
  }
  return (
    <Modal title={t('help.title')} keys="Esc" wide testId="help">
      <div className="help-grid">
        {[...groups].map(([scope, list]) => (
          <div key={scope}>
            <h3>{scope === 'global' ? t('appName') : t(`nav.${scope}` as never)}</h3>
            <ul>
              {list.map((a) => (
                <li key={a.id}>
                  <kbd>{a.keys[0]}</kbd> {t(a.label)}
                </li>
              ))}
            </ul>
          </div>
        ))}
        <div>
          <h3>{t('tender.title')}</h3>
          <p className="muted">{t('tender.keys')}</p>
          <p className="muted">
            <kbd>↑</kbd>
            <kbd>↓</kbd> · <kbd>Alt+B K P T S</kbd> {[t('nav.billing'), t('nav.khata'), t('nav.products'), t('nav.today'), t('nav.settings')].join(' · ')}
          </p>
        </div>
      </div>
    </Modal>
  );
}

export function ShareDialog() {
  const { t, shareText, statementOf } = useApp();
  const text = shareText ?? '';
  return (
    <Modal title={t('action.share')} keys={`Enter ${t('action.copy')} · Esc`} wide testId="share">
      <textarea className="share-text" readOnly value={text} rows={Math.min(14, text.split('\n').length + 1)} />
      <div className="buttons">
        <button type="button" className="action" onClick={() => void navigator.clipboard?.writeText(text).catch(() => undefined)}>
          {t('action.copy')} <kbd>Enter</kbd>
        </button>
        <a className="action primary" href={whatsappLink(statementOf?.phone ?? null, text)} target="_blank" rel="noopener noreferrer" data-testid="wa-link">
          {t('action.whatsapp')}
        </a>
      </div>
    </Modal>
  );
}
