/** TestKase objects as its API sends them, for tests whose TestKase is a stand-in (hostile, echoing…). */
const AT = '2026-01-01T00:00:00Z';
const NO_COUNTS = { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 };

export function wireTestCase(n: number | string, fields: Record<string, unknown> = {}) {
  return {
    id: `TC-${n}`, projectId: 'PRJ-1', title: `Case ${n}`, description: '', priority: 'LOW', type: 'FUNCTIONAL', status: 'READY',
    automationId: null, owner: null, jiraIssueKeys: ['DEMO-1'], latestExecution: null, createdAt: AT, updatedAt: AT,
    ...fields,
  };
}

export function wireCycle(fields: Record<string, unknown> = {}) {
  return { id: 'TCYCLE-1', projectId: 'PRJ-1', name: 'Master', description: '', environment: null, isMaster: true, createdAt: AT, updatedAt: AT, total: 0, counts: NO_COUNTS, ...fields };
}

export function wireExecution(fields: Record<string, unknown> = {}) {
  return {
    id: 'EX-1', cycleId: 'TCYCLE-1', testCaseId: 'TC-1', status: 'PASS', comment: null, executedBy: null, executedAt: null,
    recordedBy: null, recordedAt: null, defects: [], stepResults: [],
    ...fields,
  };
}
