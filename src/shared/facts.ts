/**
 * The app's facts that are not words, once: TestKase's enums as the app lists them, Jira's key
 * patterns, the manifest's module keys, the admin page's page sizes and the token expiry warning.
 * No imports: the backend, the simulator, the Custom UI and the UI Kit module all read them here, and
 * nothing (no zod) reaches a UI bundle through it. contract.ts builds its zod enums from these lists.
 */

/** TestKase's execution statuses, in TestKase's order (lists, filters, a run's choices). */
export const STATUSES = ['NOT_EXECUTED', 'PASS', 'FAIL', 'BLOCKED', 'SKIPPED'] as const;
export type ExecutionStatus = (typeof STATUSES)[number];

/** What a tester records for one step: a step left without one was not executed. */
export const STEP_STATUSES: readonly ExecutionStatus[] = ['PASS', 'FAIL', 'BLOCKED', 'SKIPPED'];

/**
 * The issue context's glance reads results first, then what is still to run: its counts line and its
 * bar go left to right in this order (the panel's bar and legend follow STATUSES).
 */
export const RESULTS_FIRST: readonly ExecutionStatus[] = ['PASS', 'FAIL', 'BLOCKED', 'SKIPPED', 'NOT_EXECUTED'];

/** Lowest first (the create form's order; the filter lists them highest first). */
export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Test case types and statuses (ASSUMED, A15: TestKase's docs name the fields, not their values). */
export const TEST_CASE_TYPES = ['FUNCTIONAL', 'REGRESSION', 'SMOKE', 'ACCESSIBILITY', 'PERFORMANCE', 'SECURITY', 'OTHER'] as const;
export const TEST_CASE_STATUSES = ['DRAFT', 'READY', 'DEPRECATED'] as const;

/** A Jira project key (`DEMO`) and issue key (`DEMO-12`), as Jira issues them. */
export const JIRA_PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,49}$/;
export const JIRA_ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-\d{1,9}$/;
/** A Jira issue id (digits): what Jira's Create Issue dialog answers, and what /rest/api/3/issue/{issueIdOrKey} takes besides a key. */
export const JIRA_ISSUE_ID = /^\d{1,18}$/;

/** manifest.yml's module keys: the UIs open each other's modules by them. */
export const MODULE_KEYS = {
  ISSUE_PANEL: 'testkase-issue-panel',
  ISSUE_CONTEXT: 'testkase-issue-context',
  GLOBAL_PAGE: 'testkase-global-page',
  ADMIN_PAGE: 'testkase-admin-page',
  // Test coverage (docs/coverage.md): a project page, and a dashboard gadget with its edit mode.
  COVERAGE_PAGE: 'testkase-coverage-page',
  COVERAGE_GADGET: 'testkase-coverage-gadget',
} as const;

/** The admin page's "per page" choices (the payload schema accepts exactly these) and the one it opens with. */
export const ADMIN_PAGE_SIZES = [10, 25, 50, 100] as const;
export type AdminPageSize = (typeof ADMIN_PAGE_SIZES)[number];
export const ADMIN_DEFAULT_PAGE_SIZE: AdminPageSize = 25;

/** Warn this many days before a token expires: the global page warns its owner, the admin page everyone, as early. */
export const EXPIRY_WARNING_DAYS = 14;

/** A Jira admin's note on a connection: at most this many characters (the admin page's field and the payload schema). */
export const ADMIN_NOTE_MAX = 500;
