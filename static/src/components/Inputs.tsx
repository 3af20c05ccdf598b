/** Labelled text, text-area and select fields, and the Submit / Cancel row every form ends with. */
import type { Ref } from 'react';
import { words } from '../../../src/shared/words/base';
import { formatNumber } from '../../../src/shared/format';
import { Button } from './Button';
import { Field } from './Field';

/** What a field over its limit says at submit (the text is kept, never cut); `what` names the field ("The comment"). */
export function lengthError(what: string, value: string, max: number): string | null {
  const over = value.length - max;
  return over > 0 ? words.common.tooLong({ what, over, max: formatNumber(max) }) : null;
}

/** "12 / 255", or how much is over: next to the field, updated as the person types. */
function Counter({ id, length, max }: { id: string; length: number; max: number }) {
  const over = length > max;
  return (
    <span id={id} className={over ? 'counter counter-over' : 'counter'}>
      {over ? words.common.counterOver({ over: formatNumber(length - max), max: formatNumber(max) }) : words.common.counter({ length: formatNumber(length), max: formatNumber(max) })}
    </span>
  );
}

export function TextField({
  id,
  label,
  value,
  onChange,
  max,
  required,
  error,
  hint,
  rows,
  inputRef,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The limit: shown with a live counter and checked at submit; never enforced by cutting (no maxLength). */
  max: number;
  required?: boolean;
  error?: string | null;
  hint?: string;
  /** Renders a text area of this many rows. */
  rows?: number;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}) {
  const counterId = `${id}-count`;
  return (
    <Field id={id} label={label} {...(required ? { required } : {})} error={error ?? null} {...(hint ? { hint } : {})} extra={<Counter id={counterId} length={value.length} max={max} />}>
      {(describedBy) => {
        const common = {
          id,
          ref: inputRef,
          value,
          'aria-invalid': error || value.length > max ? true : undefined,
          'aria-describedby': [describedBy, counterId].filter(Boolean).join(' '),
          onChange: (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value),
        };
        return rows ? (
          <textarea {...common} className="input textarea" rows={rows} />
        ) : (
          <input {...common} className="input" required={required} aria-required={required ? true : undefined} />
        );
      }}
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
        <select id={id} className="input select" value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.currentTarget.value as T)}>
          <LabelledOptions values={options} labels={labels} />
        </select>
      )}
    </Field>
  );
}

/** A select's options: each value, shown by its label. */
export function LabelledOptions<T extends string>({ values, labels }: { values: readonly T[]; labels: Record<T, string> }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </>
  );
}

export function FormActions({ submitLabel, saving, onCancel }: { submitLabel: string; saving: boolean; onCancel: () => void }) {
  return (
    <div className="form-actions">
      <Button type="submit" appearance="primary" busy={saving} busyLabel={words.common.saving}>
        {submitLabel}
      </Button>
      <Button appearance="subtle" onClick={onCancel} disabled={saving}>
        {words.common.cancel}
      </Button>
    </div>
  );
}
