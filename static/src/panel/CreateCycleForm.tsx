import { useId, useState, type FormEvent } from 'react';
import type { Cycle } from '../../../src/shared/definitions';
import { api } from '../api';
import { FormActions, TextField } from '../components/Inputs';
import { UI_LIMITS } from '../labels';
import { NoticeView, type Notice } from './NoticeView';

export function CreateCycleForm({ onCreated, onCancel }: { onCreated: (c: Cycle) => void; onCancel: () => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [environment, setEnvironment] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (!name.trim()) {
      setNameError('Enter a name for the cycle.');
      return;
    }
    setNameError(null);
    setSaving(true);
    const r = await api.createCycle({
      name: name.trim(),
      ...(description.trim() ? { description } : {}),
      ...(environment.trim() ? { environment: environment.trim() } : {}),
    });
    setSaving(false);
    if (!r.ok) {
      if (r.error.field === 'name') setNameError(r.error.message);
      else setNotice({ tone: 'error', text: r.error.message });
      return;
    }
    onCreated(r.data);
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-label="Create cycle">
      <TextField id={`${id}-name`} label="Name" required error={nameError} value={name} maxLength={UI_LIMITS.cycleNameMax} onChange={setName} />
      <TextField id={`${id}-description`} label="Description" rows={2} value={description} maxLength={UI_LIMITS.descriptionMax} onChange={setDescription} />
      <TextField id={`${id}-environment`} label="Environment" hint="For example Staging or Chrome 130." value={environment} maxLength={UI_LIMITS.environmentMax} onChange={setEnvironment} />
      <NoticeView notice={notice} />
      <FormActions submitLabel="Create" saving={saving} onCancel={onCancel} />
    </form>
  );
}
