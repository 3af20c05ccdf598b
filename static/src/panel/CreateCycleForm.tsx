import { useId, useState, type FormEvent } from 'react';
import type { Cycle } from '../../../src/shared/definitions';
import { api } from '../api';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { UI_LIMITS } from '../labels';
import type { Notice } from '../load';
import { NoticeView } from './NoticeView';

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
      <Field id={`${id}-name`} label="Name" required error={nameError}>
        {(describedBy) => (
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            maxLength={UI_LIMITS.cycleNameMax}
            required
            aria-required="true"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-description`} label="Description">
        {(describedBy) => (
          <textarea
            id={`${id}-description`}
            className="input textarea"
            rows={2}
            value={description}
            maxLength={UI_LIMITS.descriptionMax}
            aria-describedby={describedBy}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-environment`} label="Environment" hint="For example Staging or Chrome 130.">
        {(describedBy) => (
          <input
            id={`${id}-environment`}
            className="input"
            value={environment}
            maxLength={UI_LIMITS.environmentMax}
            aria-describedby={describedBy}
            onChange={(e) => setEnvironment(e.target.value)}
          />
        )}
      </Field>
      <NoticeView notice={notice} />
      <div className="form-actions">
        <Button type="submit" appearance="primary" busy={saving} busyLabel="Saving…">
          Create
        </Button>
        <Button appearance="subtle" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
