/** Words for a test case's type and status (only its details show them). */
import type { TestCase } from '../../../../src/shared/definitions';

export const TYPE_LABEL: Record<TestCase['type'], string> = {
  FUNCTIONAL: 'Functional',
  REGRESSION: 'Regression',
  SMOKE: 'Smoke',
  ACCESSIBILITY: 'Accessibility',
  PERFORMANCE: 'Performance',
  SECURITY: 'Security',
  OTHER: 'Other',
};

export const CASE_STATUS_LABEL: Record<TestCase['status'], string> = { DRAFT: 'Draft', READY: 'Ready', DEPRECATED: 'Deprecated' };
