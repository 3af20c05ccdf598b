/** Labelled text, text-area and select fields, and the Submit / Cancel row every form ends with. */
import { Button } from './Button';
import { Field } from './Field';

export function TextField({
  id,
  label,
  value,
  onChange,
  maxLength,
  required,
  error,
  hint,
  rows,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  required?: boolean;
  error?: string | null;
  hint?: string;
  /** Renders a text area of this many rows. */
  rows?: number;
}) {
  return (
    <Field id={id} label={label} {...(required ? { required } : {})} error={error ?? null} {...(hint ? { hint } : {})}>
      {(describedBy) =>
        rows ? (
          <textarea id={id} className="input textarea" rows={rows} value={value} maxLength={maxLength} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            id={id}
            className="input"
            value={value}
            maxLength={maxLength}
            required={required}
            aria-required={required ? true : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

export function SelectField<T extends string>({
  id,
  label,
  value,
  options,
  labels,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T) => void;
}) {
  return (
    <Field id={id} label={label}>
      {(describedBy) => (
        <select id={id} className="input select" value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {labels[o]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function FormActions({ submitLabel, saving, onCancel }: { submitLabel: string; saving: boolean; onCancel: () => void }) {
  return (
    <div className="form-actions">
      <Button type="submit" appearance="primary" busy={saving} busyLabel="Saving…">
        {submitLabel}
      </Button>
      <Button appearance="subtle" onClick={onCancel} disabled={saving}>
        Cancel
      </Button>
    </div>
  );
}
