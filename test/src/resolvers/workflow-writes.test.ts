/**
 * The tester's writes through the real handler against the simulator (issues 21 and 22): test cases
 * written with their steps, one result for many cases that answers ids and statuses only, never records
 * a result twice when tried again and says which batches were never sent; which cycles hold a
 * selection; a write that learns the mapping is gone drops the cached one; a slow TestKase is said to be
 * slow, not unreachable.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientFactory } from '../../../src/connection/client-factory';
import { TestKaseClient } from '../../../src/testkase/client';
import { expectOk, startBackend, type Backend } from '../../support/backend';

let b: Backend;
const alice = 'acc-writes-alice';
const bob = 'acc-writes-bob';

beforeAll(async () => {
  b = await startBackend();
  for (const [account, user] of [[alice, 'alice'], [bob, 'bob']] as const) {
    expectOk(await b.call(account, 'savePat', { token: await b.token(user) }, 'global'));
  }
});
afterAll(async () => {
  await b.stop();
});
afterEach(() => {
  b.sim.admin.clearFaults();
});

const utf8 = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
const historyOf = async (testCaseId: string, where = { issue: 'DEMO-1' }) => expectOk(await b.call(alice, 'listTestCaseHistory', { testCaseId }, where)).total;

describe('writing test cases from Jira (A30)', () => {
  it('creates a test case with its type, priority, preconditions and ordered steps, linked to the issue', async () => {
    const created = expectOk(
      await b.call(bob, 'createTestCase', {
        title: 'Gift card and discount code together',
        type: 'REGRESSION',
        priority: 'HIGH',
        preconditions: 'A €20 gift card and the code SAVE10.',
        steps: [
          { action: 'Add a €50 item to the cart', expectedResult: 'The cart total is €50.00' },
          { action: 'Apply SAVE10', expectedResult: '' },
          { action: '  Pay with the gift card  ', expectedResult: 'The rest is charged to the card' },
        ],
      }),
    );
    expect(created).toMatchObject({ type: 'REGRESSION', priority: 'HIGH' });
    const detail = expectOk(await b.call(bob, 'getTestCase', { testCaseId: created.id }));
    expect(detail.preconditions).toBe('A €20 gift card and the code SAVE10.');
    expect(detail.steps).toEqual([
      { order: 1, action: 'Add a €50 item to the cart', expectedResult: 'The cart total is €50.00' },
      { order: 2, action: 'Apply SAVE10', expectedResult: '' },
      { order: 3, action: 'Pay with the gift card', expectedResult: 'The rest is charged to the card' },
    ]);
    expect(expectOk(await b.call(bob, 'listLinkedTests')).items.map((t) => t.id)).toContain(created.id);
  });

  it('refuses a step without an action, naming it, and creates nothing', async () => {
    const before = expectOk(await b.call(bob, 'searchTestCases', { query: 'stepless' })).total;
    const r = await b.call(bob, 'createTestCase', { title: 'Stepless', steps: [{ action: 'Open the cart', expectedResult: '' }, { action: '   ', expectedResult: 'x' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'steps.1.action', message: expect.stringContaining('every step needs an action') } });
    expect(expectOk(await b.call(bob, 'searchTestCases', { query: 'stepless' })).total).toBe(before);
  });

  it('says when a test case is too large for one TestKase request, before sending it', async () => {
    b.sim.admin.clearRequests();
    const steps = Array.from({ length: 60 }, (_, i) => ({ action: `${'Ä'.repeat(900)} ${i}`, expectedResult: 'ö'.repeat(900) }));
    const r = await b.call(bob, 'createTestCase', { title: 'Huge', steps });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/too large to send to TestKase \(\d+ KB; TestKase accepts at most 64 KB at once\)/) } });
    expect(b.sim.admin.requests().filter((q) => q.route === 'createTestCase')).toHaveLength(0);
  });
});

describe('one result for many test cases', () => {
  it('answers ids and statuses only: 2,000 results with 2,000-character CJK comments stay small; batches never sent say "not recorded"; trying again records the rest once', async () => {
    const grown = b.sim.admin.grow({ testCases: 2_000, linkedTo: 'DEMO-60', cycles: 1 });
    const cycleId = grown.cycleIds[0]!;
    const where = { issue: 'DEMO-60' };
    const comment = '漢'.repeat(2_000);
    const requestId = randomUUID();
    const first = expectOk(await b.call(alice, 'executeMany', { requestId, cycleId, testCaseIds: grown.testCaseIds, status: 'PASS', comment }, where));
    const bytes = utf8(first);
    // Before: every recorded Execution came back, comment included (12 MB for 2,000).
    expect(bytes).toBeLessThan(200_000);
    const notSent = first.failed.filter((f) => f.reason === 'NOT_SENT').flatMap((f) => f.testCaseIds);
    expect(first.recorded.length + notSent.length).toBe(2_000);
    expect(first.recorded.length).toBeGreaterThan(0);
    expect(notSent.length).toBeGreaterThan(0);
    expect(first.failed.find((f) => f.reason === 'NOT_SENT')?.message).toMatch(/^Not recorded \(never sent to TestKase\): TC-\d+(, TC-\d+){9} and \d+ more\. Record them again\.$/);
    expect(first.failed.map((f) => f.message).join(' ')).not.toMatch(/may or may not/);
    // Every batch stayed under TestKase's body limit.
    expect(b.sim.admin.requests().filter((q) => q.route === 'recordExecutions').every((q) => q.status === 200)).toBe(true);

    // Record again, the cases not recorded: the next ones are recorded.
    const rest = expectOk(await b.call(alice, 'executeMany', { requestId, cycleId, testCaseIds: notSent, status: 'PASS', comment }, where));
    expect(rest.recorded.length).toBeGreaterThan(0);
    expect(rest.recorded.some((r) => first.recorded.some((f) => f.testCaseId === r.testCaseId))).toBe(false);
    // The same request again, whole (its answer lost on the way to the browser): nothing recorded twice.
    const sample = first.recorded[0]!.testCaseId;
    const again = expectOk(await b.call(alice, 'executeMany', { requestId, cycleId, testCaseIds: grown.testCaseIds, status: 'PASS', comment }, where));
    expect(again.recorded.find((r) => r.testCaseId === sample)?.executionId).toBe(first.recorded[0]!.executionId);
    expect(await historyOf(sample, where)).toBe(1);
    console.log(`executeMany of 2,000 with 2,000-character CJK comments: answer ${bytes} bytes; ${first.recorded.length} recorded, ${notSent.length} not sent in the first call`);
  });

  it('a batch TestKase refused (5xx) says it was not recorded and the other batches still are; a second try of the same request records it once', async () => {
    const grown = b.sim.admin.grow({ testCases: 150, linkedTo: 'DEMO-61', cycles: 1 });
    const cycleId = grown.cycleIds[0]!;
    const where = { issue: 'DEMO-61' };
    const requestId = randomUUID();
    b.sim.admin.addFault({ route: 'recordExecutions', status: 503, times: 1 });
    const first = expectOk(await b.call(alice, 'executeMany', { requestId, cycleId, testCaseIds: grown.testCaseIds, status: 'FAIL' }, where));
    expect(first.recorded).toHaveLength(50);
    expect(first.failed).toEqual([{ reason: 'REFUSED', testCaseIds: grown.testCaseIds.slice(0, 100), message: expect.stringMatching(/^TestKase did not record TC-\d+.* and 90 more: TestKase could not save this right now/) }]);
    const retry = expectOk(await b.call(alice, 'executeMany', { requestId, cycleId, testCaseIds: grown.testCaseIds, status: 'FAIL' }, where));
    expect(retry.recorded).toHaveLength(150);
    expect(retry.failed).toEqual([]);
    for (const id of [grown.testCaseIds[0]!, grown.testCaseIds[149]!]) expect(await historyOf(id, where)).toBe(1);
  });

  it('adds the cases the cycle lacks first, in the same call, and says which ones; cases not in the cycle are summarised in one sentence', async () => {
    const grown = b.sim.admin.grow({ testCases: 5, linkedTo: 'DEMO-62' });
    const where = { issue: 'DEMO-62' };
    const cycle = expectOk(await b.call(alice, 'createCycle', { name: 'Add and record' }, where));
    expectOk(await b.call(alice, 'addToCycle', { cycleId: cycle.id, testCaseIds: grown.testCaseIds.slice(0, 2) }, where));
    const holding = expectOk(await b.call(alice, 'listCyclesHolding', { testCaseIds: grown.testCaseIds }, where)).items;
    expect(holding).toEqual(expect.arrayContaining([{ cycleId: cycle.id, held: 2 }, { cycleId: 'TCYCLE-1', held: 5 }]));

    const without = expectOk(await b.call(alice, 'executeMany', { cycleId: cycle.id, testCaseIds: grown.testCaseIds, status: 'PASS' }, where));
    expect(without.recorded).toHaveLength(2);
    expect(without.failed).toEqual([{ reason: 'NOT_IN_CYCLE', testCaseIds: grown.testCaseIds.slice(2), message: `Not in this cycle, so not recorded: ${grown.testCaseIds.slice(2).join(', ')}. Add them to the cycle first.` }]);

    const withAdd = expectOk(await b.call(alice, 'executeMany', { cycleId: cycle.id, testCaseIds: grown.testCaseIds, status: 'BLOCKED', addMissing: true }, where));
    expect(withAdd.added).toEqual(grown.testCaseIds.slice(2));
    expect(withAdd.recorded.map((r) => r.status)).toEqual(Array(5).fill('BLOCKED'));
    expect(withAdd.failed).toEqual([]);
  });

  it('a Save tried again with the same request id records one result', async () => {
    const requestId = randomUUID();
    const before = await historyOf('TC-3');
    const one = expectOk(await b.call(bob, 'executeTest', { requestId, cycleId: 'TCYCLE-2', testCaseId: 'TC-3', status: 'SKIPPED', comment: 'once' }));
    const two = expectOk(await b.call(bob, 'executeTest', { requestId, cycleId: 'TCYCLE-2', testCaseId: 'TC-3', status: 'SKIPPED', comment: 'once' }));
    expect(two.id).toBe(one.id);
    expect(await historyOf('TC-3')).toBe(before + 1);
  });
});

describe('what the app learns from a write, and how it says TestKase is slow', () => {
  it('a write that learns the mapping is gone drops the cached one: the next screen is not READY', async () => {
    expect(expectOk(await b.call(alice, 'getState', undefined, { issue: 'DEMO-2' })).connection.kind).toBe('READY'); // mapping cached
    b.sim.admin.removeMapping('DEMO');
    try {
      const r = await b.call(alice, 'unlinkTestCase', { testCaseId: 'TC-5' }, { issue: 'DEMO-2' });
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_MAPPED' } });
      expect(expectOk(await b.call(alice, 'getState', undefined, { issue: 'DEMO-2' })).connection).toMatchObject({ kind: 'PAT_SAVED', reason: 'MAPPING_LOST' });
    } finally {
      b.sim.admin.addMapping('DEMO', 'PRJ-1');
    }
  });

  it('a read TestKase does not answer in time says it did not answer in time, not that it could not be reached; a connection refused still says unreachable', async () => {
    const create = clientFactory.create;
    clientFactory.create = (token, options = {}) => new TestKaseClient({ baseUrl: process.env.TESTKASE_BASE_URL!, token, ...options, timeoutMs: 200, budgetMs: 700 });
    try {
      b.sim.admin.addFault({ route: 'testCase', hang: true });
      const slow = await b.call(bob, 'getTestCase', { testCaseId: 'TC-2' });
      expect(slow).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('did not answer in time') } });
      b.sim.admin.clearFaults();
      b.sim.admin.addFault({ route: 'testCase', drop: true });
      const dropped = await b.call(bob, 'getTestCase', { testCaseId: 'TC-2' });
      expect(dropped).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: 'TestKase could not be reached. Try again in a moment.' } });
      b.sim.admin.clearFaults();

      // The first screen, when the token must be checked again and TestKase is slow: the state says so.
      const me = 'acc-writes-slow';
      expectOk(await b.call(me, 'savePat', { token: await b.token('bob') }, 'global'));
      b.advance(11 * 60_000); // past the cached validation
      b.sim.admin.addFault({ route: 'whoAmI', hang: true });
      const state = expectOk(await b.call(me, 'getState', undefined, { issue: 'DEMO-1' }));
      expect(state.connection).toMatchObject({ kind: 'PAT_SAVED', reason: 'TESTKASE_UNAVAILABLE', timedOut: true, message: { title: 'TestKase did not answer in time' } });
    } finally {
      clientFactory.create = create;
    }
  });
});
