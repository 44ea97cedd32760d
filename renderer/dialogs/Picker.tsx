import { useApp } from '../store';
import { Field, Modal } from './Modal';
import { Money } from '../components/Money';

export function CustomerPicker() {
  const { t, pickerQuery, pickerResults, pickerSelected, pickerError, newCustomer, setPickerQuery, setNewCustomer } = useApp();
  if (newCustomer) {
    return (
      <Modal title={t('action.newCustomer')} keys="Enter · Esc" testId="new-customer">
        <Field label={t('customer.name')} name="name" value={newCustomer.name} onChange={(name) => setNewCustomer({ name })} autoFocus />
        <Field label={t('customer.phone')} name="phone" value={newCustomer.phone} onChange={(phone) => setNewCustomer({ phone })} />
        <Field label={t('customer.creditLimit')} name="limit" value={newCustomer.limit} onChange={(limit) => setNewCustomer({ limit })} />
        {pickerError && <div className="notice error">{pickerError}</div>}
      </Modal>
    );
  }
  return (
    <Modal title={t('customer.title')} keys={`↑↓ · Enter · Alt+N ${t('action.newCustomer')} · Alt+W ${t('action.noCustomer')} · Esc`} wide testId="picker">
      <input className="big-input" name="customer-search" autoFocus autoComplete="off" spellCheck={false} placeholder={t('customer.placeholder')} value={pickerQuery} onChange={(e) => setPickerQuery(e.target.value)} />
      {pickerError && <div className="notice error">{pickerError}</div>}
      {pickerQuery.trim() !== '' && pickerResults.length === 0 && !pickerError && <p className="muted">{t('customer.none', { q: pickerQuery.trim() })}</p>}
      <ul className="pick-list">
        {pickerResults.map((c, i) => (
          <li
            key={c.id}
            className={i === pickerSelected ? 'selected' : ''}
            onClick={() => {
              useApp.setState({ pickerSelected: i });
              void useApp.getState().pickSelected('touch');
            }}
          >
            <span className="name">
              {c.name}
              {c.nickname && <small> ({c.nickname})</small>}
            </span>
            <span className="muted">{[c.phone, c.landmark].filter(Boolean).join(' · ')}</span>
            <span>
              {t('bill.balance')} <Money paise={c.balancePaise} className={c.balancePaise > 0 ? 'due' : ''} />
            </span>
            <span className="muted">
              {t('bill.limit')} {c.creditLimitPaise == null ? t('bill.noLimit') : <Money paise={c.creditLimitPaise} />}
            </span>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
