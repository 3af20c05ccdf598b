import { useId, useState } from 'react';
import type { Priority, TestCaseSummary } from '../../../src/shared/definitions';
import { api } from '../api';
import { FormActions, lengthError, SelectField, TextField } from '../components/Inputs';
import { PRIORITY_LABEL, PRIORITY_ORDER, UI_LIMITS } from '../labels';
import { NoticeView } from './NoticeView';
import { useCreateForm } from './create-form';

/** Create a test case; the backend links it to the current issue (taken from its own context). */
export default function CreateTestCaseForm({ onCreated, onCancel }: { onCreated: (tc: TestCaseSummary) => Promise<void> | void; onCancel: () => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<Priority>('MEDIUM');
  const { errors, saving, notice, formProps } = useCreateForm({
    backendField: 'title',
    check: () => ({
      title: title.trim() ? lengthError('The title', title.trim(), UI_LIMITS.titleMax) : 'Enter a title for the test case.',
      description: lengthError('The description', description, UI_LIMITS.descriptionMax),
    }),
    create: () => api.createTestCase({ title: title.trim(), priority, ...(description.trim() ? { description } : {}) }),
    onCreated,
    onCancel,
  });

  return (
    <form {...formProps} className="card form" aria-label="Create test case">
      <TextField id={`${id}-title`} label="Title" required error={errors.title ?? null} value={title} max={UI_LIMITS.titleMax} onChange={setTitle} />
      <TextField id={`${id}-description`} label="Description" rows={3} error={errors.description ?? null} value={description} max={UI_LIMITS.descriptionMax} onChange={setDescription} />
      <SelectField id={`${id}-priority`} label="Priority" value={priority} options={PRIORITY_ORDER} labels={PRIORITY_LABEL} onChange={setPriority} />
      <NoticeView notice={notice} />
      <FormActions submitLabel="Create" saving={saving} onCancel={onCancel} />
    </form>
  );
}
