/**
 * Several selected test cases at once (only cases on screen are ever selected): add them all to a
 * cycle, or record one result for all of them in a cycle — adding the ones it lacks first, in the same
 * call. Each cycle offered says how much of the selection it already holds. An outcome is summarised:
 * how many were recorded, then one sentence per reason with the cases it concerns; what was not
 * recorded can be recorded again, safely (the same request: nothing is recorded twice).
 */
import { useId, useState, type FormEvent } from 'react';
import type { BulkOutcome, CycleList, CyclesHolding, ExecutionStatus, TestCaseSummary } from '../../../../src/shared/definitions';
import { STATUSES } from '../../../../src/shared/facts';
import { LIMITS } from '../../../../src/shared/limits';
import { words } from '../../../../src/shared/words/run';
import { api } from '../../api';
import { Button } from '../../components/Button';
import { useReturnFocus } from '../../components/focus';
import { useFormFocus } from '../../components/form-focus';
import { FormActions, lengthError, TextField } from '../../components/Inputs';
import { Loaded } from '../../components/Loaded';
import { useLoad, type Load } from '../../load';
import { NoticeView, type Notice } from '../NoticeView';
import { useRequestId } from '../request-id';
import { StatusChoice } from '../run/StatusChoice';

type Action = 'add' | 'record' | null;

export default function BulkBar({
  selected,
  onClear,
  onChanged,
}: {
  selected: readonly TestCaseSummary[];
  onClear: () => void;
  /** Results were recorded (or cases added): the list is read again. */
  onChanged: () => void;
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
      {action && <BulkForm key={action} action={action} ids={ids} onCancel={close} onDone={done} onChanged={onChanged} />}
      <NoticeView notice={notice} />
    </div>
  );
}

interface Choices {
  cycles: CycleList;
  /** Null when TestKase could not say which cycles hold the selection. */
  held: ReadonlyMap<string, number> | null;
}

/** The cycles, and (when it could be loaded) how many of the selection each holds. */
function choices(cycles: Load<CycleList>, holding: Load<CyclesHolding>): Load<Choices> {
  if (cycles.status === 'error') return cycles;
  if (cycles.status === 'loading' || holding.status === 'loading') return { status: 'loading' };
  return { status: 'ready', data: { cycles: cycles.data, held: holding.status === 'ready' ? new Map(holding.data.items.map((h) => [h.cycleId, h.held])) : null } };
}

/** Not recorded and worth recording again (the cases not in the cycle need adding first). */
const retryable = (o: BulkOutcome) => o.failed.filter((f) => f.reason !== 'NOT_IN_CYCLE').flatMap((f) => f.testCaseIds);

function BulkForm({
  action,
  ids,
  onCancel,
  onDone,
  onChanged,
}: {
  action: 'add' | 'record';
  ids: string[];
  onCancel: () => void;
  onDone: (n: Notice) => void;
  onChanged: () => void;
}) {
  const id = useId();
  const cycles = useLoad(() => api.listCycles({}), []);
  const holding = useLoad(() => api.listCyclesHolding({ testCaseIds: ids }), [ids.join(',')]);
  const [cycleId, setCycleId] = useState('');
  const [status, setStatus] = useState<ExecutionStatus | null>(null);
  const [comment, setComment] = useState('');
  const [addFirst, setAddFirst] = useState(true);
  const [errors, setErrors] = useState<{ cycle?: string | null; status?: string | null; comment?: string | null }>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const form = useFormFocus<HTMLFormElement>(onCancel);
  const request = useRequestId();
  const n = ids.length;
  const said = words.bulk;
  const state = choices(cycles.state, holding.state);

  /** One call; `only` records again just the ones not recorded, under the same request (nothing twice). */
  const record = async (cycle: { id: string; name: string }, missing: boolean, only?: string[]) => {
    const text = comment.trim();
    const requestId = only ? (request.current()?.id ?? request.idFor('')) : request.idFor(JSON.stringify([cycle.id, status, text, ids, missing]));
    setSaving(true);
    setNotice(null);
    const r = await api.executeMany({ requestId, cycleId: cycle.id, testCaseIds: only ?? ids, status: status!, ...(text ? { comment: text } : {}), ...(missing ? { addMissing: true } : {}) });
    setSaving(false);
    if (!r.ok) return setNotice({ tone: 'error', text: r.error.message, ...(r.error.code === 'UNAVAILABLE' ? { more: [words.run.safeToRetry] } : {}) });
    onChanged();
    const o = r.data;
    const of = only?.length ?? n;
    const head = said.recorded({ status: words.status[status!], recorded: o.recorded.length, of, cycle: cycle.name });
    const more = [...(o.added.length ? [said.addedFirst({ count: o.added.length, cycle: cycle.name })] : []), ...o.failed.map((f) => f.message)];
    const again = retryable(o);
    if (again.length === 0) return onDone({ tone: o.failed.length ? 'warning' : 'success', text: head, more });
    // Kept open: what was not recorded can be recorded again from here.
    return setNotice({
      tone: 'warning',
      text: head,
      more,
      action: (
        <Button onClick={() => void record(cycle, false, again)}>
          {said.recordRest({ count: again.length })}
        </Button>
      ),
    });
  };

  const submit = async (event: FormEvent, { cycles: list, held }: Choices) => {
    event.preventDefault();
    const cycle = list.items.find((c) => c.id === cycleId);
    const next = {
      cycle: cycle ? null : said.chooseCycle,
      status: action === 'record' && !status ? words.common.chooseResult : null,
      comment: action === 'record' ? lengthError(said.theComment, comment.trim(), LIMITS.commentMax) : null,
    };
    setErrors(next);
    if (!cycle || next.status || next.comment) return;
    if (action === 'record') {
      const lacking = held ? n - (held.get(cycle.id) ?? 0) : null;
      return record(cycle, addFirst && lacking !== 0);
    }
    setSaving(true);
    setNotice(null);
    const r = await api.addToCycle({ cycleId: cycle.id, testCaseIds: ids });
    setSaving(false);
    if (!r.ok) return setNotice({ tone: 'error', text: r.error.message });
    onChanged();
    const { added, alreadyInCycle } = r.data;
    return onDone({ tone: 'success', text: said.added({ added: added.length, already: alreadyInCycle.length, cycle: cycle.name }) });
  };

  return (
    <Loaded state={state} loadingLabel={words.common.loadingCycles} errorTitle={words.common.cyclesFailed} onRetry={() => void cycles.reload()}>
      {(c) => {
        const chosen = c.cycles.items.find((x) => x.id === cycleId);
        const held = chosen && c.held ? (c.held.get(chosen.id) ?? 0) : null;
        const lacking = held === null ? null : n - held;
        return (
          <form
            ref={form.ref}
            onKeyDown={form.onKeyDown}
            className="card form"
            noValidate
            aria-label={action === 'add' ? said.add({ count: n }) : said.record({ count: n })}
            onSubmit={(e) => void submit(e, c)}
          >
            <div className={errors.cycle ? 'field field-invalid' : 'field'}>
              <label className="field-label" htmlFor={`${id}-cycle`}>
                {words.common.testCycle}
              </label>
              <select id={`${id}-cycle`} className="input select" value={cycleId} aria-invalid={errors.cycle ? true : undefined} onChange={(e) => setCycleId(e.currentTarget.value)}>
                <option value="">{words.common.chooseCycle}</option>
                {c.cycles.items.map((x) => (
                  <option key={x.id} value={x.id}>
                    {said.cycleHolds({ name: x.name, isMaster: x.isMaster, environment: x.environment, held: c.held ? (c.held.get(x.id) ?? 0) : null, of: n })}
                  </option>
                ))}
              </select>
              {!c.held && <p className="field-hint">{said.holdingFailed}</p>}
              {errors.cycle && (
                <p className="field-error" role="alert">
                  {errors.cycle}
                </p>
              )}
            </div>
            {action === 'record' && (
              <>
                {chosen && lacking !== 0 && (
                  <label className="step-toggle">
                    <input type="checkbox" checked={addFirst} onChange={(e) => setAddFirst(e.currentTarget.checked)} /> {lacking === null ? said.addFirstAny : said.addFirst({ count: lacking })}
                  </label>
                )}
                <StatusChoice name={`${id}-status`} legend={words.common.result} options={STATUSES} value={status} onChange={setStatus} error={errors.status ?? null} />
                <TextField id={`${id}-comment`} label={words.common.comment} rows={2} value={comment} max={LIMITS.commentMax} error={errors.comment ?? null} onChange={setComment} />
              </>
            )}
            <NoticeView notice={notice} />
            <FormActions submitLabel={action === 'add' ? said.submitAdd({ count: n }) : said.submitRecord({ count: n })} saving={saving} onCancel={onCancel} />
          </form>
        );
      }}
    </Loaded>
  );
}
