/** Step-by-step: each step's action and expected result, its result and an optional actual result. */
import type { ExecutionStatus, TestStep } from '../../../../src/shared/definitions';
import { TextField } from '../../components/Inputs';
import { UI_LIMITS } from '../../labels';
import { StatusChoice } from './StatusChoice';
import { StepText } from '../StepText';

/** The results a tester records for one step (a step left without one was not executed). */
const STEP_STATUSES: readonly ExecutionStatus[] = ['PASS', 'FAIL', 'BLOCKED', 'SKIPPED'];

export interface StepEntry {
  status: ExecutionStatus | null;
  actual: string;
}

export function StepRuns({
  idPrefix,
  steps,
  entries,
  onChange,
  error,
}: {
  idPrefix: string;
  steps: readonly TestStep[];
  entries: Readonly<Record<number, StepEntry>>;
  onChange: (order: number, entry: StepEntry) => void;
  error: string | null;
}) {
  return (
    <>
      <ol className="steps step-runs">
        {steps.map((s) => {
          const entry = entries[s.order] ?? { status: null, actual: '' };
          return (
            <li key={s.order} className="step">
              <StepText step={s} />
              <StatusChoice
                name={`${idPrefix}-step-${s.order}`}
                legend={`Step ${s.order} result`}
                options={STEP_STATUSES}
                value={entry.status}
                onChange={(status) => onChange(s.order, { ...entry, status })}
              />
              <TextField
                id={`${idPrefix}-actual-${s.order}`}
                label={`Step ${s.order} actual result (optional)`}
                rows={1}
                value={entry.actual}
                max={UI_LIMITS.actualResultMax}
                onChange={(actual) => onChange(s.order, { ...entry, actual })}
              />
            </li>
          );
        })}
      </ol>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
