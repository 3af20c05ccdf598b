/** The overall result of a step-by-step run, from its steps' results. */
import type { ExecutionStatus } from '../../../../src/shared/definitions';

/**
 * Any Fail → Fail; else any Blocked → Blocked; all Skipped → Skipped; else Pass. A step without a
 * result yet leaves it open (null), unless a Fail or Blocked already decides it.
 */
export function deriveStatus(steps: ReadonlyArray<ExecutionStatus | null>): ExecutionStatus | null {
  if (steps.includes('FAIL')) return 'FAIL';
  if (steps.includes('BLOCKED')) return 'BLOCKED';
  if (steps.length === 0 || steps.includes(null)) return null;
  if (steps.every((s) => s === 'SKIPPED')) return 'SKIPPED';
  return 'PASS';
}
