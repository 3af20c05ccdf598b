/**
 * Record a result for one test case: the cycle, the last result there (so nothing is overwritten
 * unseen: every result is a new record), the result (none preselected), optionally step by step with
 * the overall result derived and overridable, a comment and the bugs it is about.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Cycle, Execution, ExecutionStatus, TestCaseDetail } from '../../../../src/shared/definitions';
import { STATUSES } from '../../../../src/shared/facts';
import { LIMITS } from '../../../../src/shared/limits';
import { words } from '../../../../src/shared/words/run';
import { api } from '../../api';
import type { UiContext } from '../../context';
import { Button } from '../../components/Button';
import { useFormFocus } from '../../components/form-focus';
import { FormActions, lengthError, TextField } from '../../components/Inputs';
import { Skeleton } from '../../components/Spinner';
import { useLoad } from '../../load';
import { ResultSummary } from '../details/ResultSummary';
import { NoticeView, type Notice } from '../NoticeView';
import { CyclePicker } from './CyclePicker';
import { parseDefects } from './defects';
import { deriveStatus } from './derive';
import { StatusChoice } from './StatusChoice';
import { StepRuns, type StepEntry } from './StepRuns';

export interface RunTarget {
  id: string;
  title: string;
}

export function RunForm({
  ctx,
  testCase,
  cycle: fixedCycle,
  last: knownLast,
  onSaved,
  onCancel,
}: {
  ctx: UiContext;
  testCase: RunTarget;
  cycle?: Cycle;
  last?: Execution | null;
  onSaved: (execution: Execution, cycle: Cycle, detail: TestCaseDetail | null) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [cycle, setCycle] = useState<Cycle | null>(fixedCycle ?? null);
  const detail = useLoad(() => api.getTestCase({ testCaseId: testCase.id }), [testCase.id]);
  const [override, setOverride] = useState<ExecutionStatus | null>(null);
  const [stepMode, setStepMode] = useState(false);
  const [steps, setSteps] = useState<Record<number, StepEntry>>({});
  const [comment, setComment] = useState('');
  const [bugs, setBugs] = useState('');
  const [errors, setErrors] = useState<{ status?: string | null; comment?: string | null; bugs?: string | null; steps?: string | null }>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const form = useFormFocus<HTMLFormElement>(onCancel);

  const caseSteps = detail.state.status === 'ready' ? [...detail.state.data.steps].sort((a, b) => a.order - b.order) : [];
  const derived = stepMode ? deriveStatus(caseSteps.map((s) => steps[s.order]?.status ?? null)) : null;
  const status = override ?? derived;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const parsed = parseDefects(bugs);
    const said = words.run;
    const stepTooLong = stepMode ? caseSteps.find((s) => (steps[s.order]?.actual.length ?? 0) > LIMITS.actualResultMax) : undefined;
    const next = {
      status: status ? null : stepMode ? said.stepsOrResult : words.common.chooseResult,
      comment: lengthError(said.theComment, comment.trim(), LIMITS.commentMax),
      bugs: parsed.error,
      steps: stepTooLong ? lengthError(said.theActual({ order: stepTooLong.order }), steps[stepTooLong.order]?.actual ?? '', LIMITS.actualResultMax) : null,
    };
    setErrors(next);
    if (!cycle) {
      setNotice({ tone: 'error', text: said.chooseCycle });
      return;
    }
    if (!status || next.comment || next.bugs || next.steps) {
      form.ref.current?.querySelector<HTMLElement>('.field-invalid input, .field-invalid textarea, [aria-invalid="true"]')?.focus();
      return;
    }
    const stepResults = stepMode
      ? caseSteps.flatMap((s) => {
          const e = steps[s.order];
          return e?.status ? [{ order: s.order, status: e.status, ...(e.actual.trim() ? { actualResult: e.actual.trim() } : {}) }] : [];
        })
      : [];
    setSaving(true);
    const r = await api.executeTest({
      cycleId: cycle.id,
      testCaseId: testCase.id,
      status,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(parsed.keys.length ? { defects: parsed.keys } : {}),
      ...(stepResults.length ? { stepResults } : {}),
    });
    setSaving(false);
    if (!r.ok) {
      setNotice({ tone: 'error', text: r.error.message });
      return;
    }
    onSaved(r.data, cycle, detail.state.status === 'ready' ? detail.state.data : null);
  };

  const said = words.run;
  return (
    <form ref={form.ref} onKeyDown={form.onKeyDown} className="card form run-form" onSubmit={(e) => void submit(e)} noValidate aria-label={said.form({ id: testCase.id })}>
      <h4 className="minor-heading">{said.heading({ id: <span key="id" className="mono">{testCase.id}</span>, title: testCase.title })}</h4>
      {fixedCycle ? (
        <p className="muted">{said.inCycle({ name: <strong key="cycle">{fixedCycle.name}</strong> })}</p>
      ) : (
        <CyclePicker testCaseId={testCase.id} value={cycle} onChange={setCycle} />
      )}
      {cycle && <LastResult ctx={ctx} cycle={cycle} testCaseId={testCase.id} {...(fixedCycle && knownLast !== undefined ? { known: knownLast } : {})} onCopy={(text) => setComment(text)} />}
      {caseSteps.length > 0 && (
        <label className="step-toggle">
          <input type="checkbox" checked={stepMode} onChange={(e) => setStepMode(e.currentTarget.checked)} />
          {said.recordSteps({ count: caseSteps.length })}
        </label>
      )}
      {detail.state.status === 'error' && <p className="muted">{said.stepsFailed({ why: detail.state.error.message })}</p>}
      {stepMode && (
        <StepRuns idPrefix={id} steps={caseSteps} entries={steps} onChange={(order, entry) => setSteps((s) => ({ ...s, [order]: entry }))} error={errors.steps ?? null} />
      )}
      <StatusChoice
        name={`${id}-status`}
        legend={stepMode ? said.overall : words.common.result}
        options={STATUSES}
        value={status}
        onChange={(s) => setOverride(s)}
        error={errors.status ?? null}
        {...(stepMode ? { hint: derivedHint(derived, override) } : {})}
      />
      {stepMode && override && derived && override !== derived && (
        <Button appearance="link" onClick={() => setOverride(null)}>
          {said.useSteps({ status: words.status[derived] })}
        </Button>
      )}
      <TextField id={`${id}-comment`} label={words.common.comment} rows={3} value={comment} max={LIMITS.commentMax} error={errors.comment ?? null} onChange={setComment} />
      <TextField
        id={`${id}-bugs`}
        label={said.bugs}
        hint={said.bugsHint}
        value={bugs}
        max={200}
        error={errors.bugs ?? null}
        onChange={setBugs}
      />
      <NoticeView notice={notice} />
      <FormActions submitLabel={said.save} saving={saving} onCancel={onCancel} />
    </form>
  );
}

function derivedHint(derived: ExecutionStatus | null, override: ExecutionStatus | null): string {
  if (!derived) return words.run.derivedOpen;
  if (override && override !== derived) return words.run.derivedOverridden({ status: words.status[derived] });
  return words.run.derived({ status: words.status[derived] });
}

/** The latest result of the case in the cycle, shown before a new one is recorded. */
function LastResult({ ctx, cycle, testCaseId, known, onCopy }: { ctx: UiContext; cycle: Cycle; testCaseId: string; known?: Execution | null; onCopy: (comment: string) => void }) {
  const rows = useLoad(() => (known !== undefined ? Promise.resolve({ ok: true as const, data: known }) : fetchLast(cycle.id, testCaseId)), [cycle.id, testCaseId]);
  const said = words.run;
  if (rows.state.status === 'loading') return <Skeleton label={said.lastLoading} rows={1} />;
  if (rows.state.status === 'error') return <p className="muted">{said.lastFailed({ why: rows.state.error.message })}</p>;
  const last = rows.state.data;
  if (!last || (last.status === 'NOT_EXECUTED' && !last.comment && !last.recordedAt)) return <p className="muted last-result">{said.notRunIn({ name: cycle.name })}</p>;
  return (
    <div className="last-result">
      <p className="field-label">{said.lastIn({ name: cycle.name })}</p>
      <ResultSummary ctx={ctx} result={last} />
      {last.comment && (
        <Button appearance="link" onClick={() => onCopy(last.comment ?? '')}>
          {said.copyComment}
        </Button>
      )}
    </div>
  );
}

async function fetchLast(cycleId: string, testCaseId: string) {
  const r = await api.listCycleExecutions({ cycleId });
  return r.ok ? { ok: true as const, data: r.data.items.find((e) => e.testCaseId === testCaseId) ?? null } : r;
}
