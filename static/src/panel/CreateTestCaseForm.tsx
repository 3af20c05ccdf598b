import { useId, useState, type FormEvent } from 'react';
import type { Priority, TestCaseSummary } from '../../../src/shared/definitions';
import { api } from '../api';
import { useFormFocus } from '../components/form-focus';
import { FormActions, lengthError, SelectField, TextField } from '../components/Inputs';
import { PRIORITY_LABEL, PRIORITY_ORDER, UI_LIMITS } from '../labels';
import { NoticeView, type Notice } from './NoticeView';

/** Create a test case; the backend links it to the current issue (taken from its own context). */
export default function CreateTestCaseForm({ onCreated, onCancel }: { onCreated: (tc: TestCaseSummary) => Promise<void> | void; onCancel: () => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<Priority>('MEDIUM');
  const [titleError, setTitleError] = useState<string | null>(null);
  const [descriptionError, setDescriptionError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const form = useFormFocus<HTMLFormElement>(onCancel);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const tErr = title.trim() ? lengthError('The title', title.trim(), UI_LIMITS.titleMax) : 'Enter a title for the test case.';
    const dErr = lengthError('The description', description, UI_LIMITS.descriptionMax);
    setTitleError(tErr);
    setDescriptionError(dErr);
    if (tErr || dErr) {
      form.ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setSaving(true);
    const r = await api.createTestCase({ title: title.trim(), priority, ...(description.trim() ? { description } : {}) });
    setSaving(false);
    if (!r.ok) {
      if (r.error.field === 'title') setTitleError(r.error.message);
      else setNotice({ tone: 'error', text: r.error.message });
      return;
    }
    await onCreated(r.data);
  };

  return (
    <form ref={form.ref} onKeyDown={form.onKeyDown} className="card form" onSubmit={(e) => void submit(e)} noValidate aria-label="Create test case">
      <TextField id={`${id}-title`} label="Title" required error={titleError} value={title} max={UI_LIMITS.titleMax} onChange={setTitle} />
      <TextField id={`${id}-description`} label="Description" rows={3} error={descriptionError} value={description} max={UI_LIMITS.descriptionMax} onChange={setDescription} />
      <SelectField id={`${id}-priority`} label="Priority" value={priority} options={PRIORITY_ORDER} labels={PRIORITY_LABEL} onChange={setPriority} />
      <NoticeView notice={notice} />
      <FormActions submitLabel="Create" saving={saving} onCancel={onCancel} />
    </form>
  );
}
