import { useId, useState, type FormEvent } from 'react';
import type { Execution, ExecutionStatus } from '../../../src/shared/definitions';
import { api } from '../api';
import { FormActions, SelectField, TextField } from '../components/Inputs';
import { STATUSES, STATUS_LABEL, UI_LIMITS } from '../labels';
import { NoticeView, type Notice } from './NoticeView';

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
      <SelectField id={`${id}-status`} label="Status" value={status} options={STATUSES} labels={STATUS_LABEL} onChange={setStatus} />
      <TextField id={`${id}-comment`} label="Comment (optional)" rows={2} value={comment} maxLength={UI_LIMITS.commentMax} onChange={setComment} />
      <NoticeView notice={notice} />
      <FormActions submitLabel="Save result" saving={saving} onCancel={onCancel} />
    </form>
  );
}
