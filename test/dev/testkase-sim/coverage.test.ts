/**
 * The coverage endpoints (A50 coverage of many Jira issues, A51 the issues a project's tests link) as
 * the simulator answers them, the release 3.8 demo data, and the growth a 5,000-issue scope uses.
 */
import { describe, expect, it } from 'vitest';
import { endpoints, LIMITS } from '../../../src/testkase/contract';
import { requestPath } from '../../../src/testkase/endpoint';
import { LocalIssues } from '../../../dev/runtime/jira-issues';
import { COVERAGE_DEMO_KEYS } from '../../../dev/testkase-sim/coverage-seed';
import { http, simForFile } from './support';

const { sim, aliceToken } = simForFile({ aliceToken: 'coverage' });
const get = (path: string, token = aliceToken()) => http(sim(), 'GET', path, { token });
const coverage = async (keys: string[]) => {
  const r = await get(requestPath(endpoints.jiraCoverage, { query: { projectId: 'PRJ-1', jiraIssueKeys: keys } }));
  expect(r.status).toBe(200);
  return endpoints.jiraCoverage.response.parse(r.json).data;
};

describe('GET /integrations/jira/coverage (A50)', () => {
  it('counts an issue’s linked tests by latest result, as the glance does, with the bugs on its failing results', async () => {
    const [demo1, demo2, none] = await coverage(['DEMO-1', 'DEMO-2', 'DEMO-9']);
    // DEMO-1: TC-1 passed (twice), TC-2 failed with DEMO-3 recorded, TC-3 passed, TC-4 blocked.
    expect(demo1).toEqual({ jiraIssueKey: 'DEMO-1', total: 4, counts: { NOT_EXECUTED: 0, PASS: 2, FAIL: 1, BLOCKED: 1, SKIPPED: 0 }, latestExecutedAt: expect.any(String), failingDefects: ['DEMO-3'], failingDefectsTotal: 1 });
    expect(demo2).toMatchObject({ total: 2, counts: { NOT_EXECUTED: 1, SKIPPED: 1 }, failingDefects: [] });
    expect(none).toEqual({ jiraIssueKey: 'DEMO-9', total: 0, counts: { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 }, latestExecutedAt: null, failingDefects: [], failingDefectsTotal: 0 });
    // The same numbers as each test case's own latestExecution (A4).
    const linked = endpoints.testCases.response.parse((await get(requestPath(endpoints.testCases, { query: { projectId: 'PRJ-1', jiraIssueKey: 'DEMO-1' } }))).json).data;
    expect(linked.filter((t) => t.latestExecution?.status === 'PASS')).toHaveLength(2);
  });

  it('answers each key once, in the order asked, and follows new results at once', async () => {
    expect((await coverage(['DEMO-2', 'DEMO-1', 'DEMO-2'])).map((c) => c.jiraIssueKey)).toEqual(['DEMO-2', 'DEMO-1']);
    const r = await http(sim(), 'POST', '/test-cycles/TCYCLE-2/executions', { token: aliceToken(), body: { projectId: 'PRJ-1', testCaseId: 'TC-4', status: 'PASS' } });
    expect(r.status).toBe(201);
    expect((await coverage(['DEMO-1']))[0]!.counts).toMatchObject({ PASS: 3, BLOCKED: 0 });
  });

  it('refuses more than 100 keys, no key and a key that is not one (400), and a project the user is not in (403)', async () => {
    const keys = Array.from({ length: LIMITS.coverageKeysMax + 1 }, (_, i) => `DEMO-${i + 1}`);
    expect((await get(`/integrations/jira/coverage?projectId=PRJ-1&jiraIssueKeys=${keys.join(',')}`)).status).toBe(400);
    expect((await get('/integrations/jira/coverage?projectId=PRJ-1&jiraIssueKeys=')).status).toBe(400);
    expect((await get('/integrations/jira/coverage?projectId=PRJ-1&jiraIssueKeys=DEMO-1,nope')).status).toBe(400);
    const bob = sim().admin.createToken({ user: 'bob', name: 'x', days: 7 }).token;
    expect((await get('/integrations/jira/coverage?projectId=PRJ-2&jiraIssueKeys=DEMO-1', bob)).status).toBe(403);
    // The client refuses before sending: the contract's own limit.
    expect(() => requestPath(endpoints.jiraCoverage, { query: { projectId: 'PRJ-1', jiraIssueKeys: keys } })).toThrow();
  });
});

describe('GET /integrations/jira/linked-issues (A51) and the release 3.8 demo data', () => {
  it('adds release 3.8’s tests once: most issues covered, ten uncovered, failures with open and done bugs', async () => {
    expect(sim().admin.seedCoverageDemo().testCases).toBeGreaterThan(50);
    expect(sim().admin.seedCoverageDemo()).toEqual({ testCases: 0, results: 0 });
    const release = COVERAGE_DEMO_KEYS.filter((k) => Number(k.split('-')[1]) <= 47);
    const entries = await coverage(release);
    expect(entries.filter((e) => e.total === 0)).toHaveLength(10);
    expect(entries.filter((e) => e.counts.FAIL > 0).map((e) => e.jiraIssueKey)).toEqual(['DEMO-11', 'DEMO-15', 'DEMO-18', 'DEMO-27', 'DEMO-33', 'DEMO-40', 'DEMO-41']);
    expect(entries.find((e) => e.jiraIssueKey === 'DEMO-15')?.failingDefects).toEqual(['DEMO-51', 'DEMO-52']);
  });

  it('lists the linked issues of one Jira project in key order, paged, with how many tests each', async () => {
    const first = endpoints.jiraLinkedIssues.response.parse((await get(requestPath(endpoints.jiraLinkedIssues, { query: { projectId: 'PRJ-1', jiraProjectKey: 'DEMO', pageSize: 5 } }))).json);
    expect(first.data.slice(0, 3)).toEqual([{ jiraIssueKey: 'DEMO-1', testCases: 4 }, { jiraIssueKey: 'DEMO-2', testCases: 2 }, { jiraIssueKey: 'DEMO-10', testCases: 3 }]);
    // DEMO-1 and DEMO-2 (the seed), and the 30 of the demo's 40 issues that have tests.
    expect(first.pagination.total).toBe(32);
    const other = endpoints.jiraLinkedIssues.response.parse((await get(requestPath(endpoints.jiraLinkedIssues, { query: { projectId: 'PRJ-1', jiraProjectKey: 'OTHER' } }))).json);
    expect(other.data).toEqual([]);
    expect((await get('/integrations/jira/linked-issues?projectId=PRJ-1&jiraProjectKey=DEMO&pageSize=501')).status).toBe(400);
  });

  it('links only keys that the local Jira site has', () => {
    const site = new LocalIssues();
    expect(COVERAGE_DEMO_KEYS.filter((k) => !site.find(k))).toEqual([]);
  });

  it('grows a 5,000-issue scope in one write: every fifth issue uncovered, the others with 1–3 tests and results', async () => {
    const grown = sim().admin.growCoverage({ issues: { jiraProjectKey: 'DEMO', first: 1000, count: 5000 }, bugs: { jiraProjectKey: 'DEMO', first: 6000, count: 50 }, cycleName: 'Scale regression' });
    expect(grown.testCases).toBe(8000);
    const keys = Array.from({ length: 100 }, (_, i) => `DEMO-${1000 + i}`);
    const entries = await coverage(keys);
    expect(entries.filter((e) => e.total === 0)).toHaveLength(20);
    expect(entries.reduce((n, e) => n + e.total, 0)).toBe(159); // the sum of 1 + i % 3 over the i not divisible by 5
    expect(entries.some((e) => e.failingDefects.length > 0)).toBe(true);
  });
});
