import { useId, useState, type FormEvent } from 'react';
import type { Priority, TestCase } from '../../../src/shared/definitions';
import { api } from '../api';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { PRIORITY_LABEL, PRIORITY_ORDER, UI_LIMITS } from '../labels';
import type { Notice } from '../load';
import { NoticeView } from './NoticeView';

/** Create a test case; the backend links it to the current issue (taken from its own context). */
export function CreateTestCaseForm({ onCreated, onCancel }: { onCreated: (tc: TestCase) => Promise<void> | void; onCancel: () => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<Priority>('MEDIUM');
  const [titleError, setTitleError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (!title.trim()) {
      setTitleError('Enter a title for the test case.');
      return;
    }
    setTitleError(null);
    setSaving(true);
    const r = await api.createTestCase({
      title: title.trim(),
      priority,
      ...(description.trim() ? { description } : {}),
    });
    setSaving(false);
    if (!r.ok) {
      if (r.error.field === 'title') setTitleError(r.error.message);
      else setNotice({ tone: 'error', text: r.error.message });
      return;
    }
    await onCreated(r.data);
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-label="Create test case">
      <Field id={`${id}-title`} label="Title" required error={titleError}>
        {(describedBy) => (
          <input
            id={`${id}-title`}
            className="input"
            value={title}
            maxLength={UI_LIMITS.titleMax}
            required
            aria-required="true"
            aria-invalid={titleError ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-description`} label="Description">
        {(describedBy) => (
          <textarea
            id={`${id}-description`}
            className="input textarea"
            rows={3}
            value={description}
            maxLength={UI_LIMITS.descriptionMax}
            aria-describedby={describedBy}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-priority`} label="Priority">
        {(describedBy) => (
          <select
            id={`${id}-priority`}
            className="input select"
            value={priority}
            aria-describedby={describedBy}
            onChange={(e) => setPriority(e.target.value as Priority)}
          >
            {PRIORITY_ORDER.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABEL[p]}
              </option>
            ))}
          </select>
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
