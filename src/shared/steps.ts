/**
 * A step-by-step run's overall result, for the run form (which derives the result it offers) and the
 * backend's payload schema (which refuses a result the steps contradict unless the tester overrode
 * them on purpose). Zod-free and import-free at run time.
 */
import type { ExecutionStatus } from './facts';

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

/**
 * Whether `status` over these recorded step results says the opposite of them: a Pass where a step
 * failed or was blocked (all of them failed, say). Recording it takes the tester's explicit override.
 */
export function contradictsSteps(status: ExecutionStatus, steps: ReadonlyArray<ExecutionStatus>): boolean {
  const decided = deriveStatus(steps);
  return status === 'PASS' && (decided === 'FAIL' || decided === 'BLOCKED');
}
