/** Words for TestKase's enums, in one place. Kept free of contract.ts so no zod reaches the bundle. */
import type { ExecutionStatus, Priority } from '../../src/shared/definitions';

export const STATUSES: readonly ExecutionStatus[] = ['NOT_EXECUTED', 'PASS', 'FAIL', 'BLOCKED', 'SKIPPED'];
export const PRIORITY_ORDER: readonly Priority[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

export const STATUS_LABEL: Record<ExecutionStatus, string> = {
  NOT_EXECUTED: 'Not Executed',
  PASS: 'Pass',
  FAIL: 'Fail',
  BLOCKED: 'Blocked',
  SKIPPED: 'Skipped',
};

export const PRIORITY_LABEL: Record<Priority, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

/** CSS modifier per status: grey, green, red, yellow, blue. */
export const STATUS_CLASS: Record<ExecutionStatus, string> = {
  NOT_EXECUTED: 'not-executed',
  PASS: 'pass',
  FAIL: 'fail',
  BLOCKED: 'blocked',
  SKIPPED: 'skipped',
};

/** The backend's own limits: a zod-free module, so sharing it costs the bundle nothing. */
export { LIMITS as UI_LIMITS } from '../../src/testkase/limits';
