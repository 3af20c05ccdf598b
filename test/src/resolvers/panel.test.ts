import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXECUTION_STATUSES } from '../../../src/testkase/contract';
import { expectOk, startBackend, type Backend } from '../../support/backend';

let b: Backend;
const admin = 'acc-panel-alice';
const guest = 'acc-panel-gina';
let aliceToken: string;

beforeAll(async () => {
  b = await startBackend();
  aliceToken = await b.token('alice');
  expectOk(await b.call(admin, 'savePat', { token: aliceToken }, 'global'));
  expectOk(await b.call(guest, 'savePat', { token: await b.token('gina') }, 'global'));
});
afterAll(async () => {
  await b.stop();
});

describe('Test Cases tab', () => {
  it('creates a test case linked to the current issue (taken from the context, not the payload)', async () => {
    const created = expectOk(await b.call(admin, 'createTestCase', { title: '  Refund to original card  ', description: 'Steps…', priority: 'HIGH' }, { issue: 'DEMO-2' }));
    expect(created).toMatchObject({ title: 'Refund to original card', priority: 'HIGH' });
    const detail = expectOk(await b.call(admin, 'getTestCase', { testCaseId: created.id }, { issue: 'DEMO-2' }));
    expect(detail).toMatchObject({ projectId: 'PRJ-1', jiraIssueKeys: ['DEMO-2'], description: 'Steps…' });
    const linked = expectOk(await b.call(admin, 'listLinkedTests', undefined, { issue: 'DEMO-2' }));
    expect(linked.items.map((t) => t.id)).toContain(created.id);
    expect(linked.total).toBe(linked.items.length);
  });

  it('refuses a payload that tries to name another issue, and changes nothing', async () => {
    const before = expectOk(await b.call(admin, 'listLinkedTests', undefined, { issue: 'DEMO-2' })).total;
    const r = await b.call(admin, 'createTestCase', { title: 'x', issueKey: 'DEMO-9' }, { issue: 'DEMO-2' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(expectOk(await b.call(admin, 'listLinkedTests', undefined, { issue: 'DEMO-2' })).total).toBe(before);
  });

  it('validates titles: required, bounded', async () => {
    expect(await b.call(admin, 'createTestCase', { title: '   ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'title' } });
    expect(await b.call(admin, 'createTestCase', { title: 'x'.repeat(256) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await b.call(admin, 'createTestCase', { title: 'ok', priority: 'URGENT' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'priority' } });
  });

  it('searches, links and unlinks an existing test case', async () => {
    const found = expectOk(await b.call(admin, 'searchTestCases', { query: '' }, { issue: 'DEMO-3' }));
    expect(found.total).toBeGreaterThan(0);
    const target = found.items[0]!;
    const byId = expectOk(await b.call(admin, 'searchTestCases', { query: target.id.toLowerCase() }, { issue: 'DEMO-3' }));
    expect(byId.items.map((t) => t.id)).toContain(target.id);
    const linked = expectOk(await b.call(admin, 'linkTestCase', { testCaseId: target.id }, { issue: 'DEMO-3' }));
    expect(linked.id).toBe(target.id);
    expect(expectOk(await b.call(admin, 'getTestCase', { testCaseId: target.id }, { issue: 'DEMO-3' })).jiraIssueKeys).toContain('DEMO-3');
    expect(expectOk(await b.call(admin, 'listLinkedTests', undefined, { issue: 'DEMO-3' })).items.map((t) => t.id)).toEqual([target.id]);
    const unlinked = expectOk(await b.call(admin, 'unlinkTestCase', { testCaseId: target.id }, { issue: 'DEMO-3' }));
    expect(unlinked.id).toBe(target.id);
    expect(expectOk(await b.call(admin, 'getTestCase', { testCaseId: target.id }, { issue: 'DEMO-3' })).jiraIssueKeys).not.toContain('DEMO-3');
    expect(expectOk(await b.call(admin, 'listLinkedTests', undefined, { issue: 'DEMO-3' })).total).toBe(0);
  });

  it('explains an unknown test case as NOT_FOUND', async () => {
    expect(await b.call(admin, 'linkTestCase', { testCaseId: 'TC-99999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('works only in an issue panel', async () => {
    expect(await b.call(admin, 'listLinkedTests', undefined, 'global')).toMatchObject({ ok: false, error: { code: 'WRONG_MODULE' } });
  });

  it('says NOT_MAPPED for an unmapped Jira project and NO_TOKEN without a token', async () => {
    expect(await b.call(admin, 'listCycles', undefined, { issue: 'OTHER-1' })).toMatchObject({ ok: false, error: { code: 'NOT_MAPPED' } });
    expect(await b.call('acc-nobody', 'listCycles')).toMatchObject({ ok: false, error: { code: 'NO_TOKEN' } });
  });
});

describe('Test Cycles tab', () => {
  it('lists cycles with the master cycle and progress counts that add up', async () => {
    const cycles = expectOk(await b.call(admin, 'listCycles', {})).items;
    expect(cycles.some((c) => c.id === 'TCYCLE-1' && c.isMaster)).toBe(true);
    for (const c of cycles) expect(Object.values(c.counts).reduce((a, x) => a + x, 0)).toBe(c.total);
  });

  it('creates a cycle, adds the issue’s cases, and records every status with attribution', async () => {
    const cycle = expectOk(await b.call(admin, 'createCycle', { name: 'Jira panel run', environment: 'staging' }, { issue: 'DEMO-1' }));
    expect(cycle).toMatchObject({ name: 'Jira panel run', environment: 'staging', total: 0 });
    const before = expectOk(await b.call(admin, 'listCycleExecutions', { cycleId: cycle.id }));
    expect(before.items).toEqual([]);
    expect(before.notInCycle.length).toBeGreaterThan(0);
    const ids = before.notInCycle;
    const added = expectOk(await b.call(admin, 'addToCycle', { cycleId: cycle.id, testCaseIds: [...ids, ids[0]] }));
    expect(added.added.sort()).toEqual([...ids].sort());

    const target = ids[0]!;
    for (const status of EXECUTION_STATUSES) {
      const ex = expectOk(await b.call(admin, 'executeTest', { cycleId: cycle.id, testCaseId: target, status, comment: `ran as ${status}` }));
      expect(ex).toMatchObject({ status, comment: `ran as ${status}`, testCaseId: target });
      expect(ex.recordedBy?.name).toMatch(/Alice/);
      // Setting a case back to Not Executed is recorded, but it is not an execution.
      if (status === 'NOT_EXECUTED') expect(ex).toMatchObject({ executedBy: null, executedAt: null });
      else expect(ex.executedBy?.name).toMatch(/Alice/);
      expect(ex.defects).toEqual([]);
    }
    const after = expectOk(await b.call(admin, 'listCycleExecutions', { cycleId: cycle.id }));
    expect(after.notInCycle).toEqual([]);
    expect(after.items.find((e) => e.testCaseId === target)?.status).toBe('SKIPPED');
    expect(after.cycle.total).toBe(ids.length);
  });

  it('records a Fail with the bugs the tester names (never the story under test by itself), and the case shows it as latest status', async () => {
    const cycle = expectOk(await b.call(admin, 'listCycles', {})).items.find((c) => c.isMaster);
    const linked = expectOk(await b.call(admin, 'listLinkedTests'));
    const tc = linked.items[0]!;
    const plain = expectOk(await b.call(admin, 'executeTest', { cycleId: cycle!.id, testCaseId: tc.id, status: 'FAIL' }));
    expect(plain.defects).toEqual([]);
    const ex = expectOk(await b.call(admin, 'executeTest', { cycleId: cycle!.id, testCaseId: tc.id, status: 'FAIL', defects: ['DEMO-7', 'DEMO-7'] }));
    expect(ex.defects).toEqual(['DEMO-7']);
    const again = expectOk(await b.call(admin, 'listLinkedTests'));
    expect(again.items.find((t) => t.id === tc.id)?.latestExecution?.status).toBe('FAIL');
    expect(again.counts.FAIL).toBeGreaterThan(0);
  });

  it('runs and adds only test cases linked to the issue: an unrelated case is refused before TestKase is asked to change anything', async () => {
    const cycle = expectOk(await b.call(admin, 'listCycles', {})).items.find((c) => c.isMaster);
    const linkedToDemo1 = expectOk(await b.call(admin, 'listLinkedTests')).items.map((t) => t.id);
    const linkedToDemo2 = expectOk(await b.call(admin, 'listLinkedTests', undefined, { issue: 'DEMO-2' })).items.map((t) => t.id);
    const unrelated = 'TC-8';
    expect(linkedToDemo1).not.toContain(unrelated);
    const other = linkedToDemo2.find((id) => !linkedToDemo1.includes(id))!;
    expect(other).toBeDefined();
    const executionsBefore = JSON.stringify(expectOk(await b.call(admin, 'listCycleExecutions', { cycleId: cycle!.id })));
    b.sim.admin.clearRequests();
    for (const testCaseId of [unrelated, other]) {
      const r = await b.call(admin, 'executeTest', { cycleId: cycle!.id, testCaseId, status: 'FAIL' });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'testCaseId', message: expect.stringContaining(`${testCaseId} is not linked to DEMO-1`) } });
    }
    const added = await b.call(admin, 'addToCycle', { cycleId: cycle!.id, testCaseIds: [linkedToDemo1[0], unrelated] });
    expect(added).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'testCaseIds', message: expect.stringContaining(unrelated) } });
    expect(b.sim.admin.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(JSON.stringify(expectOk(await b.call(admin, 'listCycleExecutions', { cycleId: cycle!.id })))).toBe(executionsBefore);
    // From the issue it is linked to, the same case can be run.
    expect(await b.call(admin, 'executeTest', { cycleId: cycle!.id, testCaseId: other, status: 'PASS' }, { issue: 'DEMO-2' })).toMatchObject({ ok: true });
  });

  it('validates cycle ids and statuses', async () => {
    expect(await b.call(admin, 'executeTest', { cycleId: 'TCYCLE-1', testCaseId: 'TC-1', status: 'PASSED' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'status' } });
    expect(await b.call(admin, 'listCycleExecutions', { cycleId: '../../admin' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'cycleId' } });
    expect(await b.call(admin, 'listCycleExecutions', { cycleId: 'TCYCLE-999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('Guests (read-only in TestKase)', () => {
  it('can read', async () => {
    const state = expectOk(await b.call(guest, 'getState'));
    expect(state.connection).toMatchObject({ kind: 'READY', canWrite: false });
    expect(expectOk(state.linked!).total).toBeGreaterThan(0);
    expect(expectOk(await b.call(guest, 'listCycles', {})).items.length).toBeGreaterThan(0);
  });

  it('cannot write, and no write request reaches TestKase', async () => {
    b.sim.admin.clearRequests();
    const attempts = [
      await b.call(guest, 'createTestCase', { title: 'x' }),
      await b.call(guest, 'linkTestCase', { testCaseId: 'TC-1' }),
      await b.call(guest, 'unlinkTestCase', { testCaseId: 'TC-1' }),
      await b.call(guest, 'createCycle', { name: 'x' }),
      await b.call(guest, 'addToCycle', { cycleId: 'TCYCLE-1', testCaseIds: ['TC-1'] }),
      await b.call(guest, 'executeTest', { cycleId: 'TCYCLE-1', testCaseId: 'TC-1', status: 'PASS' }),
    ];
    for (const r of attempts) {
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!r.ok) expect(r.error.message).toMatch(/read-only/);
    }
    expect(b.sim.admin.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('isolation', () => {
  it('uses each caller’s own token, attributed by TestKase to the right user', async () => {
    const users = ['alice', 'bob', 'gina'] as const;
    for (const u of users) expectOk(await b.call(`acc-iso-${u}`, 'savePat', { token: await b.token(u) }, 'global'));
    b.sim.admin.clearRequests();
    await Promise.all(users.flatMap((u) => [b.call(`acc-iso-${u}`, 'getState'), b.call(`acc-iso-${u}`, 'listCycles')]));
    const byUser = new Map<string, number>();
    for (const r of b.sim.admin.requests()) byUser.set(String(r.userId), (byUser.get(String(r.userId)) ?? 0) + 1);
    expect([...byUser.keys()].sort()).toEqual(['alice', 'bob', 'gina']);
  });
});
