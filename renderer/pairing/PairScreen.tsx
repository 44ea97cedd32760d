// A LAN device that is not paired (or finds LAN access off) sees this instead of the counter: the
// 6-digit code from the owner's Settings and a name for the device. Once paired the bridge keeps
// the token and the page loads again, now as this device.
import { useState, type KeyboardEvent } from 'react';
import { pairingApi } from '../bridge';
import { Field } from '../dialogs/Modal';
import { useApp } from '../store';
import { usePairing } from './state';
import './pairing.css';

export function PairScreen() {
  const t = useApp((s) => s.t);
  const toggleLang = useApp((s) => s.toggleLang);
  const access = usePairing((s) => s.access);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<{ field: 'code' | 'name' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const pair = async () => {
    if (busy) return;
    if (!/^\d{6}$/.test(code)) return setError({ field: 'code', message: t('pair.badCode') });
    if (!name.trim()) return setError({ field: 'name', message: t('pair.noName') });
    const api = pairingApi();
    if (!api) return;
    setBusy(true);
    setError(null);
    const r = await api.pair(code, name.trim(), 'keyboard');
    setBusy(false);
    if (r.ok) {
      window.location.reload();
      return;
    }
    // LAN access turned off meanwhile: the bridge has said so, and this screen shows it instead.
    if (r.error.field === 'code') {
      setCode('');
      setError({ field: 'code', message: t('pair.wrong') });
    } else setError({ field: null, message: useApp.getState().errorText(r.error) });
  };
  // Enter's keydown also reaches the counter's keys (on window); handled here, it pairs.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void pair();
  };

  return (
    <main className="card pair-screen" data-testid="pair-screen" onKeyDown={onKeyDown}>
      <button type="button" className="action quiet lang" onClick={toggleLang}>
        {t('action.language')}
      </button>
      <h1>{t('pair.title')}</h1>
      {access === 'lanOff' ? (
        <>
          <div className="notice error" role="alert" data-testid="pair-lan-off">
            {t('pair.lanOff')}
          </div>
          <button type="button" className="action primary" onClick={() => window.location.reload()}>
            {t('pair.retry')}
          </button>
        </>
      ) : (
        <>
          <p>{t('pair.intro')}</p>
          <Field label={t('pair.code')} name="pair-code" numeric autoFocus value={code} onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))} error={error?.field === 'code' ? error.message : null} width="short" />
          <Field label={t('pair.name')} name="device-name" value={name} placeholder={t('pair.namePlaceholder')} onChange={(v) => setName(v.slice(0, 60))} error={error?.field === 'name' ? error.message : null} width="long" />
          {error && error.field === null && (
            <div className="notice error" role="alert">
              {error.message}
            </div>
          )}
          <button type="button" className="action primary big" data-testid="pair-submit" disabled={busy} onClick={() => void pair()}>
            {t('pair.submit')} <kbd>Enter</kbd>
          </button>
        </>
      )}
    </main>
  );
}
