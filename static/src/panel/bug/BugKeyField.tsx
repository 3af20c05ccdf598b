/** The one field where a tester types a bug's key (after Report bug, or to link a bug), with its button and error. */
import type { ReactNode, RefObject } from 'react';
import { words } from '../../../../src/shared/words/run';

export function BugKeyField({
  id,
  value,
  error,
  hint,
  inputRef,
  onChange,
  onEnter,
  children,
}: {
  id: string;
  value: string;
  error: string | null;
  hint?: string;
  inputRef: RefObject<HTMLInputElement>;
  onChange: (value: string) => void;
  /** Enter in the field: what its button does. */
  onEnter: () => void;
  /** The field's button. */
  children: ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {words.bug.key}
      </label>
      <div className="input-row">
        <input
          ref={inputRef}
          id={id}
          className="input"
          placeholder={words.bug.keyPlaceholder}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            onEnter();
          }}
        />
        {children}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
