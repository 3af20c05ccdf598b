import { useId, useState } from 'react';
import type { TestCaseSummary } from '../../../src/shared/definitions';
import { PRIORITIES, type Priority } from '../../../src/shared/facts';
import { LIMITS } from '../../../src/shared/limits';
import { words } from '../../../src/shared/words/test-case';
import { api } from '../api';
import { FormActions, lengthError, SelectField, TextField } from '../components/Inputs';
import { NoticeView } from './NoticeView';
import { useCreateForm } from './create-form';

/** Create a test case; the backend links it to the current issue (taken from its own context). */
export default function CreateTestCaseForm({ onCreated, onCancel }: { onCreated: (tc: TestCaseSummary) => Promise<void> | void; onCancel: () => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<Priority>('MEDIUM');
  const said = words.createCase;
  const { errors, saving, notice, formProps } = useCreateForm({
    backendField: 'title',
    check: () => ({
      title: title.trim() ? lengthError(said.theTitle, title.trim(), LIMITS.titleMax) : said.titleRequired,
      description: lengthError(said.theDescription, description, LIMITS.descriptionMax),
    }),
    create: () => api.createTestCase({ title: title.trim(), priority, ...(description.trim() ? { description } : {}) }),
    onCreated,
    onCancel,
  });

  return (
    <form {...formProps} className="card form" aria-label={said.form}>
      <TextField id={`${id}-title`} label={said.title} required error={errors.title ?? null} value={title} max={LIMITS.titleMax} onChange={setTitle} />
      <TextField id={`${id}-description`} label={said.description} rows={3} error={errors.description ?? null} value={description} max={LIMITS.descriptionMax} onChange={setDescription} />
      <SelectField id={`${id}-priority`} label={said.priority} value={priority} options={PRIORITIES} labels={words.priority} onChange={setPriority} />
      <NoticeView notice={notice} />
      <FormActions submitLabel={words.common.create} saving={saving} onCancel={onCancel} />
    </form>
  );
}
