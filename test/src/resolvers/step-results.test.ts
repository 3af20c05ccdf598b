/**
 * A step-by-step result as the backend accepts it: each step once (the payload, the contract and the
 * simulator all refuse two results for one step), and a Pass over failed or blocked steps only as the
 * tester's explicit override (shared/steps.ts, the run form's own rule).
 */
import { describe, expect, it } from 'vitest';
import { TestKaseClient } from '../../../src/testkase/client';
import { isTestKaseError } from '../../../src/testkase/errors';
import { backendForFile, expectOk } from '../../support/backend';
import { words } from '../../../src/shared/words/backend';

const b = backendForFile();
const bob = 'acc-steps-bob';
const sprint42 = 'TCYCLE-2';
const historyTotal = async () => expectOk(await b().call(bob, 'listTestCaseHistory', { testCaseId: 'TC-2' })).total;

describe('step results', () => {
  it('refuses two results for one step, and records nothing', async () => {
    expectOk(await b().call(bob, 'savePat', { token: await b().token('bob') }, 'global'));
    const before = await historyTotal();
    const r = await b().call(bob, 'executeTest', { cycleId: sprint42, testCaseId: 'TC-2', status: 'FAIL', stepResults: [{ order: 1, status: 'PASS' }, { order: 1, status: 'FAIL' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'stepResults', message: expect.stringContaining(words.invalid.stepOrdersRepeat) } });
    expect(await historyTotal()).toBe(before);
  });

  it('the contract refuses them before sending, and the simulator refuses them with a 400', async () => {
    const token = await b().token('bob');
    const client = new TestKaseClient({ baseUrl: b().sim.apiBaseUrl, token });
    const twice = { projectId: 'PRJ-1', testCaseId: 'TC-2', status: 'PASS' as const, stepResults: [{ order: 2, status: 'PASS' as const }, { order: 2, status: 'PASS' as const }] };
    const refused = await client.recordExecution(sprint42, twice).catch((e: unknown) => e);
    expect(isTestKaseError(refused, 'BAD_REQUEST') && refused.message).toMatch(/nothing was sent/);
    const sent = await fetch(`${b().sim.apiBaseUrl}/test-cycles/${sprint42}/executions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(twice),
    });
    expect(sent.status).toBe(400);
  });

  it('a Pass over steps that all failed needs the explicit override; with it, it is recorded as chosen', async () => {
    const before = await historyTotal();
    const failed = [{ order: 1, status: 'FAIL' }, { order: 2, status: 'FAIL' }, { order: 3, status: 'FAIL' }] as const;
    const plain = await b().call(bob, 'executeTest', { cycleId: sprint42, testCaseId: 'TC-2', status: 'PASS', stepResults: [...failed] });
    expect(plain).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'status', message: expect.stringContaining(words.invalid.passOverFailedSteps) } });
    const blocked = await b().call(bob, 'executeTest', { cycleId: sprint42, testCaseId: 'TC-2', status: 'PASS', stepResults: [{ order: 1, status: 'PASS' }, { order: 2, status: 'BLOCKED' }] });
    expect(blocked).toMatchObject({ ok: false, error: { field: 'status' } });
    expect(await historyTotal()).toBe(before);

    const chosen = expectOk(await b().call(bob, 'executeTest', { cycleId: sprint42, testCaseId: 'TC-2', status: 'PASS', stepResults: [...failed], overridesSteps: true }));
    expect(chosen).toMatchObject({ status: 'PASS', stepResults: failed.map((s) => ({ ...s, actualResult: null })) });
    expect(await historyTotal()).toBe(before + 1);
    // A result the steps agree with needs nothing.
    expectOk(await b().call(bob, 'executeTest', { cycleId: sprint42, testCaseId: 'TC-2', status: 'FAIL', stepResults: [...failed] }));
  });
});
