import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { words } from '../../../src/shared/words/settings';
import { Button } from '../components/Button';
import { Field } from '../components/Field';

/**
 * The PAT field. The value lives only in this component and is cleared as soon as the backend
 * answers, whatever the outcome: the full token is never shown again after it was sent.
 */
export function TokenForm({
  saving,
  fieldError,
  onSave,
  onCancel,
  replacing,
}: {
  saving: boolean;
  fieldError: string | null;
  /** Resolves once the backend answered; the field is cleared then. */
  onSave: (token: string) => Promise<void>;
  onCancel?: () => void;
  replacing: boolean;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [token, setToken] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const error = localError ?? fieldError;
  // Replacing: the field that opened takes focus (a first save starts on the page as it is).
  useEffect(() => {
    if (replacing) input.current?.focus();
  }, [replacing]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token.trim()) {
      setLocalError(words.settings.patEmpty);
      input.current?.focus();
      return;
    }
    setLocalError(null);
    const value = token;
    await onSave(value);
    setToken('');
  };

  return (
    <form className="card form token-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field id={`${id}-pat`} label={words.settings.pat} required error={error} hint={words.settings.patHint}>
        {(describedBy) => (
          <input
            ref={input}
            id={`${id}-pat`}
            type="password"
            className="input"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            value={token}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setToken(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <Button type="submit" appearance="primary" busy={saving} busyLabel={words.settings.checking}>
          {words.common.save}
        </Button>
        {replacing && onCancel && (
          <Button appearance="subtle" onClick={onCancel} disabled={saving}>
            {words.common.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}
