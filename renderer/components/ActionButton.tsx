import { getAction, runAction } from '../actions/registry';
import { useApp } from '../store';
import { LockIcon } from './Icons';

/** A button for an action, with its shortcut shown; a touch runs the same action a key does. */
export function ActionButton({ id, args, variant, label }: { id: string; args?: unknown; variant?: 'primary' | 'danger' | 'quiet'; label?: string }) {
  const t = useApp((s) => s.t);
  const role = useApp((s) => s.role);
  const a = getAction(id);
  if (!a) return null;
  const key = a.keys[0] ?? '';
  return (
    <button
      type="button"
      className={`action ${variant ?? ''}`}
      data-action={id}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => void runAction(id, 'touch', args)}
    >
      <span className="action-label">
        {a.owner && role !== 'owner' && <LockIcon />}
        {label ?? t(a.label)}
      </span>
      <kbd>{key.replace('Arrow', '')}</kbd>
    </button>
  );
}

export function Kbd({ k }: { k: string }) {
  return <kbd>{k}</kbd>;
}
