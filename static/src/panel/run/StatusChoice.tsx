import type { ExecutionStatus } from '../../../../src/shared/facts';
import { words } from '../../../../src/shared/words/base';
import { STATUS_CLASS } from '../../status-style';

/** A result as radio buttons (nothing chosen until the person chooses: a result is never assumed). */
export function StatusChoice({
  name,
  legend,
  options,
  value,
  onChange,
  error,
  hint,
}: {
  name: string;
  legend: string;
  options: readonly ExecutionStatus[];
  value: ExecutionStatus | null;
  onChange: (s: ExecutionStatus) => void;
  error?: string | null;
  hint?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className={error ? 'status-choice field-invalid' : 'status-choice'} aria-describedby={error ? errorId : undefined}>
      <legend className="field-label">{legend}</legend>
      <div className="status-options">
        {options.map((s) => (
          <label key={s} className={`status-option status-option-${STATUS_CLASS[s]}${value === s ? ' status-option-checked' : ''}`}>
            <input type="radio" name={name} value={s} checked={value === s} onChange={() => onChange(s)} />
            {words.status[s]}
          </label>
        ))}
      </div>
      {hint && <p className="field-hint">{hint}</p>}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
