/**
 * A new test case's ordered steps: each an action and an expected result; add, remove and move them
 * with buttons (keyboard and pointer alike). Focus follows what the person acted on — the moved step's
 * button, the next step after a removal, the new step's action — and each change is announced.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { LIMITS } from '../../../src/shared/limits';
import { words } from '../../../src/shared/words/test-case';
import { Button } from '../components/Button';
import { TextField } from '../components/Inputs';

export interface StepDraft {
  /** Stable across moves, so React keeps each step's fields (and focus) with it. */
  key: string;
  action: string;
  expectedResult: string;
}

let nextKey = 0;
export const newStep = (): StepDraft => ({ key: `step-${++nextKey}`, action: '', expectedResult: '' });

export function StepsEditor({
  idPrefix,
  steps,
  onChange,
  invalid,
}: {
  idPrefix: string;
  steps: readonly StepDraft[];
  onChange: (steps: StepDraft[]) => void;
  /** The step (1-based) whose action is wrong, and why. */
  invalid: { order: number; message: string } | null;
}) {
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [said, setSaid] = useState('');
  const w = words.createCase;
  const at = (key: string, what: string) => () => list.current?.querySelector<HTMLElement>(`[data-step="${key}"] [data-do="${what}"]`);
  // Focus moves in the same commit as the change, before the next key press arrives.
  const pending = useRef<(() => HTMLElement | null | undefined) | null>(null);
  useLayoutEffect(() => {
    const target = pending.current?.();
    pending.current = null;
    target?.focus();
  }, [steps]);
  const focusSoon = (el: () => HTMLElement | null | undefined) => {
    pending.current = el;
  };

  const move = (from: number, to: number) => {
    const next = [...steps];
    const [step] = next.splice(from, 1);
    next.splice(to, 0, step!);
    onChange(next);
    setSaid(w.moved({ from: from + 1, to: to + 1 }));
    // The same button keeps focus while it can still move that way, else the other one.
    const up = to < from;
    const stillCan = up ? to > 0 : to < next.length - 1;
    focusSoon(at(step!.key, stillCan === up ? 'up' : 'down'));
  };
  const remove = (i: number) => {
    const next = steps.filter((_, j) => j !== i);
    onChange(next);
    setSaid(w.removed({ order: i + 1 }));
    const after = next[i] ?? next[i - 1];
    focusSoon(after ? at(after.key, 'action') : () => addButton.current);
  };
  const add = () => {
    const step = newStep();
    onChange([...steps, step]);
    setSaid(w.added({ order: steps.length + 1 }));
    focusSoon(at(step.key, 'action'));
  };

  return (
    <fieldset className="steps-editor">
      <legend className="field-label">{w.steps}</legend>
      {steps.length === 0 && <p className="muted">{w.noSteps}</p>}
      <ol className="steps-edit-list" ref={list}>
        {steps.map((s, i) => {
          const order = i + 1;
          const error = invalid?.order === order ? invalid.message : null;
          return (
            <li key={s.key} className="step-edit" data-step={s.key}>
              <fieldset className="step-edit-fields">
                <legend className="step-edit-legend">{w.stepLegend({ order })}</legend>
                <TextField
                  id={`${idPrefix}-${s.key}-action`}
                  label={w.action}
                  rows={2}
                  value={s.action}
                  max={LIMITS.stepTextMax}
                  error={error}
                  inputRef={(el) => el?.setAttribute('data-do', 'action')}
                  onChange={(action) => onChange(steps.map((x) => (x.key === s.key ? { ...x, action } : x)))}
                />
                <TextField
                  id={`${idPrefix}-${s.key}-expected`}
                  label={w.expectedResult}
                  rows={2}
                  value={s.expectedResult}
                  max={LIMITS.stepTextMax}
                  onChange={(expectedResult) => onChange(steps.map((x) => (x.key === s.key ? { ...x, expectedResult } : x)))}
                />
                <div className="step-edit-actions">
                <Button appearance="subtle" data-do="up" aria-label={w.moveUpLabel({ order })} disabled={i === 0} onClick={() => move(i, i - 1)}>
                  {w.moveUp}
                </Button>
                <Button appearance="subtle" data-do="down" aria-label={w.moveDownLabel({ order })} disabled={i === steps.length - 1} onClick={() => move(i, i + 1)}>
                  {w.moveDown}
                </Button>
                <Button appearance="subtle" data-do="remove" aria-label={w.removeLabel({ order })} onClick={() => remove(i)}>
                  {w.removeStep}
                </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {steps.length < LIMITS.stepsMax ? (
        <button ref={addButton} type="button" className="btn btn-default" onClick={add}>
          {w.addStep}
        </button>
      ) : (
        <p className="muted">{w.tooManySteps({ max: LIMITS.stepsMax })}</p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </fieldset>
  );
}
