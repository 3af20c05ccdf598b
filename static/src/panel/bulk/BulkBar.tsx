/**
 * Several selected test cases at once: add them all to a cycle (the backend takes the whole
 * selection and answers once), or record one result for all of them in a cycle (TestKase's bulk call,
 * an outcome per test case).
 */
import { useId, useState, type FormEvent } from 'react';
import type { Cycle, Execution, ExecutionStatus, TestCaseSummary } from '../../../../src/shared/definitions';
import { api } from '../../api';
import { Button } from '../../components/Button';
import { useReturnFocus } from '../../components/focus';
import { useFormFocus } from '../../components/form-focus';
import { FormActions, lengthError, TextField } from '../../components/Inputs';
import { Loaded } from '../../components/Loaded';
import { STATUSES, STATUS_LABEL, UI_LIMITS } from '../../labels';
import { useLoad } from '../../load';
import { NoticeView, type Notice } from '../NoticeView';
import { StatusChoice } from '../run/StatusChoice';

type Action = 'add' | 'record' | null;

export default function BulkBar({
  selected,
  onClear,
  onRecorded,
}: {
  selected: readonly TestCaseSummary[];
  onClear: () => void;
  onRecorded: (executions: Execution[]) => void;
}) {
  const [action, setAction] = useState<Action>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const opener = useReturnFocus();
  const ids = selected.map((t) => t.id);
  const n = ids.length;

  const open = (a: Action) => {
    opener.remember();
    setNotice(null);
    setAction((cur) => (cur === a ? null : a));
  };
  const close = () => {
    setAction(null);
    opener.restore();
  };
  const done = (n2: Notice) => {
    setNotice(n2);
    close();
  };

  return (
    <div className="bulk-bar" role="region" aria-label="Selected test cases">
      <div className="toolbar">
        <strong>{n} selected</strong>
        <Button appearance={action === 'add' ? 'primary' : 'default'} aria-expanded={action === 'add'} onClick={() => open('add')}>
          Add {n} to a cycle
        </Button>
        <Button appearance={action === 'record' ? 'primary' : 'default'} aria-expanded={action === 'record'} onClick={() => open('record')}>
          Record a result for {n}
        </Button>
        <Button appearance="subtle" onClick={onClear}>
          Clear selection
        </Button>
      </div>
      {action && <BulkForm action={action} ids={ids} onCancel={close} onDone={done} onRecorded={onRecorded} />}
      <NoticeView notice={notice} />
    </div>
  );
}

function BulkForm({
  action,
  ids,
  onCancel,
  onDone,
  onRecorded,
}: {
  action: 'add' | 'record';
  ids: string[];
  onCancel: () => void;
  onDone: (n: Notice) => void;
  onRecorded: (executions: Execution[]) => void;
}) {
  const id = useId();
  const cycles = useLoad(() => api.listCycles({}), []);
  const [cycleId, setCycleId] = useState('');
  const [status, setStatus] = useState<ExecutionStatus | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ cycle?: string | null; status?: string | null; comment?: string | null }>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const form = useFormFocus<HTMLFormElement>(onCancel);
  const n = ids.length;

  const submit = async (event: FormEvent, list: readonly Cycle[]) => {
    event.preventDefault();
    const cycle = list.find((c) => c.id === cycleId);
    const next = {
      cycle: cycle ? null : 'Choose a test cycle.',
      status: action === 'record' && !status ? 'Choose a result.' : null,
      comment: action === 'record' ? lengthError('The comment', comment.trim(), UI_LIMITS.commentMax) : null,
    };
    setErrors(next);
    if (!cycle || next.status || next.comment) return;
    setSaving(true);
    setNotice(null);
    if (action === 'add') {
      const r = await api.addToCycle({ cycleId: cycle.id, testCaseIds: ids });
      setSaving(false);
      if (!r.ok) return setNotice({ tone: 'error', text: r.error.message });
      const { added, alreadyInCycle } = r.data;
      return onDone({
        tone: 'success',
        text: `Added ${added.length} ${added.length === 1 ? 'test case' : 'test cases'} to ${cycle.name}.${alreadyInCycle.length ? ` ${alreadyInCycle.length} ${alreadyInCycle.length === 1 ? 'was' : 'were'} already in it.` : ''}`,
      });
    }
    const r = await api.executeMany({ cycleId: cycle.id, testCaseIds: ids, status: status!, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    setSaving(false);
    if (!r.ok) return setNotice({ tone: 'error', text: r.error.message });
    onRecorded(r.data.recorded);
    const { recorded, failed } = r.data;
    const head = `Recorded ${STATUS_LABEL[status!]} for ${recorded.length} of ${n} in ${cycle.name}.`;
    return onDone(failed.length ? { tone: 'warning', text: `${head} Not recorded: ${failed.map((f) => f.message).join(' ')}` } : { tone: 'success', text: head });
  };

  return (
    <Loaded state={cycles.state} loadingLabel="Loading test cycles…" errorTitle="The test cycles could not be loaded" onRetry={() => void cycles.reload()}>
      {({ items }) => (
        <form ref={form.ref} onKeyDown={form.onKeyDown} className="card form" noValidate aria-label={action === 'add' ? `Add ${n} to a cycle` : `Record a result for ${n}`} onSubmit={(e) => void submit(e, items)}>
          <div className={errors.cycle ? 'field field-invalid' : 'field'}>
            <label className="field-label" htmlFor={`${id}-cycle`}>
              Test cycle
            </label>
            <select id={`${id}-cycle`} className="input select" value={cycleId} aria-invalid={errors.cycle ? true : undefined} onChange={(e) => setCycleId(e.currentTarget.value)}>
              <option value="">Choose a cycle…</option>
              {items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.isMaster ? ' (master)' : ''}
                </option>
              ))}
            </select>
            {errors.cycle && (
              <p className="field-error" role="alert">
                {errors.cycle}
              </p>
            )}
          </div>
          {action === 'record' && (
            <>
              <StatusChoice name={`${id}-status`} legend="Result" options={STATUSES} value={status} onChange={setStatus} error={errors.status ?? null} />
              <TextField id={`${id}-comment`} label="Comment (optional)" rows={2} value={comment} max={UI_LIMITS.commentMax} error={errors.comment ?? null} onChange={setComment} />
            </>
          )}
          <NoticeView notice={notice} />
          <FormActions submitLabel={action === 'add' ? `Add ${n}` : `Record for ${n}`} saving={saving} onCancel={onCancel} />
        </form>
      )}
    </Loaded>
  );
}
