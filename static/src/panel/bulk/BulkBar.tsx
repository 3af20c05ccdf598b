/**
 * Several selected test cases at once: add them all to a cycle (the backend takes the whole
 * selection and answers once), or record one result for all of them in a cycle (TestKase's bulk call,
 * an outcome per test case).
 */
import { useId, useState, type FormEvent } from 'react';
import type { Cycle, Execution, ExecutionStatus, TestCaseSummary } from '../../../../src/shared/definitions';
import { STATUSES } from '../../../../src/shared/facts';
import { LIMITS } from '../../../../src/shared/limits';
import { words } from '../../../../src/shared/words/run';
import { api } from '../../api';
import { Button } from '../../components/Button';
import { useReturnFocus } from '../../components/focus';
import { useFormFocus } from '../../components/form-focus';
import { FormActions, lengthError, TextField } from '../../components/Inputs';
import { Loaded } from '../../components/Loaded';
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
    <div className="bulk-bar" role="region" aria-label={words.bulk.region}>
      <div className="toolbar">
        <strong>{words.bulk.selected({ count: n })}</strong>
        <Button appearance={action === 'add' ? 'primary' : 'default'} aria-expanded={action === 'add'} onClick={() => open('add')}>
          {words.bulk.add({ count: n })}
        </Button>
        <Button appearance={action === 'record' ? 'primary' : 'default'} aria-expanded={action === 'record'} onClick={() => open('record')}>
          {words.bulk.record({ count: n })}
        </Button>
        <Button appearance="subtle" onClick={onClear}>
          {words.bulk.clear}
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
    const said = words.bulk;
    const next = {
      cycle: cycle ? null : said.chooseCycle,
      status: action === 'record' && !status ? words.common.chooseResult : null,
      comment: action === 'record' ? lengthError(said.theComment, comment.trim(), LIMITS.commentMax) : null,
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
      return onDone({ tone: 'success', text: said.added({ added: added.length, already: alreadyInCycle.length, cycle: cycle.name }) });
    }
    const r = await api.executeMany({ cycleId: cycle.id, testCaseIds: ids, status: status!, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    setSaving(false);
    if (!r.ok) return setNotice({ tone: 'error', text: r.error.message });
    onRecorded(r.data.recorded);
    const { recorded, failed } = r.data;
    const head = said.recorded({ status: words.status[status!], recorded: recorded.length, of: n, cycle: cycle.name });
    return onDone(failed.length ? { tone: 'warning', text: said.notRecorded({ head, why: failed.map((f) => f.message) }) } : { tone: 'success', text: head });
  };

  return (
    <Loaded state={cycles.state} loadingLabel={words.common.loadingCycles} errorTitle={words.common.cyclesFailed} onRetry={() => void cycles.reload()}>
      {({ items }) => (
        <form ref={form.ref} onKeyDown={form.onKeyDown} className="card form" noValidate aria-label={action === 'add' ? words.bulk.add({ count: n }) : words.bulk.record({ count: n })} onSubmit={(e) => void submit(e, items)}>
          <div className={errors.cycle ? 'field field-invalid' : 'field'}>
            <label className="field-label" htmlFor={`${id}-cycle`}>
              {words.common.testCycle}
            </label>
            <select id={`${id}-cycle`} className="input select" value={cycleId} aria-invalid={errors.cycle ? true : undefined} onChange={(e) => setCycleId(e.currentTarget.value)}>
              <option value="">{words.common.chooseCycle}</option>
              {items.map((c) => (
                <option key={c.id} value={c.id}>
                  {words.common.cycleOption({ name: c.name, isMaster: c.isMaster })}
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
              <StatusChoice name={`${id}-status`} legend={words.common.result} options={STATUSES} value={status} onChange={setStatus} error={errors.status ?? null} />
              <TextField id={`${id}-comment`} label={words.common.comment} rows={2} value={comment} max={LIMITS.commentMax} error={errors.comment ?? null} onChange={setComment} />
            </>
          )}
          <NoticeView notice={notice} />
          <FormActions submitLabel={action === 'add' ? words.bulk.submitAdd({ count: n }) : words.bulk.submitRecord({ count: n })} saving={saving} onCancel={onCancel} />
        </form>
      )}
    </Loaded>
  );
}
