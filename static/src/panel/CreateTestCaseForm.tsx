/**
 * Create a test case from Jira: title, description, type, priority, preconditions and ordered steps;
 * the backend links it to the current issue (taken from its own context). Each field says what is
 * wrong in a sentence at submit; what was typed is kept in this browser until it is created or
 * cancelled, so an error — even one that replaces the panel — loses nothing.
 */
import { useEffect, useId, useState } from 'react';
import type { TestCaseSummary } from '../../../src/shared/definitions';
import { PRIORITIES, TEST_CASE_TYPES, type Priority } from '../../../src/shared/facts';
import { formatDateTime } from '../../../src/shared/format';
import { LIMITS } from '../../../src/shared/limits';
import { words } from '../../../src/shared/words/test-case';
import { api } from '../api';
import type { UiContext } from '../context';
import { Button } from '../components/Button';
import { FormActions, lengthError, SelectField, TextField } from '../components/Inputs';
import { Message } from '../components/Message';
import { NoticeView } from './NoticeView';
import { useCreateForm } from './create-form';
import { clearDraft, CREATE_FORM, readDraft, writeDraft, type DraftScope } from './drafts';
import { newStep, StepsEditor, type StepDraft } from './StepsEditor';

type CaseType = (typeof TEST_CASE_TYPES)[number];

interface CaseDraft {
  title: string;
  description: string;
  preconditions: string;
  type: CaseType;
  priority: Priority;
  steps: StepDraft[];
}

/** The first step whose action is missing or too long, with its sentence. */
function stepProblem(steps: readonly StepDraft[]): { order: number; message: string } | null {
  const w = words.createCase;
  for (const [i, s] of steps.entries()) {
    const order = i + 1;
    if (!s.action.trim()) return { order, message: w.actionRequired({ order }) };
    const long = lengthError(w.theAction({ order }), s.action.trim(), LIMITS.stepTextMax) ?? lengthError(w.theExpected({ order }), s.expectedResult.trim(), LIMITS.stepTextMax);
    if (long) return { order, message: long };
  }
  return null;
}

export default function CreateTestCaseForm({
  ctx,
  issueKey,
  onCreated,
  onCancel,
}: {
  ctx: UiContext;
  issueKey: string | null;
  onCreated: (tc: TestCaseSummary) => Promise<void> | void;
  onCancel: () => void;
}) {
  const id = useId();
  const scope: DraftScope = { cloudId: ctx.cloudId, accountId: ctx.accountId, issueKey };
  const [kept] = useState(() => readDraft<CaseDraft>(scope, CREATE_FORM));
  const [restored, setRestored] = useState(kept !== null);
  const [title, setTitle] = useState(kept?.value.title ?? '');
  const [description, setDescription] = useState(kept?.value.description ?? '');
  const [preconditions, setPreconditions] = useState(kept?.value.preconditions ?? '');
  const [type, setType] = useState<CaseType>(kept?.value.type ?? 'FUNCTIONAL');
  const [priority, setPriority] = useState<Priority>(kept?.value.priority ?? 'MEDIUM');
  const [steps, setSteps] = useState<StepDraft[]>(() => (kept?.value.steps ?? []).map((s) => ({ ...newStep(), action: s.action, expectedResult: s.expectedResult })));
  const [invalidStep, setInvalidStep] = useState<{ order: number; message: string } | null>(null);
  const said = words.createCase;

  const entered = title !== '' || description !== '' || preconditions !== '' || steps.some((s) => s.action || s.expectedResult);
  useEffect(() => {
    if (entered) writeDraft<CaseDraft>(scope, CREATE_FORM, { title, description, preconditions, type, priority, steps });
    else clearDraft(scope, CREATE_FORM);
  }, [entered, title, description, preconditions, type, priority, steps]);

  const cancel = () => {
    clearDraft(scope, CREATE_FORM);
    onCancel();
  };
  const discard = () => {
    clearDraft(scope, CREATE_FORM);
    setTitle('');
    setDescription('');
    setPreconditions('');
    setType('FUNCTIONAL');
    setPriority('MEDIUM');
    setSteps([]);
    setRestored(false);
  };

  const { errors, saving, notice, formProps } = useCreateForm({
    backendField: 'title',
    check: () => {
      const step = stepProblem(steps);
      setInvalidStep(step);
      return {
        title: title.trim() ? lengthError(said.theTitle, title.trim(), LIMITS.titleMax) : said.titleRequired,
        description: lengthError(said.theDescription, description, LIMITS.descriptionMax),
        preconditions: lengthError(said.thePreconditions, preconditions.trim(), LIMITS.preconditionsMax),
        steps: step?.message ?? null,
      };
    },
    create: () =>
      api.createTestCase({
        title: title.trim(),
        priority,
        type,
        ...(description.trim() ? { description } : {}),
        ...(preconditions.trim() ? { preconditions: preconditions.trim() } : {}),
        ...(steps.length ? { steps: steps.map((s) => ({ action: s.action.trim(), expectedResult: s.expectedResult.trim() })) } : {}),
      }),
    onCreated: async (tc) => {
      clearDraft(scope, CREATE_FORM);
      await onCreated(tc);
    },
    onCancel: cancel,
  });

  return (
    <form {...formProps} className="card form create-case" aria-label={said.form}>
      {restored && kept && (
        <Message tone="info" actions={<Button appearance="link" onClick={discard}>{said.discardDraft}</Button>}>
          <p>{said.draftRestored({ at: formatDateTime(kept.savedAt, ctx.timezone, ctx.locale) })}</p>
        </Message>
      )}
      <TextField id={`${id}-title`} label={said.title} required error={errors.title ?? null} value={title} max={LIMITS.titleMax} onChange={setTitle} />
      <TextField id={`${id}-description`} label={said.description} rows={3} error={errors.description ?? null} value={description} max={LIMITS.descriptionMax} onChange={setDescription} />
      <div className="field-row">
        <SelectField id={`${id}-type`} label={said.type} value={type} options={TEST_CASE_TYPES} labels={words.caseType} onChange={setType} />
        <SelectField id={`${id}-priority`} label={said.priority} value={priority} options={PRIORITIES} labels={words.priority} onChange={setPriority} />
      </div>
      <TextField id={`${id}-preconditions`} label={said.preconditions} rows={2} error={errors.preconditions ?? null} value={preconditions} max={LIMITS.preconditionsMax} onChange={setPreconditions} />
      <StepsEditor idPrefix={id} steps={steps} onChange={setSteps} invalid={errors.steps ? invalidStep : null} />
      <NoticeView notice={notice} />
      <FormActions submitLabel={words.common.create} saving={saving} onCancel={cancel} />
    </form>
  );
}
