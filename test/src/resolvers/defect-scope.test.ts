/**
 * addDefect from an issue's panel records a bug only on a result of a test case linked to that issue,
 * like every other write of the panel: a result of another issue's test case, a result named with the
 * wrong test case, or one from another cycle is refused with a typed error and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Execution } from '../../../src/shared/definitions';
import { expectOk, startBackend, type Backend } from '../../support/backend';

let b: Backend;
const bob = 'acc-defect-bob';
const sprint42 = 'TCYCLE-2';
const smoke = 'TCYCLE-3';
/** A Fail of TC-4 (linked to DEMO-1) and one of TC-5 (linked to DEMO-2 only), both in Sprint 42. */
let linked: Execution;
let other: Execution;

beforeAll(async () => {
  b = await startBackend();
  expectOk(await b.call(bob, 'savePat', { token: await b.token('bob') }, 'global'));
  linked = expectOk(await b.call(bob, 'executeTest', { cycleId: sprint42, testCaseId: 'TC-4', status: 'FAIL' }));
  expectOk(await b.call(bob, 'addToCycle', { cycleId: sprint42, testCaseIds: ['TC-5'] }, { issue: 'DEMO-2' }));
  other = expectOk(await b.call(bob, 'executeTest', { cycleId: sprint42, testCaseId: 'TC-5', status: 'FAIL' }, { issue: 'DEMO-2' }));
});
afterAll(async () => {
  await b.stop();
});

const defectsOf = async (testCaseId: string, issue: string) => expectOk(await b.call(bob, 'listTestCaseHistory', { testCaseId }, { issue })).items.map((r) => ({ id: r.id, defects: r.defects }));

describe('addDefect only touches results of the issue’s linked test cases', () => {
  it('refuses a result of a test case that is not linked to the issue, and changes nothing', async () => {
    const before = await defectsOf('TC-5', 'DEMO-2');
    const r = await b.call(bob, 'addDefect', { cycleId: sprint42, testCaseId: 'TC-5', executionId: other.id, issueKey: 'DEMO-40' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'testCaseId', message: expect.stringMatching(/^TC-5 is not linked to DEMO-1.*Nothing was changed\.$/) } });
    expect(await defectsOf('TC-5', 'DEMO-2')).toEqual(before);
  });

  it('refuses another test case’s result named with a linked test case, and changes nothing', async () => {
    const before = await defectsOf('TC-5', 'DEMO-2');
    const r = await b.call(bob, 'addDefect', { cycleId: sprint42, testCaseId: 'TC-4', executionId: other.id, issueKey: 'DEMO-41' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'executionId', message: `The result ${other.id} is not a result of TC-4 in this test cycle, so the bug was not recorded on it. Refresh and try again. Nothing was changed.` } });
    expect(await defectsOf('TC-5', 'DEMO-2')).toEqual(before);
  });

  it('refuses a linked case’s result named with another cycle, and changes nothing', async () => {
    const before = await defectsOf('TC-4', 'DEMO-1');
    expect(await b.call(bob, 'addDefect', { cycleId: smoke, testCaseId: 'TC-4', executionId: linked.id, issueKey: 'DEMO-42' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'executionId' } });
    expect(await defectsOf('TC-4', 'DEMO-1')).toEqual(before);
  });

  it('records the bug on a result of a linked test case, also one that is no longer its latest', async () => {
    expectOk(await b.call(bob, 'executeTest', { cycleId: sprint42, testCaseId: 'TC-4', status: 'PASS' }));
    const withBug = expectOk(await b.call(bob, 'addDefect', { cycleId: sprint42, testCaseId: 'TC-4', executionId: linked.id, issueKey: 'DEMO-43' }));
    expect(withBug).toMatchObject({ id: linked.id, testCaseId: 'TC-4', defects: ['DEMO-43'] });
    expect((await defectsOf('TC-4', 'DEMO-1')).find((r) => r.id === linked.id)?.defects).toEqual(['DEMO-43']);
  });

  it('finds a genuine result by its id, also one older than the newest 500 of its test case (A60)', async () => {
    // One linked case with 510 results, one per cycle: the first is older than five pages of 100 of its history.
    const grown = b.sim.admin.grow({ testCases: 1, linkedTo: 'DEMO-1', cycles: 510, resultsPerCycle: 1, by: 'bob' });
    const testCaseId = grown.testCaseIds[0]!;
    const first = expectOk(await b.call(bob, 'listTestCaseHistory', { testCaseId }));
    const history = expectOk(await b.call(bob, 'listTestCaseHistory', { testCaseId, from: first.total - 1 }));
    const oldest = history.items.at(-1)!;
    expect([history.total, oldest.cycleId]).toEqual([510, grown.cycleIds[0]]);
    const withBug = expectOk(await b.call(bob, 'addDefect', { cycleId: oldest.cycleId, testCaseId, executionId: oldest.id, issueKey: 'DEMO-3' }));
    expect(withBug).toMatchObject({ id: oldest.id, testCaseId, defects: ['DEMO-3'] });
    // The same id named with another of its cycles is still refused.
    expect(await b.call(bob, 'addDefect', { cycleId: grown.cycleIds[1]!, testCaseId, executionId: oldest.id, issueKey: 'DEMO-3' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'executionId' } });
  });
});
