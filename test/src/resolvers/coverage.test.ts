/**
 * The coverage functions through the real handler (resolver convention, KVS, the TestKase simulator
 * over HTTP, the local Jira site's REST API as the caller): scopes, rows with the glance's verdict,
 * open bugs by Jira status category, steps chained by a cursor at 5,000 issues with counts that match
 * the rows, every state's sentence, and which module may call what.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tallyOf, type CoveragePage, type CoverageRow } from '../../../src/shared/coverage';
import { words } from '../../../src/shared/words/backend';
import { backendForFile, expectOk } from '../../support/backend';

const backend = backendForFile();
const b = () => backend();
const alice = 'local-alice';
const page = { projectPage: 'DEMO' } as const;
const R38 = { kind: 'VERSION', id: '10010' } as const;

beforeAll(async () => {
  b().sim.admin.seedCoverageDemo();
  expectOk(await b().call(alice, 'savePat', { token: await b().token('alice') }, 'global'));
});

/** Every step of a scope, as the page loads it. */
async function loadAll(scope: unknown, where: Parameters<ReturnType<typeof b>['call']>[3] = page, extra: Record<string, unknown> = {}) {
  const steps: CoveragePage[] = [];
  let cursor: string | null = null;
  do {
    const step: CoveragePage = expectOk(await b().call(alice, 'getCoveragePage', { scope, ...extra, ...(cursor ? { cursor } : {}) }, where));
    steps.push(step);
    cursor = step.next;
  } while (cursor && steps.length < 50);
  return { steps, rows: steps.flatMap((s) => s.rows) };
}
const row = (rows: CoverageRow[], key: string) => rows.find((r) => r.key === key)!;

describe('getCoverageScopes', () => {
  it('offers the project’s versions (unreleased first), sprints (active first) and epics, read from Jira as the caller', async () => {
    const options = expectOk(await b().call(alice, 'getCoverageScopes', {}, page));
    expect(options.connection.kind).toBe('READY');
    expect(options.versions!.map((v) => v.name)).toEqual(['3.8', '3.9', '3.7']);
    expect(options.sprints!.map((s) => [s.name, s.state])).toEqual([['Sprint 42', 'active'], ['Sprint 43', 'future'], ['Sprint 41', 'closed']]);
    expect(options.epics!.map((e) => e.key)).toEqual(['DEMO-60', 'DEMO-61', 'DEMO-62']);
    expect(options.notes).toEqual([]);
    const calls = b().jiraCalls.filter((c) => c.includes('/versions') || c.includes('/rest/agile/') || c.includes('search/jql'));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.endsWith(`as ${alice}`))).toBe(true);
  });

  it('still offers the rest when one part fails, and says which', async () => {
    b().jiraOverride = (path) => (path.startsWith('/rest/agile/') ? { status: 404, body: { errorMessages: ['Jira Software is not installed'] } } : undefined);
    try {
      const options = expectOk(await b().call(alice, 'getCoverageScopes', {}, page));
      expect(options.sprints).toBeNull();
      expect(options.versions).not.toBeNull();
      expect(options.notes).toEqual([expect.stringContaining('sprints')]);
    } finally {
      b().jiraOverride = undefined;
    }
  });
});

describe('getCoveragePage', () => {
  it('lists release 3.8: forty rows with the glance’s verdict, ten uncovered, open bugs only when not Done', async () => {
    const { rows, steps } = await loadAll(R38);
    expect(rows).toHaveLength(40);
    expect(steps[0]!.approximateTotal).toBe(40);
    expect(rows.filter((r) => r.verdict === 'UNCOVERED')).toHaveLength(10);
    expect(row(rows, 'DEMO-1')).toMatchObject({ summary: expect.any(String), type: 'Story', status: { name: 'In Progress', category: 'indeterminate' }, tests: 4, verdict: 'FAILING', openBugs: [{ key: 'DEMO-3', status: 'To Do' }] });
    expect(row(rows, 'DEMO-2')).toMatchObject({ verdict: 'INCOMPLETE', openBugs: [] });
    // DEMO-15 fails with DEMO-51 (In Progress) and DEMO-52 (Done): one open bug.
    expect(row(rows, 'DEMO-15').openBugs).toEqual([{ key: 'DEMO-51', status: 'In Progress' }]);
    // DEMO-33 fails, its only bug is Done: failing, no open bug.
    expect(row(rows, 'DEMO-33')).toMatchObject({ verdict: 'FAILING', openBugs: [] });
    expect(row(rows, 'DEMO-20')).toMatchObject({ tests: 4, verdict: 'PASSING' });
    expect(row(rows, 'DEMO-14')).toMatchObject({ tests: 0, verdict: 'UNCOVERED', openBugs: [] });
    // The same counts as the issue's own glance.
    const glance = expectOk(await b().call(alice, 'getIssueSummary', {}, { issue: 'DEMO-1', module: 'issueContext' }));
    expect(glance.coverage).toMatchObject({ ok: true, data: { total: 4, counts: row(rows, 'DEMO-1').counts } });
    expect(steps.reduce((n, s) => n + s.tally.issues, 0)).toBe(40);
  });

  it('lists a sprint, an epic, an empty version and, by default, the issues TestKase links', async () => {
    expect((await loadAll({ kind: 'SPRINT', id: 42 })).rows.map((r) => r.key).slice(0, 3)).toEqual(['DEMO-1', 'DEMO-2', 'DEMO-10']);
    expect((await loadAll({ kind: 'EPIC', key: 'DEMO-61' })).rows.map((r) => r.key)).toEqual(['DEMO-2', 'DEMO-20', 'DEMO-21', 'DEMO-22', 'DEMO-23', 'DEMO-24', 'DEMO-25']);
    const empty = await loadAll({ kind: 'VERSION', id: '10011' });
    expect(empty.rows).toEqual([]);
    expect(empty.steps[0]).toMatchObject({ next: null, approximateTotal: 0 });
    const linked = await loadAll({ kind: 'LINKED' });
    expect(linked.rows).toHaveLength(32);
    expect(linked.rows.every((r) => r.tests > 0)).toBe(true);
    expect(linked.steps[0]!.approximateTotal).toBe(32);
  });

  it('counts linked issues Jira does not show the caller as not visible, never as rows', async () => {
    b().sim.admin.grow({ testCases: 2, linkedTo: 'DEMO-999' });
    const linked = await loadAll({ kind: 'LINKED' });
    expect(linked.rows.map((r) => r.key)).not.toContain('DEMO-999');
    expect(linked.steps.reduce((n, s) => n + s.notVisible, 0)).toBe(1);
  });

  it('reads 5,000 issues in bounded steps: a small first step, then up to 1,000 a step; tallies match the rows', async () => {
    // The Jira side: the site's own growth (a version of 5,000 issues and 20 bugs); TestKase links the same keys.
    const grown = b().jiraIssues.grow({ projectKey: 'DEMO', versionName: 'Scale', count: 5000, bugs: 20 });
    const first = Number(grown.issueKeys[0]!.split('-')[1]);
    b().sim.admin.growCoverage({ issues: { jiraProjectKey: 'DEMO', first, count: 5000 }, bugs: { jiraProjectKey: 'DEMO', first: first + 5000, count: 20 }, cycleName: 'Scale regression' });
    const before = b().sim.admin.requests().length;
    const { steps, rows } = await loadAll({ kind: 'VERSION', id: grown.version.id });
    expect(steps.map((s) => s.rows.length)).toEqual([100, 1000, 1000, 1000, 1000, 900]);
    expect(steps[0]!.approximateTotal).toBe(5000);
    expect(new Set(rows.map((r) => r.key)).size).toBe(5000);
    expect(rows.filter((r) => r.verdict === 'UNCOVERED')).toHaveLength(1000);
    for (const s of steps) expect(s.tally).toEqual(tallyOf(s.rows));
    // TestKase was asked once per 100 issues (plus the connection's own requests), never once per issue.
    const coverageRequests = b().sim.admin.requests().slice(before).filter((r) => r.route === 'jiraCoverage');
    expect(coverageRequests).toHaveLength(50);
    // The gadget asks for counts only: the same tallies, no rows.
    const counts = await loadAll({ kind: 'VERSION', id: grown.version.id }, page, { detail: 'COUNTS' });
    expect(counts.rows).toEqual([]);
    expect(counts.steps.map((s) => s.tally)).toEqual(steps.map((s) => s.tally));
  });

  it('refuses a cursor of another scope, and a project other than the page’s own', async () => {
    const first = expectOk(await b().call(alice, 'getCoveragePage', { scope: { kind: 'SPRINT', id: 42 } }, page));
    expect(first.next).toBeNull();
    const r38 = expectOk(await b().call(alice, 'getCoveragePage', { scope: { kind: 'LINKED' } }, page));
    expect(await b().call(alice, 'getCoveragePage', { scope: { kind: 'SPRINT', id: 42 }, cursor: r38.next }, page)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'cursor' } });
    expect(await b().call(alice, 'getCoveragePage', { scope: R38, jiraProjectKey: 'OTHER' }, page)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'jiraProjectKey' } });
  });

  it('answers every state with its sentence: not connected, project not mapped, token rejected, TestKase down', async () => {
    const nobody = expectOk(await b().call('acc-cov-nobody', 'getCoveragePage', { scope: R38 }, page));
    expect(nobody).toMatchObject({ connection: { kind: 'NO_CONFIG', message: { title: expect.any(String), text: expect.stringContaining('Personal Access Token') } }, rows: [] });
    const other = expectOk(await b().call(alice, 'getCoveragePage', { scope: { kind: 'LINKED' } }, { projectPage: 'OTHER' }));
    expect(other.connection).toMatchObject({ kind: 'PAT_SAVED', reason: 'PROJECT_NOT_MAPPED', message: { text: expect.stringContaining('OTHER') } });
    const fault = b().sim.admin.addFault({ route: 'jiraCoverage', status: 503 });
    try {
      const down = await b().call(alice, 'getCoveragePage', { scope: R38 }, page);
      expect(down).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('TestKase') } });
    } finally {
      b().sim.admin.removeFault(fault.id);
    }
    const bob = 'local-bob';
    const token = await b().token('bob');
    expectOk(await b().call(bob, 'savePat', { token }, 'global'));
    expect(expectOk(await b().call(bob, 'getCoveragePage', { scope: R38 }, page)).rows).toHaveLength(40); // the connection is cached now
    for (const t of b().sim.admin.listTokens('bob')) b().sim.admin.revokeToken(t.id);
    const rejected = await b().call(bob, 'getCoveragePage', { scope: R38 }, page);
    expect(rejected).toMatchObject({ ok: false, error: { code: 'TOKEN_REJECTED' } });
    expect(expectOk(await b().call(bob, 'getCoveragePage', { scope: R38 }, page)).connection).toMatchObject({ kind: 'PAT_SAVED', reason: 'TOKEN_REJECTED' });
  });

  it('says so when Jira cannot search or fetch the issues, and shows bugs it could not check as unchecked', async () => {
    b().jiraOverride = (path) => (path.startsWith('/rest/api/3/search/jql') ? { status: 503, body: {} } : undefined);
    try {
      expect(await b().call(alice, 'getCoveragePage', { scope: R38 }, page)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('Jira could not list') } });
      b().jiraOverride = (path) => (path.startsWith('/rest/api/3/issue/bulkfetch') ? { status: 403, body: {} } : undefined);
      expect(await b().call(alice, 'getCoveragePage', { scope: R38 }, page)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Jira refused') } });
    } finally {
      b().jiraOverride = undefined;
    }
    // The bugs' lookup fails (its keys are the bugs'), the issues' own fetch works.
    b().jiraOverride = (path, body) => (path.startsWith('/rest/api/3/issue/bulkfetch') && body.includes('"DEMO-3"') ? { status: 500, body: {} } : undefined);
    try {
      const { rows } = await loadAll(R38);
      expect(row(rows, 'DEMO-1').openBugs).toBeNull();
      expect(row(rows, 'DEMO-13').openBugs).toEqual([]);
    } finally {
      b().jiraOverride = undefined;
    }
  });
});

describe('which module may call the coverage functions', () => {
  it('the project page and the gadget (with its configured project); the gadget alone lists projects', async () => {
    expect(expectOk(await b().call(alice, 'getCoveragePage', { scope: R38, jiraProjectKey: 'DEMO', detail: 'COUNTS' }, { gadget: 'g1' })).tally.issues).toBe(40);
    expect(await b().call(alice, 'getCoveragePage', { scope: R38 }, { gadget: 'g1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'jiraProjectKey' } });
    expect(expectOk(await b().call(alice, 'listCoverageProjects', {}, { gadget: 'g1' })).projects).toEqual([{ jiraProjectKey: 'DEMO', testkaseProject: 'Checkout' }]);
    // The function table's module lists: the envelope refuses the others, before anything runs.
    for (const where of [{ issue: 'DEMO-1' }, { issue: 'DEMO-1', module: 'issueContext' }, 'global', 'admin'] as const) {
      expect(await b().call(alice, 'getCoveragePage', { scope: R38 }, where)).toEqual({ ok: false, error: { code: 'WRONG_MODULE', message: words.errors.onlyIn.PROJECT_PAGE } });
      expect(await b().call(alice, 'getCoverageScopes', {}, where)).toEqual({ ok: false, error: { code: 'WRONG_MODULE', message: words.errors.onlyIn.PROJECT_PAGE } });
    }
    expect(await b().call(alice, 'listCoverageProjects', {}, page)).toEqual({ ok: false, error: { code: 'WRONG_MODULE', message: words.errors.onlyIn.DASHBOARD_GADGET } });
  });
});
