import { useId, useState } from 'react';
import type { Cycle } from '../../../src/shared/definitions';
import { api } from '../api';
import { FormActions, lengthError, TextField } from '../components/Inputs';
import { LIMITS } from '../../../src/shared/limits';
import { words } from '../../../src/shared/words/cycles';
import { NoticeView } from './NoticeView';
import { useCreateForm } from './create-form';

export function CreateCycleForm({ onCreated, onCancel }: { onCreated: (c: Cycle) => void; onCancel: () => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [environment, setEnvironment] = useState('');
  const said = words.cycles;
  const { errors, saving, notice, formProps } = useCreateForm({
    backendField: 'name',
    check: () => ({
      name: name.trim() ? lengthError(said.theName, name.trim(), LIMITS.cycleNameMax) : said.nameRequired,
      description: lengthError(said.theDescription, description, LIMITS.descriptionMax),
      environment: lengthError(said.theEnvironment, environment.trim(), LIMITS.environmentMax),
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
    <form {...formProps} className="card form" aria-label={said.form}>
      <TextField id={`${id}-name`} label={said.name} required error={errors.name ?? null} value={name} max={LIMITS.cycleNameMax} onChange={setName} />
      <TextField id={`${id}-description`} label={said.description} rows={2} error={errors.description ?? null} value={description} max={LIMITS.descriptionMax} onChange={setDescription} />
      <TextField
        id={`${id}-environment`}
        label={said.environment}
        hint={said.environmentHint}
        error={errors.environment ?? null}
        value={environment}
        max={LIMITS.environmentMax}
        onChange={setEnvironment}
      />
      <NoticeView notice={notice} />
      <FormActions submitLabel={words.common.create} saving={saving} onCancel={onCancel} />
    </form>
  );
}
