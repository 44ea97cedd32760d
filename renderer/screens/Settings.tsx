// The shop's settings (the owner saves them; the command table refuses a cashier), the owner's PIN,
// and this counter's weighing-scale label layout. Enter in a section saves that section.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ShopSettings } from '../../common/types';
import { Field } from '../dialogs/Modal';
import { LockIcon } from '../components/Icons';
import { LanDevices } from '../pairing/LanDevices';
import { VoiceAdapt } from './VoiceAdapt';
import { useApp } from '../store';
import type { ScaleLayout } from '../lib/scale';

type ShopForm = Pick<ShopSettings, 'name' | 'address' | 'state'> & { gstin: string; upiVpa: string; billPrefix: string; lanAccess: boolean };

const onEnter = (fn: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    e.stopPropagation();
    fn();
  }
};

export function Settings() {
  const { t, settings, settingsError, settingsNotice, saveSettings, setOwnerPin, scale, saveScale, role, loadSettings } = useApp();
  const [form, setForm] = useState<ShopForm | null>(null);
  // Unsaved edits. Opening the screen reloads the settings, and that answer can land after the owner
  // has already ticked or typed (the services busy, say loading voice): it must not undo the edit,
  // or Enter saves the old values. Edits are counted so a save only clears the edits it carried.
  const [edited, setEdited] = useState(false);
  const edits = useRef(0);
  const [pin, setPin] = useState('');
  const [layout, setLayout] = useState<ScaleLayout>(scale);
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  useEffect(() => {
    if (settings && !edited) setForm({ name: settings.name, address: settings.address, state: settings.state, gstin: settings.gstin ?? '', upiVpa: settings.upiVpa ?? '', billPrefix: settings.billPrefix, lanAccess: settings.lanAccess });
  }, [settings, edited]);
  if (!form) return <main className="one-pane" />;
  const err = (f: string) => (settingsError?.field === f ? settingsError.message : null);
  const set = (patch: Partial<ShopForm>) => {
    edits.current++;
    setEdited(true);
    setForm({ ...form, ...patch });
  };
  const save = () => {
    const carried = edits.current;
    void saveSettings({ name: form.name, address: form.address, state: form.state, gstin: form.gstin.trim() || null, upiVpa: form.upiVpa.trim() || null, billPrefix: form.billPrefix.trim().toUpperCase(), lanAccess: form.lanAccess }, 'keyboard').then((ok) => {
      // Saved and nothing typed since: the form shows the settings as saved (a prefix in capitals, ...).
      if (ok && edits.current === carried) setEdited(false);
    });
  };
  return (
    <main className="one-pane settings">
      <h1>{t('settings.title')}</h1>
      {role !== 'owner' && (
        <p className="muted">
          <LockIcon /> {t('settings.ownerOnly')}
        </p>
      )}
      {settingsNotice && (
        <div className="notice ok" data-testid="settings-notice">
          {settingsNotice}
        </div>
      )}
      {settingsError && !['name', 'address', 'state', 'gstin', 'upiVpa', 'billPrefix', 'pin'].includes(settingsError.field ?? '') && (
        <div className="notice error" role="alert" data-testid="settings-error">
          {settingsError.message}
        </div>
      )}
      <section className="card" onKeyDown={onEnter(save)}>
        <h2>{t('settings.shop')}</h2>
        <div className="form-grid">
          <Field label={t('settings.name')} name="shop-name" value={form.name} onChange={(name) => set({ name })} error={err('name')} width="long" />
          <Field label={t('settings.address')} name="address" value={form.address} onChange={(address) => set({ address })} error={err('address')} width="long" />
          <Field label={t('settings.state')} name="state" value={form.state} onChange={(state) => set({ state })} error={err('state')} />
          <Field label={t('settings.gstin')} name="gstin" value={form.gstin} onChange={(gstin) => set({ gstin })} error={err('gstin')} />
          <Field label={t('settings.vpa')} name="vpa" value={form.upiVpa} onChange={(upiVpa) => set({ upiVpa })} error={err('upiVpa')} />
          <Field label={t('settings.prefix')} name="prefix" value={form.billPrefix} onChange={(billPrefix) => set({ billPrefix })} error={err('billPrefix')} />
        </div>
        <label className="check">
          <input type="checkbox" checked={form.lanAccess} onChange={(e) => set({ lanAccess: e.target.checked })} /> {t('settings.lan')}
        </label>
        <button type="button" className="action primary" onClick={save}>
          {role !== 'owner' && <LockIcon />}
          {t('action.save')} <kbd>Enter</kbd>
        </button>
      </section>
      {role === 'owner' && (form.lanAccess || settings?.lanAccess) && (
        <section className="card" data-testid="lan-section">
          <h2>{t('lan.title')}</h2>
          {settings?.lanAccess ? <LanDevices /> : <p className="muted">{t('lan.saveFirst')}</p>}
        </section>
      )}
      {role === 'owner' && <VoiceAdapt />}
      <section className="card" onKeyDown={onEnter(() => void setOwnerPin(pin, 'keyboard').then((ok) => ok && setPin('')))}>
        <h2>{t('settings.pin')}</h2>
        <Field label={t('settings.newPin')} name="new-pin" type="password" numeric value={pin} onChange={(v) => setPin(v.replace(/\D/g, '').slice(0, 8))} error={err('pin')} width="short" />
        <button type="button" className="action" onClick={() => void setOwnerPin(pin, 'touch').then((ok) => ok && setPin(''))}>
          {t('action.setPin')} <kbd>Enter</kbd>
        </button>
      </section>
      <section className="card" onKeyDown={onEnter(() => saveScale(layout))}>
        <h2>{t('settings.scale')}</h2>
        <div className="form-grid">
          <Field label={t('settings.scalePrefix')} name="scale-prefix" value={layout.prefix} onChange={(prefix) => setLayout({ ...layout, prefix: prefix.replace(/\D/g, '').slice(0, 2) })} width="short" />
          <Field label={t('settings.scaleItem')} name="scale-item" value={String(layout.itemDigits)} onChange={(v) => setLayout({ ...layout, itemDigits: Math.min(6, Math.max(4, Number(v) || 5)) })} width="short" />
          <Field label={t('settings.scaleValue')} name="scale-value" value={String(layout.valueDigits)} onChange={(v) => setLayout({ ...layout, valueDigits: Math.min(6, Math.max(4, Number(v) || 5)) })} width="short" />
          <label className="field">
            <span>{t('settings.scaleKind')}</span>
            <select value={layout.valueKind} onChange={(e) => setLayout({ ...layout, valueKind: e.target.value === 'price' ? 'price' : 'weight' })}>
              <option value="weight">{t('settings.scaleWeight')}</option>
              <option value="price">{t('settings.scalePrice')}</option>
            </select>
          </label>
        </div>
        <button type="button" className="action" onClick={() => saveScale(layout)}>
          {t('action.save')} <kbd>Enter</kbd>
        </button>
      </section>
    </main>
  );
}
