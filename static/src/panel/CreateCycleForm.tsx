import { useId, useState } from 'react';
import type { Cycle } from '../../../src/shared/definitions';
import { api } from '../api';
import { FormActions, lengthError, TextField } from '../components/Inputs';
import { UI_LIMITS } from '../labels';
import { NoticeView } from './NoticeView';
import { useCreateForm } from './create-form';

export function CreateCycleForm({ onCreated, onCancel }: { onCreated: (c: Cycle) => void; onCancel: () => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [environment, setEnvironment] = useState('');
  const { errors, saving, notice, formProps } = useCreateForm({
    backendField: 'name',
    check: () => ({
      name: name.trim() ? lengthError('The name', name.trim(), UI_LIMITS.cycleNameMax) : 'Enter a name for the cycle.',
      description: lengthError('The description', description, UI_LIMITS.descriptionMax),
      environment: lengthError('The environment', environment.trim(), UI_LIMITS.environmentMax),
    }),
    create: () =>
      api.createCycle({
        name: name.trim(),
        ...(description.trim() ? { description } : {}),
        ...(environment.trim() ? { environment: environment.trim() } : {}),
      }),
    onCreated,
    onCancel,
  });

  return (
    <form {...formProps} className="card form" aria-label="Create cycle">
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
