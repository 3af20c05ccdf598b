import type { ReactNode } from 'react';

/** A labelled form field with an optional hint and error, wired with aria-describedby / aria-invalid. */
export function Field({
  id,
  label,
  required,
  hint,
  error,
  extra,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string | null;
  /** Shown beside the label (e.g. a character counter). */
  extra?: ReactNode;
  /** Receives the ids to put in aria-describedby. */
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <div className="field-head">
        <label htmlFor={id} className="field-label">
          {label}
          {required && (
            <span className="required" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </label>
        {extra}
      </div>
      {children(describedBy)}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
