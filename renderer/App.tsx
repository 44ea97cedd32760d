import { useEffect } from 'react';
import { installKeyboard } from './actions/keyboard';
import { bridge, pairingApi } from './bridge';
import { Header } from './components/Header';
import { ConfirmClearDialog, EditorDialog, HeldDialog, HelpDialog, PinDialog, ShareDialog } from './dialogs/Small';
import { CustomerPicker } from './dialogs/Picker';
import { KhataFormDialog, ProductFormDialog } from './dialogs/Forms';
import { ReceiptDialog, TenderDialog } from './dialogs/Tender';
import { Billing } from './screens/Billing';
import { Khata } from './screens/Khata';
import { Products } from './screens/Products';
import { Settings } from './screens/Settings';
import { Today } from './screens/Today';
import { useApp } from './store';
import { PairScreen } from './pairing/PairScreen';
import { usePairing } from './pairing/state';

/** After a change anywhere (this screen, a LAN device, voice), the visible screen refetches. */
function refetchVisible() {
  const s = useApp.getState();
  switch (s.screen) {
    case 'billing':
      void s.loadHeld();
      void s.loadCustomer();
      return;
    case 'khata':
      if (s.dialog === null) void s.loadKhata();
      return;
    case 'products':
      if (s.dialog === null) void s.loadProducts();
      return;
    case 'today':
      void s.loadToday();
      return;
    case 'settings':
      return;
  }
}

function useStartup() {
  useEffect(() => {
    const s = useApp.getState();
    // A LAN device that is not paired (or LAN access off) gets the pairing screen instead.
    const offAccess = pairingApi()?.onAccess((access, message) => usePairing.setState({ access, message }));
    void Promise.all([s.loadSettings(), s.loadSession(), s.loadBill()]).then(() => document.body.setAttribute('data-ready', '1'));
    const offKeys = installKeyboard();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offCommand = bridge().on('command', (e) => {
      // Bill drafts are this screen's own scratch; searches change nothing.
      if (!e.ok || !e.mutates || e.name.startsWith('draft-')) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(refetchVisible, 150);
    });
    const offSession = bridge().on('session', (e) => useApp.getState().setSession(e.role, e.expiresAt));
    return () => {
      offAccess?.();
      offKeys();
      offCommand();
      offSession();
    };
  }, []);
}

function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  switch (dialog) {
    case 'editor':
      return <EditorDialog />;
    case 'tender':
      return <TenderDialog />;
    case 'receipt':
      return <ReceiptDialog />;
    case 'customer':
      return <CustomerPicker />;
    case 'held':
      return <HeldDialog />;
    case 'pin':
      return <PinDialog />;
    case 'help':
      return <HelpDialog />;
    case 'confirmClear':
      return <ConfirmClearDialog />;
    case 'khataForm':
      return <KhataFormDialog />;
    case 'productForm':
      return <ProductFormDialog />;
    case 'share':
      return <ShareDialog />;
    case null:
      return null;
  }
}

export function App() {
  useStartup();
  const screen = useApp((s) => s.screen);
  const lang = useApp((s) => s.lang);
  const access = usePairing((s) => s.access);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  if (access !== 'ok') {
    return (
      <div className={`app lang-${lang}`}>
        <PairScreen />
      </div>
    );
  }
  return (
    <div className={`app lang-${lang}`}>
      <Header />
      {screen === 'billing' && <Billing />}
      {screen === 'khata' && <Khata />}
      {screen === 'products' && <Products />}
      {screen === 'today' && <Today />}
      {screen === 'settings' && <Settings />}
      <Dialogs />
    </div>
  );
}
