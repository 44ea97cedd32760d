// Keys to actions. Installed once on window; the scanner's fast bursts into the search box are told
// apart from typing here, so a scan runs the same Enter action with source 'scanner'.
import { KeyBurst } from '../lib/scanner';
import { useApp } from '../store';
import { actionFor, activeScopes } from './registry';

/** "Alt+b", "Shift+F8", "Enter", "+", "c": letters and digits by their key position, so Alt on a Mac still works. */
export function keyName(e: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): string {
  let base = e.key;
  if (/^Key[A-Z]$/.test(e.code)) base = e.code.slice(3).toLowerCase();
  else if (/^Digit\d$/.test(e.code)) base = e.code.slice(5);
  const symbol = base.length === 1 && !/[a-z0-9]/.test(base);
  const mods = [e.ctrlKey || e.metaKey ? 'Ctrl' : '', e.altKey ? 'Alt' : '', e.shiftKey && !symbol ? 'Shift' : ''].filter(Boolean);
  return [...mods, base].join('+');
}

const isTextBox = (el: Element | null): el is HTMLInputElement | HTMLTextAreaElement =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(el.type));

export function installKeyboard(target: Window = window): () => void {
  const burst = new KeyBurst();
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    const state = useApp.getState();
    const active = document.activeElement;
    const inSearch = active?.id === 'bill-search';
    const printable = e.key.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey;

    if (printable && state.screen === 'billing' && state.dialog === null) {
      // A scan (or typing) while the focus is elsewhere still goes into the search box.
      if (!inSearch && !isTextBox(active)) document.getElementById('bill-search')?.focus();
      burst.key(e.timeStamp);
    }
    const key = keyName(e);
    const action = actionFor(key, activeScopes());
    if (!action) return;
    if (action.notWhileTyping && isTextBox(active) && active.value !== '') return;
    // Letters are actions only where no text is typed (the payment keys); elsewhere they are text.
    if (printable && /^[a-z]$/.test(key) && isTextBox(active) && !active.dataset.numeric) return;
    e.preventDefault();
    const source = action.id === 'add' && burst.enter(e.timeStamp) ? 'scanner' : 'keyboard';
    void Promise.resolve(action.run(source)).catch((err: unknown) => useApp.getState().setBillError(String(err)));
  };
  // Push-to-talk ends when its key is let go; the voice pipeline listens for galla:voice.
  const onKeyUp = (e: KeyboardEvent) => {
    if (e.code === 'KeyV' || e.key === 'Alt') target.dispatchEvent(new CustomEvent('galla:voice', { detail: { pressed: false } }));
  };
  target.addEventListener('keydown', onKeyDown, true);
  target.addEventListener('keyup', onKeyUp, true);
  return () => {
    target.removeEventListener('keydown', onKeyDown, true);
    target.removeEventListener('keyup', onKeyUp, true);
  };
}
