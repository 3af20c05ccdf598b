/**
 * Record a result for one test case: the cycle (what the picker shows is where Save records, adding the
 * case to it first when it is another cycle), the last result there (so nothing is overwritten unseen:
 * every result is a new record), the result (none preselected), optionally step by step with the
 * overall result derived and overridable, a comment and the bugs it is about. What the person enters
 * is kept in this browser until it is saved or cancelled (drafts.ts): a panel replaced mid-run (the
 * token revoked, the mapping lost) loses nothing, and the next Run of the case puts it back.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Cycle, Execution, ExecutionStatus, TestCaseDetail } from '../../../../src/shared/definitions';
import { STATUSES } from '../../../../src/shared/facts';
import { formatDateTime } from '../../../../src/shared/format';
import { LIMITS } from '../../../../src/shared/limits';
import { words } from '../../../../src/shared/words/run';
import { api } from '../../api';
import type { UiContext } from '../../context';
import { Button } from '../../components/Button';
import { focusSoon } from '../../components/focus';
import { useFormFocus } from '../../components/form-focus';
import { FormActions, lengthError, TextField } from '../../components/Inputs';
import { Message } from '../../components/Message';
import { Skeleton } from '../../components/Spinner';
import { useLoad } from '../../load';
import { ResultSummary } from '../details/ResultSummary';
import { clearDraft, readDraft, runForm, writeDraft, type DraftScope } from '../drafts';
import { NoticeView, type Notice } from '../NoticeView';
import { checkBugKeys } from '../bug/check';
import { useRequestId, type RequestKey } from '../request-id';
import { CyclePicker, type CycleTarget } from './CyclePicker';
import { parseDefects } from './defects';
import { contradictsSteps, deriveStatus } from './derive';
import { StatusChoice } from './StatusChoice';
import { StepRuns, type StepEntry } from './StepRuns';

export interface RunTarget {
  id: string;
  title: string;
}

/** What is kept of an unsaved run (the form's fields and the request's id, nothing the backend sent). */
interface RunDraft {
  cycleId: string | null;
  override: ExecutionStatus | null;
  stepMode: boolean;
  steps: Record<number, StepEntry>;
  comment: string;
  bugs: string;
  request: RequestKey | null;
}

const cycleOf = (t: CycleTarget): Cycle | null => (t.kind === 'in' || t.kind === 'add' ? t.cycle : null);

export function RunForm({
  ctx,
  testCase,
  cycle: fixedCycle,
  initialCycle,
  last: knownLast,
  draftScope,
  onSaved,
  onCancel,
}: {
  ctx: UiContext;
  testCase: RunTarget;
  cycle?: Cycle;
  /** Offered first when it holds the case (Run next keeps the cycle). */
  initialCycle?: Cycle;
  last?: Execution | null;
  draftScope: DraftScope;
  onSaved: (execution: Execution, cycle: Cycle, detail: TestCaseDetail | null) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const form = runForm(testCase.id);
  // A draft made for another cycle than the fixed one stays for that one.
  const [kept] = useState(() => {
    const d = readDraft<RunDraft>(draftScope, form);
    return d && (!fixedCycle || d.value.cycleId === fixedCycle.id) ? d : null;
  });
  const [restored, setRestored] = useState(kept !== null);
  const [target, setTarget] = useState<CycleTarget>(fixedCycle ? { kind: 'in', cycle: fixedCycle } : { kind: 'loading' });
  const detail = useLoad(() => api.getTestCase({ testCaseId: testCase.id }), [testCase.id]);
  const [override, setOverride] = useState<ExecutionStatus | null>(kept?.value.override ?? null);
  const [stepMode, setStepMode] = useState(kept?.value.stepMode ?? false);
  const [steps, setSteps] = useState<Record<number, StepEntry>>(kept?.value.steps ?? {});
  const [comment, setComment] = useState(kept?.value.comment ?? '');
  const [bugs, setBugs] = useState(kept?.value.bugs ?? '');
  const [errors, setErrors] = useState<{ status?: string | null; comment?: string | null; bugs?: string | null; steps?: string | null }>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const request = useRequestId(kept?.value.request);
  const focus = useFormFocus<HTMLFormElement>(() => {
    clearDraft(draftScope, form);
    onCancel();
  });
  // The bug keys Jira found but that are not bugs of this project: saving again with them unchanged records them.
  const [doubtedBugs, setDoubtedBugs] = useState<string | null>(null);
  // After React has drawn the errors (not at once, when the invalid field is not marked yet and focus stays on Save).
  const focusInvalid = () => focusSoon(() => focus.ref.current?.querySelector<HTMLElement>('.field-invalid input, .field-invalid textarea, [aria-invalid="true"]'));

  const caseSteps = detail.state.status === 'ready' ? [...detail.state.data.steps].sort((a, b) => a.order - b.order) : [];
  const derived = stepMode ? deriveStatus(caseSteps.map((s) => steps[s.order]?.status ?? null)) : null;
  const status = override ?? derived;
  const cycle = cycleOf(target);

  // Kept as it is typed, once there is something to keep; nothing entered keeps nothing.
  const entered = override !== null || comment !== '' || bugs !== '' || Object.values(steps).some((s) => s.status || s.actual);
  useEffect(() => {
    if (!entered) {
      clearDraft(draftScope, form);
      return;
    }
    writeDraft<RunDraft>(draftScope, form, { cycleId: cycle?.id ?? kept?.value.cycleId ?? null, override, stepMode, steps, comment, bugs, request: request.current() });
  }, [entered, override, stepMode, steps, comment, bugs, cycle?.id]);

  const discard = () => {
    clearDraft(draftScope, form);
    setOverride(null);
    setStepMode(false);
    setSteps({});
    setComment('');
    setBugs('');
    setRestored(false);
  };

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
    // The cycle Save records in is the one shown; while there is none to show, say why.
    const noCycle =
      target.kind === 'loading' ? said.cyclesStillLoading : target.kind === 'failed' ? said.cyclesNotLoaded : target.kind === 'choose' ? said.chooseOtherCycle({ id: testCase.id }) : null;
    if (noCycle || !cycle) {
      setNotice({ tone: 'warning', text: noCycle ?? said.chooseCycle });
      return;
    }
    if (!status || next.comment || next.bugs || next.steps) {
      focusInvalid();
      return;
    }
    // The bugs named are checked with Jira (as the tester): no such issue is refused, another kind flagged once.
    const asked = parsed.keys.join(' ');
    if (parsed.keys.length && doubtedBugs !== asked) {
      setSaving(true);
      const check = await checkBugKeys(parsed.keys);
      setSaving(false);
      if (!check.ok || check.doubts.length) {
        setDoubtedBugs(check.ok ? asked : null);
        setErrors({ ...next, bugs: check.ok ? words.bug.saveAgain({ about: check.doubts, count: parsed.keys.length }) : check.error });
        focusInvalid();
        return;
      }
    }
    const stepResults = stepMode
      ? caseSteps.flatMap((s) => {
          const e = steps[s.order];
          return e?.status ? [{ order: s.order, status: e.status, ...(e.actual.trim() ? { actualResult: e.actual.trim() } : {}) }] : [];
        })
      : [];
    const payload = {
      cycleId: cycle.id,
      testCaseId: testCase.id,
      status,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(parsed.keys.length ? { defects: parsed.keys } : {}),
      ...(stepResults.length ? { stepResults } : {}),
      // A result the steps contradict (a Pass over failed steps) is only ever the tester's own choice: say so.
      ...(contradictsSteps(status, stepResults.map((s) => s.status)) ? { overridesSteps: true as const } : {}),
    };
    const requestId = request.idFor(JSON.stringify(payload));
    writeDraft<RunDraft>(draftScope, form, { cycleId: cycle.id, override, stepMode, steps, comment, bugs, request: request.current() });
    setSaving(true);
    if (target.kind === 'add') {
      const added = await api.addToCycle({ cycleId: cycle.id, testCaseIds: [testCase.id] });
      if (!added.ok) {
        setSaving(false);
        setNotice({ tone: 'error', text: added.error.message });
        return;
      }
    }
    const r = await api.executeTest({ requestId, ...payload });
    setSaving(false);
    if (!r.ok) {
      setNotice({ tone: 'error', text: r.error.message, ...(r.error.code === 'UNAVAILABLE' ? { more: [said.safeToRetry] } : {}) });
      return;
    }
    clearDraft(draftScope, form);
    onSaved(r.data, cycle, detail.state.status === 'ready' ? detail.state.data : null);
  };

  const said = words.run;
  return (
    <form ref={focus.ref} onKeyDown={focus.onKeyDown} className="card form run-form" onSubmit={(e) => void submit(e)} noValidate aria-label={said.form({ id: testCase.id })}>
      <h4 className="minor-heading run-heading">{said.heading({ id: <span key="id" className="mono">{testCase.id}</span>, title: testCase.title })}</h4>
      {restored && kept && (
        <Message tone="info" actions={<Button appearance="link" onClick={discard}>{said.discardDraft}</Button>}>
          <p>{said.draftRestored({ at: formatDateTime(kept.savedAt, ctx.timezone, ctx.locale) })}</p>
        </Message>
      )}
      {fixedCycle ? (
        <p className="muted">{said.inCycle({ name: <strong key="cycle">{fixedCycle.name}</strong> })}</p>
      ) : (
        <CyclePicker testCaseId={testCase.id} target={target} prefer={initialCycle?.id ?? kept?.value.cycleId ?? null} onChange={setTarget} />
      )}
      {target.kind === 'in' && (
        <LastResult ctx={ctx} cycle={target.cycle} testCaseId={testCase.id} {...(fixedCycle && knownLast !== undefined ? { known: knownLast } : {})} onCopy={(text) => setComment(text)} />
      )}
      {/* One line whatever the steps' load says: the result choice below never moves under the tester's pointer. */}
      <div className="step-slot">
        {detail.state.status === 'loading' ? (
          <p className="muted">{said.stepsLoading}</p>
        ) : detail.state.status === 'error' ? (
          <p className="muted">{said.stepsFailed({ why: detail.state.error.message })}</p>
        ) : caseSteps.length > 0 ? (
          <label className="step-toggle">
            <input type="checkbox" checked={stepMode} onChange={(e) => setStepMode(e.currentTarget.checked)} />
            {said.recordSteps({ count: caseSteps.length })}
          </label>
        ) : (
          <p className="muted">{said.noSteps}</p>
        )}
      </div>
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
      <TextField id={`${id}-bugs`} label={said.bugs} hint={said.bugsHint} value={bugs} max={200} error={errors.bugs ?? null} onChange={setBugs} />
      <NoticeView notice={notice} />
      <FormActions
        submitLabel={said.save}
        saving={saving}
        onCancel={() => {
          clearDraft(draftScope, form);
          onCancel();
        }}
      />
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
  // A row the caller already shows is drawn at once (no skeleton that the answer then replaces).
  const rows = useLoad(() => (known !== undefined ? Promise.resolve({ ok: true as const, data: known }) : fetchLast(cycle.id, testCaseId)), [cycle.id, testCaseId], known !== undefined ? { initial: { ok: true as const, data: known } } : {});
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
  const r = await api.listCycleExecutions({ cycleId, testCaseId }); // its row only: in any part of a long cycle
  return r.ok ? { ok: true as const, data: r.data.items.find((e) => e.testCaseId === testCaseId) ?? null } : r;
}
