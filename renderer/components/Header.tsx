import { ActionButton } from './ActionButton';
import { useApp } from '../store';
import { SCREENS } from '../store/ui';
import { runAction } from '../actions/registry';
import { timeIST } from '../lib/time';

const navKey: Record<string, string> = { billing: 'B', khata: 'K', products: 'P', today: 'T', settings: 'S' };

export function Header() {
  const { t, screen, role, ownerUntil, settings, lang } = useApp();
  const until = ownerUntil ? timeIST(ownerUntil, lang) : '';
  return (
    <header className="top">
      <div className="brand">
        <span className="logo">{t('appName')}</span>
        <span className="shop">{settings?.name ?? ''}</span>
      </div>
      <nav>
        {SCREENS.map((s) => (
          <button key={s} type="button" className={s === screen ? 'tab active' : 'tab'} onMouseDown={(e) => e.preventDefault()} onClick={() => void runAction(`go-${s}`, 'touch')}>
            {t(`nav.${s}`)} <kbd>Alt+{navKey[s]}</kbd>
          </button>
        ))}
      </nav>
      <div className="who">
        <span className={`role ${role}`} data-testid="role">
          {role === 'owner' ? t('role.ownerUntil', { time: until }) : t('role.cashier')}
        </span>
        <ActionButton id="owner" variant="quiet" label={role === 'owner' ? t('action.lock') : t('action.unlock')} />
        <ActionButton id="language" variant="quiet" />
        <ActionButton id="help" variant="quiet" />
      </div>
    </header>
  );
}
