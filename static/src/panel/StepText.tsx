import type { TestStep } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/base';

/** A step as the test case states it: what to do, and the expected result. */
export function StepText({ step }: { step: TestStep }) {
  return (
    <>
      <p className="step-action">{step.action}</p>
      <p className="step-expected">
        <span className="muted">{words.common.expected}</span>
        {step.expectedResult}
      </p>
    </>
  );
}
