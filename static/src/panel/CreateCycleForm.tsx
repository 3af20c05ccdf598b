import { useId, useState, type FormEvent } from 'react';
import type { Cycle } from '../../../src/shared/definitions';
import { api } from '../api';
import { useFormFocus } from '../components/form-focus';
import { FormActions, lengthError, TextField } from '../components/Inputs';
import { UI_LIMITS } from '../labels';
import { NoticeView, type Notice } from './NoticeView';

export function CreateCycleForm({ onCreated, onCancel }: { onCreated: (c: Cycle) => void; onCancel: () => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [environment, setEnvironment] = useState('');
  const [errors, setErrors] = useState<{ name?: string | null; description?: string | null; environment?: string | null }>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const form = useFormFocus<HTMLFormElement>(onCancel);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const next = {
      name: name.trim() ? lengthError('The name', name.trim(), UI_LIMITS.cycleNameMax) : 'Enter a name for the cycle.',
      description: lengthError('The description', description, UI_LIMITS.descriptionMax),
      environment: lengthError('The environment', environment.trim(), UI_LIMITS.environmentMax),
    };
    setErrors(next);
    if (next.name || next.description || next.environment) {
      form.ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setSaving(true);
    const r = await api.createCycle({
      name: name.trim(),
      ...(description.trim() ? { description } : {}),
      ...(environment.trim() ? { environment: environment.trim() } : {}),
    });
    setSaving(false);
    if (!r.ok) {
      if (r.error.field === 'name') setErrors({ name: r.error.message });
      else setNotice({ tone: 'error', text: r.error.message });
      return;
    }
    onCreated(r.data);
  };

  return (
    <form ref={form.ref} onKeyDown={form.onKeyDown} className="card form" onSubmit={(e) => void submit(e)} noValidate aria-label="Create cycle">
      <TextField id={`${id}-name`} label="Name" required error={errors.name ?? null} value={name} max={UI_LIMITS.cycleNameMax} onChange={setName} />
      <TextField id={`${id}-description`} label="Description" rows={2} error={errors.description ?? null} value={description} max={UI_LIMITS.descriptionMax} onChange={setDescription} />
      <TextField
        id={`${id}-environment`}
        label="Environment"
        hint="For example Staging or Chrome 130."
        error={errors.environment ?? null}
        value={environment}
        max={UI_LIMITS.environmentMax}
        onChange={setEnvironment}
      />
      <NoticeView notice={notice} />
      <FormActions submitLabel="Create" saving={saving} onCancel={onCancel} />
    </form>
  );
}
