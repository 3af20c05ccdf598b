import { useId, useState, type FormEvent } from 'react';
import type { Execution, ExecutionStatus } from '../../../src/shared/definitions';
import { api } from '../api';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { STATUSES, STATUS_LABEL, UI_LIMITS } from '../labels';
import type { Notice } from '../load';
import { NoticeView } from './NoticeView';

/** Record a result for one test case in one cycle. */
export function ExecuteForm({
  cycleId,
  testCaseId,
  current,
  onSaved,
  onCancel,
}: {
  cycleId: string;
  testCaseId: string;
  current: ExecutionStatus;
  onSaved: (execution: Execution) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [status, setStatus] = useState<ExecutionStatus>(current === 'NOT_EXECUTED' ? 'PASS' : current);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setNotice(null);
    const text = comment.trim();
    const r = await api.executeTest({ cycleId, testCaseId, status, ...(text ? { comment: text } : {}) });
    setSaving(false);
    if (!r.ok) {
      setNotice({ tone: 'error', text: r.error.message });
      return;
    }
    onSaved(r.data);
  };

  return (
    <form className="execute-form" onSubmit={(e) => void submit(e)} aria-label={`Execute ${testCaseId}`}>
      <Field id={`${id}-status`} label="Status">
        {(describedBy) => (
          <select
            id={`${id}-status`}
            className="input select"
            value={status}
            aria-describedby={describedBy}
            onChange={(e) => setStatus(e.target.value as ExecutionStatus)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-comment`} label="Comment (optional)">
        {(describedBy) => (
          <textarea
            id={`${id}-comment`}
            className="input textarea"
            rows={2}
            value={comment}
            maxLength={UI_LIMITS.commentMax}
            aria-describedby={describedBy}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </Field>
      <NoticeView notice={notice} />
      <div className="form-actions">
        <Button type="submit" appearance="primary" busy={saving} busyLabel="Saving…">
          Save result
        </Button>
        <Button appearance="subtle" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
