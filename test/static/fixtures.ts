import { connectionView } from '../../src/resolvers/state-messages';
import type { AppState, Cycle, Execution, ExecutionRun, LinkedTests, StatusCounts, TestCaseDetail, TestCaseSummary, TokenSummary } from '../../src/shared/definitions';
import type { UiContext } from '../../static/src/context';

export const panelCtx: UiContext = {
  moduleKey: 'testkase-issue-panel',
  localId: 'ari:cloud:ecosystem::extension/app-123/env-456/static/testkase-issue-panel',
  environmentId: 'env-456',
  timezone: 'Europe/Berlin',
  locale: 'en-US',
  projectId: '10000',
};

export const globalCtx: UiContext = { ...panelCtx, moduleKey: 'testkase-global-page', localId: panelCtx.localId.replace('issue-panel', 'global-page') };

export const adminCtx: UiContext = { ...panelCtx, moduleKey: 'testkase-admin-page', localId: panelCtx.localId.replace('issue-panel', 'admin-page') };

const zero = (): StatusCounts => ({ NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 });

export function testCase(n: number, over: Partial<TestCaseSummary> = {}): TestCaseSummary {
  return {
    id: `TC-${n}`,
    title: `Login works ${n}`,
    priority: 'MEDIUM',
    type: 'FUNCTIONAL',
    status: 'READY',
    automationId: null,
    latestExecution: null,
    updatedAt: '2026-11-01T10:00:00Z',
    ...over,
  };
}

export function detail(n: number, over: Partial<TestCaseDetail> = {}): TestCaseDetail {
  return {
    ...testCase(n),
    projectId: 'PRJ-1',
    description: 'Sign in with a valid account.',
    owner: { id: 'u2', name: 'Bob Nguyen' },
    jiraIssueKeys: ['DEMO-1'],
    createdAt: '2026-11-01T10:00:00Z',
    preconditions: 'An active account.',
    steps: [
      { order: 1, action: 'Open the sign-in page', expectedResult: 'The form is shown' },
      { order: 2, action: 'Sign in', expectedResult: 'The dashboard opens' },
    ],
    ...over,
  };
}

export function linked(items: TestCaseSummary[]): LinkedTests {
  const counts = zero();
  for (const t of items) counts[t.latestExecution?.status ?? 'NOT_EXECUTED'] += 1;
  return { items, total: items.length, counts };
}

export function cycle(n: number, over: Partial<Cycle> = {}): Cycle {
  return {
    id: `TCYCLE-${n}`,
    projectId: 'PRJ-1',
    name: n === 1 ? 'Master' : `Sprint ${n}`,
    description: '',
    environment: null,
    isMaster: n === 1,
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    total: 4,
    counts: { NOT_EXECUTED: 1, PASS: 2, FAIL: 1, BLOCKED: 0, SKIPPED: 0 },
    ...over,
  };
}

export const cycles = (items: Cycle[], total = items.length) => ({ items, total });

export function execution(testCaseId: string, over: Partial<Execution> = {}): Execution {
  return {
    id: `EX-${testCaseId}`,
    cycleId: 'TCYCLE-2',
    testCaseId,
    status: 'NOT_EXECUTED',
    comment: null,
    executedBy: null,
    executedAt: null,
    recordedBy: null,
    recordedAt: null,
    defects: [],
    stepResults: [],
    ...over,
  };
}

export const run = (testCaseId: string, over: Partial<ExecutionRun> = {}): ExecutionRun => ({ ...execution(testCaseId), cycleName: 'Sprint 2', ...over });

export const token = (over: Partial<TokenSummary> = {}): TokenSummary => ({
  preview: 'tk_pat_a1b2…z7',
  savedAt: '2026-11-01T10:00:00Z',
  lastValidatedAt: '2026-11-20T08:30:00Z',
  testkaseUser: { id: 'u1', name: 'Alice Admin' },
  tokenName: 'Jira Plugin',
  expiresAt: '2027-06-01T00:00:00Z',
  ...over,
});

export function panelState(over: Partial<AppState> = {}): AppState {
  return {
    module: 'ISSUE_PANEL',
    issueKey: 'DEMO-1',
    jiraProjectKey: 'DEMO',
    connection: { kind: 'READY', project: { id: 'PRJ-1', name: 'Demo project', role: 'PROJECT_ADMIN' }, canWrite: true },
    token: token(),
    linked: { ok: true, data: linked([testCase(1), testCase(2, { latestExecution: { status: 'PASS', cycleId: 'TCYCLE-1', executedAt: '2026-11-02T10:00:00Z', executedBy: { id: 'u1', name: 'Alice' } } })]) },
    ...over,
  };
}

export function globalState(over: Partial<AppState> = {}): AppState {
  return {
    module: 'GLOBAL_PAGE',
    issueKey: null,
    jiraProjectKey: null,
    connection: connectionView({ kind: 'NO_CONFIG' }, { module: 'GLOBAL_PAGE', jiraProjectKey: null }),
    token: null,
    linked: null,
    ...over,
  };
}
