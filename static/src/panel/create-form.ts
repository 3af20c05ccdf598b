/**
 * The submit of a form that creates something in TestKase: the fields are checked first (the first
 * invalid one takes focus), then the call; a validation error the backend names on `backendField` lands
 * on that field, any other error in the form's notice.
 */
import { useState, type FormEvent } from 'react';
import type { Result } from '../../../src/shared/definitions';
import { focusSoon } from '../components/focus';
import { useFormFocus } from '../components/form-focus';
import type { Notice } from './NoticeView';

type FieldErrors<F extends string> = Partial<Record<F, string | null>>;

export function useCreateForm<F extends string, T>({
  backendField,
  check,
  create,
  onCreated,
  onCancel,
}: {
  backendField: NoInfer<F>;
  /** Each field's error, null when it is fine. */
  check: () => Record<F, string | null>;
  create: () => Promise<Result<T>>;
  onCreated: (created: T) => Promise<void> | void;
  onCancel: () => void;
}) {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const form = useFormFocus<HTMLFormElement>(onCancel);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const next = check();
    setErrors(next);
    if (Object.values(next).some(Boolean)) {
      // Once the errors are on screen (the fields are marked invalid when React commits, not before).
      focusSoon(() => form.ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));
      return;
    }
    setSaving(true);
    const r = await create();
    setSaving(false);
    if (!r.ok) {
      if (r.error.field === backendField) setErrors({ [backendField]: r.error.message } as FieldErrors<F>);
      else setNotice({ tone: 'error', text: r.error.message });
      return;
    }
    await onCreated(r.data);
  };

  /** What the form element takes: focus and Esc, and the submit. */
  const formProps = { ref: form.ref, onKeyDown: form.onKeyDown, onSubmit: (e: FormEvent) => void submit(e), noValidate: true };
  return { errors, saving, notice, formProps };
}
