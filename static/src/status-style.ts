/** How each TestKase status is coloured (a CSS modifier: grey, green, red, yellow, blue); its name is in the catalog. */
import type { ExecutionStatus } from '../../src/shared/facts';

export const STATUS_CLASS: Record<ExecutionStatus, string> = {
  NOT_EXECUTED: 'not-executed',
  PASS: 'pass',
  FAIL: 'fail',
  BLOCKED: 'blocked',
  SKIPPED: 'skipped',
};
