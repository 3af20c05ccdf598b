/**
 * A tester's workflow through the real handler against the simulator: details and history, running
 * from the test case with step results, results kept as history, bugs named by the tester, several
 * cases at once, large selections in batches, cycles newest first, writes re-confirming the mapping,
 * the settings page re-checking the token, and messages that say what happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, startBackend, type Backend } from '../../support/backend';

let b: Backend;
const alice = 'acc-flow-alice';
const bob = 'acc-flow-bob';
const gina = 'acc-flow-gina';

beforeAll(async () => {
  b = await startBackend();
  for (const [account, user] of [[alice, 'alice'], [bob, 'bob'], [gina, 'gina']] as const) {
    expectOk(await b.call(account, 'savePat', { token: await b.token(user) }, 'global'));
  }
});
afterAll(async () => {
  await b.stop();
});

const sprint42 = 'TCYCLE-2';

describe('details and history', () => {
  it('opens a linked test case with its preconditions and ordered steps', async () => {
    const tc = expectOk(await b.call(bob, 'getTestCase', { testCaseId: 'TC-2' }));
    expect(tc).toMatchObject({ id: 'TC-2', type: 'FUNCTIONAL', status: 'READY', priority: 'MEDIUM', owner: { id: 'bob' } });
    expect(tc.preconditions).toMatch(/SAVE10/);
    expect(tc.steps.map((s) => s.order)).toEqual([1, 2, 3]);
    expect(tc.steps[1]).toMatchObject({ action: 'Apply the code', expectedResult: 'The total is €45.00' });
  });

  it('lists every result of a case newest first, with the cycle, who, when, comment and the bug it names', async () => {
    const history = expectOk(await b.call(bob, 'listTestCaseHistory', { testCaseId: 'TC-2' }));
    expect(history.items.map((r) => r.status)).toEqual(['FAIL', 'BLOCKED']);
    expect(history.items[0]).toMatchObject({ cycleName: 'Sprint 42 regression', recordedBy: { id: 'alice' }, comment: expect.stringMatching(/applied twice/), defects: ['DEMO-3'] });
    expect(history.total).toBe(2);
  });

  it('keeps the previous result and its comment when a case is run again', async () => {
    const before = expectOk(await b.call(bob, 'listTestCaseHistory', { testCaseId: 'TC-3' })).items;
    expectOk(await b.call(bob, 'executeTest', { cycleId: sprint42, testCaseId: 'TC-3', status: 'BLOCKED', comment: 'Coupon service down' }));
    const after = expectOk(await b.call(bob, 'listTestCaseHistory', { testCaseId: 'TC-3' })).items;
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ status: 'BLOCKED', comment: 'Coupon service down', recordedBy: { id: 'bob' } });
    expect(after.slice(1)).toEqual(before);
  });
});

describe('running a test case', () => {
  it('records step results with the overall status and shows them in the history', async () => {
    const ex = expectOk(
      await b.call(bob, 'executeTest', {
        cycleId: sprint42,
        testCaseId: 'TC-2',
        status: 'FAIL',
        comment: 'Total wrong after re-entering the code',
        stepResults: [
          { order: 1, status: 'PASS' },
          { order: 2, status: 'PASS' },
          { order: 3, status: 'FAIL', actualResult: '  The total became €40.50  ' },
        ],
        defects: ['DEMO-9'],
      }),
    );
    expect(ex).toMatchObject({ status: 'FAIL', executedBy: { id: 'bob' }, defects: ['DEMO-9'] });
    expect(ex.stepResults).toEqual([
      { order: 1, status: 'PASS', actualResult: null },
      { order: 2, status: 'PASS', actualResult: null },
      { order: 3, status: 'FAIL', actualResult: 'The total became €40.50' },
    ]);
    const latest = expectOk(await b.call(bob, 'listTestCaseHistory', { testCaseId: 'TC-2' })).items[0]!;
    expect(latest.id).toBe(ex.id);
    expect(latest.stepResults).toHaveLength(3);
    const row = expectOk(await b.call(bob, 'listLinkedTests')).items.find((t) => t.id === 'TC-2');
    expect(row?.latestExecution).toMatchObject({ status: 'FAIL', cycleId: sprint42 });
  });

  it('refuses a step the test case does not have, and records nothing', async () => {
    const before = expectOk(await b.call(bob, 'listTestCaseHistory', { testCaseId: 'TC-2' })).total;
    const r = await b.call(bob, 'executeTest', { cycleId: sprint42, testCaseId: 'TC-2', status: 'PASS', stepResults: [{ order: 9, status: 'PASS' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('has no step 9') } });
    expect(expectOk(await b.call(bob, 'listTestCaseHistory', { testCaseId: 'TC-2' })).total).toBe(before);
  });

  it('adds the bug a tester created in Jira to the result it is about', async () => {
    const ex = expectOk(await b.call(bob, 'executeTest', { cycleId: sprint42, testCaseId: 'TC-4', status: 'FAIL' }));
    expect(ex.defects).toEqual([]);
    const withBug = expectOk(await b.call(bob, 'addDefect', { cycleId: sprint42, testCaseId: 'TC-4', executionId: ex.id, issueKey: 'DEMO-12' }));
    expect(withBug).toMatchObject({ id: ex.id, defects: ['DEMO-12'] });
    expect(expectOk(await b.call(bob, 'listTestCaseHistory', { testCaseId: 'TC-4' })).items[0]?.defects).toEqual(['DEMO-12']);
    expect(await b.call(gina, 'addDefect', { cycleId: sprint42, testCaseId: 'TC-4', executionId: ex.id, issueKey: 'DEMO-13' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('several test cases at once', () => {
  it('adds 120 linked cases to a cycle in one go, however TestKase batches them, and reports one outcome', async () => {
    const grown = b.sim.admin.grow({ testCases: 120, linkedTo: 'DEMO-20' });
    const cycle = expectOk(await b.call(alice, 'createCycle', { name: 'Big batch' }, { issue: 'DEMO-20' }));
    b.sim.admin.clearRequests();
    const added = expectOk(await b.call(alice, 'addToCycle', { cycleId: cycle.id, testCaseIds: grown.testCaseIds }, { issue: 'DEMO-20' }));
    expect(added.added).toHaveLength(120);
    expect(b.sim.admin.requests().filter((r) => r.route === 'addToCycle')).toHaveLength(2);
    expect(expectOk(await b.call(alice, 'listCycleExecutions', { cycleId: cycle.id }, { issue: 'DEMO-20' })).items).toHaveLength(120);
  });

  it('records one result for 150 cases with an outcome per case, in bulk calls', async () => {
    const grown = b.sim.admin.grow({ testCases: 150, linkedTo: 'DEMO-21' });
    const cycle = expectOk(await b.call(alice, 'createCycle', { name: 'Bulk run' }, { issue: 'DEMO-21' }));
    const inCycle = grown.testCaseIds.slice(0, 149); // one is left out of the cycle
    expectOk(await b.call(alice, 'addToCycle', { cycleId: cycle.id, testCaseIds: inCycle }, { issue: 'DEMO-21' }));
    b.sim.admin.clearRequests();
    const outcome = expectOk(await b.call(alice, 'executeMany', { cycleId: cycle.id, testCaseIds: grown.testCaseIds, status: 'PASS', comment: 'Smoke' }, { issue: 'DEMO-21' }));
    expect(outcome.recorded).toHaveLength(149);
    expect(outcome.failed).toEqual([{ testCaseId: grown.testCaseIds[149], message: expect.stringContaining('not in this cycle') }]);
    expect(b.sim.admin.requests().filter((r) => r.route === 'recordExecutions')).toHaveLength(2);
    const rows = expectOk(await b.call(alice, 'listCycleExecutions', { cycleId: cycle.id }, { issue: 'DEMO-21' })).items;
    expect(rows.every((r) => r.status === 'PASS' && r.comment === 'Smoke')).toBe(true);
  });
});

describe('cycles', () => {
  it('lists the most recently active first, searches by name words, and finds the cycles holding a case', async () => {
    const created = expectOk(await b.call(alice, 'createCycle', { name: 'Checkout hotfix 3.8.1' }));
    const cycles = expectOk(await b.call(alice, 'listCycles', {})).items;
    expect(cycles[0]?.id).toBe(created.id);
    const updated = cycles.map((c) => c.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(expectOk(await b.call(alice, 'listCycles', { search: 'hotfix checkout' })).items.map((c) => c.id)).toEqual([created.id]);
    const holding = expectOk(await b.call(alice, 'listCycles', { containing: 'TC-5' })).items.map((c) => c.id).sort();
    expect(holding).toEqual(['TCYCLE-1', 'TCYCLE-2', 'TCYCLE-3']);
  });
});

describe('search', () => {
  it('matches every word in any order and puts the exact id first', async () => {
    const words = expectOk(await b.call(bob, 'searchTestCases', { query: 'code discount' })).items.map((t) => t.id);
    expect(words).toEqual(['TC-2', 'TC-3']);
    expect(expectOk(await b.call(bob, 'searchTestCases', { query: 'cart timeout' })).items.map((t) => t.id)).toEqual(['TC-8']);
    b.sim.admin.grow({ testCases: 10 }); // TC-10 … exist besides TC-1
    const byId = expectOk(await b.call(bob, 'searchTestCases', { query: 'TC-1' })).items.map((t) => t.id);
    expect(byId[0]).toBe('TC-1');
    expect(byId.length).toBeGreaterThan(1);
  });
});

describe('what is re-checked, and what is said', () => {
  it('a write re-confirms the mapping: removed since it was cached, nothing is created', async () => {
    b.sim.admin.addMapping('OTHER', 'PRJ-1');
    expectOk(await b.call(alice, 'getState', undefined, { issue: 'OTHER-1' })); // caches OTHER → PRJ-1
    b.sim.admin.removeMapping('OTHER');
    const created = await b.call(alice, 'createTestCase', { title: 'Must not be created' }, { issue: 'OTHER-1' });
    expect(created).toMatchObject({ ok: false, error: { code: 'NOT_MAPPED' } });
    expect(expectOk(await b.call(alice, 'searchTestCases', { query: 'must not be created' })).total).toBe(0);
  });

  it('the settings page checks the token each time it opens: a revoked token shows at once', async () => {
    const me = 'acc-flow-revoked';
    const token = await b.token('bob');
    expectOk(await b.call(me, 'savePat', { token }, 'global'));
    expect(expectOk(await b.call(me, 'getState', undefined, 'global')).connection.kind).toBe('READY');
    const listed = b.sim.admin.listTokens('bob').find((t) => token.startsWith(t.preview.replace('…', '').slice(0, 11)));
    b.sim.admin.revokeToken(listed!.id);
    expect(expectOk(await b.call(me, 'getState', undefined, 'global')).connection).toMatchObject({ kind: 'PAT_SAVED', reason: 'TOKEN_REJECTED' });
  });

  it('says a refused write saved nothing, and a failed read says nothing about changes', async () => {
    b.sim.admin.addFault({ route: 'createTestCase', status: 503, times: 1 });
    const refused = await b.call(alice, 'createTestCase', { title: 'During an outage' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('nothing was changed') } });
    b.sim.admin.addFault({ route: 'testCases', status: 503, times: 3 });
    const read = await b.call(alice, 'searchTestCases', { query: 'x' });
    expect(read).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    if (!read.ok) expect(read.error.message).not.toMatch(/changed/i);
    b.sim.admin.clearFaults();
  });

  it('ends a validation message with one full stop', async () => {
    const r = await b.call(alice, 'savePat', { token: 'not a token at all!!!!' }, 'global');
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).not.toMatch(/\.\./);
  });
});
