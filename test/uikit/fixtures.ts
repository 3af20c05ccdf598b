/** What getIssueSummary answers, in each state, with the backend's own sentences. */
import type { ConnectionView, Coverage, IssueSummary, PatSavedReason } from '../../src/shared/definitions';
import { stateMessage } from '../../src/resolvers/state-messages';

const READY: ConnectionView = { kind: 'READY', project: { id: 'PRJ-1', name: 'Checkout', role: 'PROJECT_ADMIN' }, canWrite: true };

export const noConfig = (): IssueSummary => ({
  issueKey: 'DEMO-1',
  connection: { kind: 'NO_CONFIG', message: stateMessage({ kind: 'NO_CONFIG' }, { module: 'ISSUE_CONTEXT', jiraProjectKey: 'DEMO' }) },
  coverage: null,
});

export const patSaved = (reason: PatSavedReason, jiraProjectKey = 'DEMO'): IssueSummary => ({
  issueKey: `${jiraProjectKey}-1`,
  connection: { kind: 'PAT_SAVED', reason, message: stateMessage({ kind: 'PAT_SAVED', reason }, { module: 'ISSUE_CONTEXT', jiraProjectKey }) },
  coverage: null,
});

export const COVERAGE: Coverage = {
  total: 4,
  counts: { PASS: 2, FAIL: 1, BLOCKED: 1, SKIPPED: 0, NOT_EXECUTED: 0 },
  latest: { testCaseId: 'TC-1', testCaseTitle: 'Guest checkout with a saved card', status: 'PASS', executedAt: '2026-11-22T14:05:00Z', executedBy: 'Alice Martin' },
};

export const ready = (coverage: Coverage = COVERAGE): IssueSummary => ({ issueKey: 'DEMO-1', connection: READY, coverage: { ok: true, data: coverage } });
