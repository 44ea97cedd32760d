// Settings, for the owner while LAN access is on: "Pair a device" shows a 6-digit code large with its
// countdown and the addresses a device opens; the paired devices, each with Unpair. Pairing happens
// on the other device, which raises no event here, so the list is asked for again every few seconds
// while a code is showing.
import { useCallback, useEffect, useState } from 'react';
import type { ScreenSource } from '../../common/bridge';
import { pairingApi } from '../bridge';
import type { PairedDeviceView } from '../bridge/http-bridge';
import { useApp } from '../store';
import { dateIST, timeLeft } from './state';
import './pairing.css';

const POLL_MS = 2_000;

export function LanDevices() {
  const t = useApp((s) => s.t);
  const errorText = useApp((s) => s.errorText);
  const lang = useApp((s) => s.lang);
  const api = pairingApi();
  const [urls, setUrls] = useState<string[] | null>(null);
  const [devices, setDevices] = useState<PairedDeviceView[]>([]);
  const [pairing, setPairing] = useState<{ code: string; expiresAt: string } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadDevices = useCallback(async () => {
    if (!api) return [];
    const r = await api.devices('keyboard');
    if (!r.ok) {
      setError(errorText(r.error));
      return null;
    }
    setDevices(r.value);
    return r.value;
  }, [api, errorText]);

  useEffect(() => {
    if (!api) return;
    void api.lan('keyboard').then((r) => (r.ok ? setUrls(r.value.urls) : setError(errorText(r.error))));
    void loadDevices();
  }, [api, errorText, loadDevices]);

  // The countdown, and the list while the code waits for a device.
  useEffect(() => {
    if (!pairing) return;
    const known = new Set(devices.map((d) => d.id));
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    const poll = setInterval(() => {
      void loadDevices().then((list) => {
        const added = list?.find((d) => !known.has(d.id));
        if (added) {
          setPairing(null);
          setNotice(t('lan.paired', { name: added.name }));
        }
      });
    }, POLL_MS);
    return () => {
      clearInterval(tick);
      clearInterval(poll);
    };
    // devices is read once per code (not a dependency): a new device is one not there when the code was made.
  }, [pairing, loadDevices, t]);

  if (!api) return <p className="muted">{t('lan.electron')}</p>;

  const start = async (source: ScreenSource) => {
    setNotice(null);
    setError(null);
    const r = await api.start(source);
    if (!r.ok) return setError(errorText(r.error));
    setNow(Date.now());
    setPairing(r.value);
  };
  const unpair = async (d: PairedDeviceView, source: ScreenSource) => {
    setNotice(null);
    const r = await api.unpair(d.id, source);
    if (!r.ok) return setError(errorText(r.error));
    setNotice(t('lan.unpaired', { name: d.name }));
    await loadDevices();
  };
  const left = pairing ? timeLeft(pairing.expiresAt, now) : null;
  const expired = left === '0:00';

  return (
    <div data-testid="lan-devices">
      {notice && (
        <div className="notice ok" data-testid="lan-notice">
          {notice}
        </div>
      )}
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
      <button type="button" className="action primary" data-testid="pair-start" onClick={(e) => void start(e.detail === 0 ? 'keyboard' : 'touch')}>
        {t('lan.start')}
      </button>
      {pairing && !expired && (
        <div aria-live="polite">
          <p>{t('lan.codeHelp')}</p>
          <ul className="pair-urls" data-testid="lan-urls">
            {(urls ?? []).map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
          {urls?.length === 0 && <p className="muted">{t('lan.noUrls')}</p>}
          <div className="pair-code" data-testid="pair-code">
            {pairing.code}
          </div>
          <p className="muted" data-testid="pair-countdown">
            {t('lan.expiresIn', { time: left ?? '' })}
          </p>
        </div>
      )}
      {pairing && expired && <p className="muted">{t('lan.expired')}</p>}
      <h3>{t('lan.devices')}</h3>
      {devices.length === 0 ? (
        <p className="muted">{t('lan.none')}</p>
      ) : (
        <ul className="pair-devices" data-testid="paired-devices">
          {devices.map((d) => (
            <li key={d.id}>
              <strong>{d.name}</strong>
              <span className="muted">{t('lan.pairedAt', { date: dateIST(d.pairedAt, lang) })}</span>
              <button type="button" className="action danger" aria-label={`${t('lan.unpair')}: ${d.name}`} onClick={(e) => void unpair(d, e.detail === 0 ? 'keyboard' : 'touch')}>
                {t('lan.unpair')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
