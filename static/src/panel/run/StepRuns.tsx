/** Step-by-step: each step's action and expected result, its result and an optional actual result. */
import type { TestStep } from '../../../../src/shared/definitions';
import { STEP_STATUSES, type ExecutionStatus } from '../../../../src/shared/facts';
import { LIMITS } from '../../../../src/shared/limits';
import { words } from '../../../../src/shared/words/run';
import { TextField } from '../../components/Inputs';
import { StatusChoice } from './StatusChoice';
import { StepText } from '../StepText';

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
                legend={words.run.stepLegend({ order: s.order })}
                options={STEP_STATUSES}
                value={entry.status}
                onChange={(status) => onChange(s.order, { ...entry, status })}
              />
              <TextField
                id={`${idPrefix}-actual-${s.order}`}
                label={words.run.stepActual({ order: s.order })}
                rows={1}
                value={entry.actual}
                max={LIMITS.actualResultMax}
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
