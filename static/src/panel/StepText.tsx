import type { TestStep } from '../../../src/shared/definitions';

/** A step as the test case states it: what to do, and the expected result. */
export function StepText({ step }: { step: TestStep }) {
  return (
    <>
      <p className="step-action">{step.action}</p>
      <p className="step-expected">
        <span className="muted">Expected: </span>
        {step.expectedResult}
      </p>
    </>
  );
}
