/**
 * getIssueSummary, the issue context module's one call: the coverage of the issue (the same counts the
 * panel shows), the newest run among its linked cases, every configuration state with its sentence,
 * and the panel's caches reused.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExecutionStatus, LinkedTests } from '../../../src/shared/definitions';
import { computeState } from '../../../src/connection/state-machine';
import { stateMessage } from '../../../src/resolvers/state-messages';
import { expectOk, startBackend, type Backend } from '../../support/backend';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(async () => {
  await b.stop();
});

let n = 0;
let me: string;
beforeEach(() => {
  me = `acc-summary-${++n}`;
  b.sim.admin.clearFaults();
});

const onIssue = (issue = 'DEMO-1') => ({ issue, module: 'issueContext' as const });
const summary = async (issue = 'DEMO-1') => expectOk(await b.call(me, 'getIssueSummary', undefined, onIssue(issue)));
const connect = async () => expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));

/** The newest run among the panel's own list, worked out independently of the resolver. */
function newestOf(linked: LinkedTests) {
  const runs = linked.items.flatMap((t) => (t.latestExecution ? [{ id: t.id, ...t.latestExecution }] : []));
  return runs.sort((a, b) => Date.parse(b.executedAt) - Date.parse(a.executedAt))[0];
}

describe('getIssueSummary', () => {
  it('is NO_CONFIG, with the panel’s own sentence and no coverage, for a user without a token', async () => {
    const s = await summary();
    const noConfig = computeState({ token: { kind: 'ABSENT' }, validation: { kind: 'UNAVAILABLE' }, mapping: { kind: 'NOT_APPLICABLE' }, use: { kind: 'NOT_USED' } });
    if (noConfig.kind === 'READY') throw new Error('expected NO_CONFIG');
    expect(s).toEqual({ issueKey: 'DEMO-1', connection: { kind: 'NO_CONFIG', message: stateMessage(noConfig, { module: 'ISSUE_CONTEXT', jiraProjectKey: 'DEMO' }) }, coverage: null });
  });

  it('counts the same linked cases as the panel and names the newest run, in one call', async () => {
    await connect();
    const panel = expectOk(await b.call(me, 'listLinkedTests', undefined, { issue: 'DEMO-1' }));
    const s = await summary();
    expect(s.connection).toMatchObject({ kind: 'READY', project: { name: 'Checkout' } });
    const coverage = expectOk(s.coverage!);
    expect(coverage.total).toBe(panel.total);
    expect(coverage.counts).toEqual(panel.counts);
    expect(Object.values(coverage.counts).reduce((a, x) => a + x, 0)).toBe(coverage.total);
    const newest = newestOf(panel)!;
    expect(coverage.latest).toEqual({
      testCaseId: newest.id,
      testCaseTitle: panel.items.find((t) => t.id === newest.id)!.title,
      status: newest.status,
      executedAt: newest.executedAt,
      executedBy: newest.executedBy.name,
    });
    // Only what the summary shows leaves the backend: no list of cases, no e-mail address.
    expect(JSON.stringify(s)).not.toMatch(/@|description|jiraIssueKeys/);
  });

  it('answers a warm render from the caches the panel filled: one request to TestKase, the linked cases', async () => {
    await connect();
    expectOk(await b.call(me, 'getState', undefined, { issue: 'DEMO-1' }));
    b.sim.admin.clearRequests();
    await summary();
    expect(b.sim.admin.requests().map((r) => r.route)).toEqual(['testCases']);
  });

  it('follows a result recorded in the panel: counts and the newest run', async () => {
    await connect();
    const before = expectOk((await summary()).coverage!);
    const cycle = expectOk(await b.call(me, 'createCycle', { name: 'Summary run' }, { issue: 'DEMO-1' }));
    expectOk(await b.call(me, 'addToCycle', { cycleId: cycle.id, testCaseIds: ['TC-3'] }, { issue: 'DEMO-1' }));
    const status: ExecutionStatus = 'FAIL';
    expectOk(await b.call(me, 'executeTest', { cycleId: cycle.id, testCaseId: 'TC-3', status }, { issue: 'DEMO-1' }));
    const after = expectOk((await summary()).coverage!);
    expect(after.latest).toMatchObject({ testCaseId: 'TC-3', status: 'FAIL', executedBy: expect.stringContaining('Alice') });
    expect(after.counts.FAIL).toBe(before.counts.FAIL + 1);
    expect(after.total).toBe(before.total);
  });

  it('is PROJECT_NOT_MAPPED on an issue of an unmapped project, with the panel’s sentence', async () => {
    await connect();
    const s = await summary('OTHER-1');
    expect(s.connection).toEqual({ kind: 'PAT_SAVED', reason: 'PROJECT_NOT_MAPPED', message: stateMessage({ kind: 'PAT_SAVED', reason: 'PROJECT_NOT_MAPPED' }, { module: 'ISSUE_CONTEXT', jiraProjectKey: 'OTHER' }) });
    expect(s.coverage).toBeNull();
  });

  it('is TOKEN_REJECTED as soon as the token is revoked, even with warm caches', async () => {
    const minted = b.sim.admin.createToken({ user: 'alice', name: 'Jira Plugin', days: 90 });
    expectOk(await b.call(me, 'savePat', { token: minted.token }, 'global'));
    expect((await summary()).connection.kind).toBe('READY');
    expect(b.sim.admin.revokeToken(minted.id)).toBe(true);
    const s = await summary();
    expect(s.connection).toMatchObject({ kind: 'PAT_SAVED', reason: 'TOKEN_REJECTED', message: { title: 'TestKase rejected your token' } });
    expect(s.coverage).toBeNull();
  });

  it('is TESTKASE_UNAVAILABLE when TestKase does not answer a cold render, and recovers', async () => {
    await connect(); // the mapping is not known yet: the first issue render asks for it
    b.sim.admin.addFault({ route: 'jiraMappings', status: 503 });
    const s = await summary();
    expect(s.connection).toEqual({ kind: 'PAT_SAVED', reason: 'TESTKASE_UNAVAILABLE', message: stateMessage({ kind: 'PAT_SAVED', reason: 'TESTKASE_UNAVAILABLE' }, { module: 'ISSUE_CONTEXT', jiraProjectKey: 'DEMO' }) });
    expect(s.coverage).toBeNull();
    b.sim.admin.clearFaults();
    expect((await summary()).connection.kind).toBe('READY');
  });

  it('says why when TestKase fails to list the linked cases', async () => {
    await connect();
    b.sim.admin.addFault({ route: 'testCases', status: 502 });
    const s = await summary();
    expect(s.connection.kind).toBe('READY');
    expect(s.coverage).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/could not be reached/) } });
  });

  it('works only on an issue', async () => {
    expect(await b.call(me, 'getIssueSummary', undefined, 'global')).toMatchObject({ ok: false, error: { code: 'WRONG_MODULE' } });
  });

  it('takes no payload', async () => {
    expect(await b.call(me, 'getIssueSummary', { issueKey: 'DEMO-2' }, onIssue())).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
