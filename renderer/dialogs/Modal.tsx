import { useLayoutEffect, useRef, type ReactNode } from 'react';

export function Modal({ title, children, keys, wide, testId }: { title: string; children: ReactNode; keys?: string; wide?: boolean; testId?: string }) {
  return (
    <div className="overlay">
      <div className={`modal ${wide ? 'wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <h2>{title}</h2>
        {children}
        {keys && <div className="modal-keys">{keys}</div>}
      </div>
    </div>
  );
}

/** A labelled input; the error sits right under the box it is about. */
export function Field(props: {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string | null;
  autoFocus?: boolean;
  numeric?: boolean;
  type?: string;
  name?: string;
  placeholder?: string;
  width?: 'short' | 'long';
}) {
  const ref = useRef<HTMLInputElement>(null);
  // Focus (and for amounts, select, so typing replaces) on mount. Done here rather than through
  // autoFocus and onFocus: a window without focus gets no focus event, but the selection holds.
  useLayoutEffect(() => {
    if (!props.autoFocus || !ref.current) return;
    ref.current.focus();
    if (props.numeric) ref.current.select();
  }, []); // on mount only
  return (
    <label className={`field ${props.width ?? ''} ${props.error ? 'has-error' : ''}`}>
      <span>{props.label}</span>
      <input
        name={props.name}
        value={props.value}
        type={props.type ?? 'text'}
        inputMode={props.numeric ? 'decimal' : undefined}
        data-numeric={props.numeric ? '1' : undefined}
        ref={ref}
        placeholder={props.placeholder}
        autoComplete="off"
        spellCheck={false}
        onFocus={props.numeric ? (e) => e.target.select() : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error && (
        <em className="field-error" role="alert">
          {props.error}
        </em>
      )}
    </label>
  );
}
