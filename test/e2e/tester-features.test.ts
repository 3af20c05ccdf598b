/**
 * What testers missed most (issue 22), in Chromium through the local runtime: writing a test case from
 * Jira with its preconditions and ordered steps (keyboard only for the steps), one result recorded for
 * several cases with the missing ones added to the cycle in the same go (and recorded again, once, after
 * TestKase refused a batch), and Run next — in the Test Cases tab and in a cycle.
 */
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { openBulkRecord, testkaseDirect } from './support/testkase-direct';
import { connectWithNewToken, describeE2E, screenshot, suiteRig } from './support/rig';

describeE2E('tester workflow: writing tests, bulk in one go, Run next', () => {
  const { rig, bob } = suiteRig({ users: ['bob'] });
  const sim = () => rig().runtime.sim.admin;
  const row = (frame: Frame, id: string) => frame.locator(`li[data-case="${id}"]`);
  const focused = (frame: Frame) => frame.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

  const { api } = testkaseDirect(rig);
  const historyCount = async (id: string) => (await api<unknown[]>(`/test-cases/${id}/executions?projectId=PRJ-1&pageSize=100`)).length;
  /** A new cycle holding the given cases, none of them run there. */
  const freshCycle = async (name: string, ids: string[]) => {
    const cycle = await api<{ id: string }>('/test-cycles', { method: 'POST', body: { projectId: 'PRJ-1', name, description: '', environment: null } });
    await api(`/test-cycles/${cycle.id}/test-cases`, { method: 'POST', body: { projectId: 'PRJ-1', testCaseIds: ids } });
    return cycle.id;
  };

  it('connects bob', async () => {
    await connectWithNewToken(rig(), bob(), 'bob');
  });

  describe('writing a test case from Jira', () => {
    it('with type, priority, preconditions and ordered steps — added, moved and removed with the keyboard; sentences for what is wrong; nothing lost on an error', async () => {
      const frame = await bob().openReadyPanel('DEMO-2');
      const keys = bob().page.keyboard;
      await frame.getByRole('button', { name: 'Create test case' }).click();
      const form = frame.getByRole('form', { name: 'Create test case' });
      await form.getByLabel('Title').fill('Gift card pays part of the order');
      await form.getByLabel('Type').selectOption('REGRESSION');
      await form.getByLabel('Priority').selectOption('HIGH');
      await form.getByLabel('Preconditions').fill('A €20 gift card GIFT20.');
      const step = (n: number) => form.getByRole('group', { name: `Step ${n}`, exact: true });
      for (const [action, expected] of [['Pay with the card', 'The rest is charged'], ['Add a €50 item', 'Total €50.00'], ['Apply GIFT20', '€30.00 left to pay'], ['Take a screenshot', '']]) {
        await form.getByRole('button', { name: 'Add step' }).focus();
        await keys.press('Enter');
        // Focus lands in the new step's action.
        await keys.type(action!);
        if (expected) {
          await keys.press('Tab');
          await keys.type(expected);
        }
      }
      expect(await step(4).getByLabel('Action').inputValue()).toBe('Take a screenshot');
      // Step 1 belongs at the end of the first three: moved down twice with the keyboard; focus stays on its button.
      await step(1).getByRole('button', { name: 'Move step 1 down' }).focus();
      await keys.press('Enter');
      expect(await focused(frame)).toBe('Move step 2 down');
      await keys.press('Enter');
      expect(await focused(frame)).toBe('Move step 3 down');
      await form.getByText('Step 2 is now step 3.').waitFor();
      // The screenshot step is not wanted: removed; focus goes to the step before it.
      await step(4).getByRole('button', { name: 'Remove step 4' }).focus();
      await keys.press('Enter');
      expect(await step(4).count()).toBe(0);
      // An empty step is refused with a sentence, on that step's field.
      await form.getByRole('button', { name: 'Add step' }).click();
      await form.getByRole('button', { name: 'Create' }).click();
      await form.getByText('Step 4 needs an action.').waitFor();
      expect(await step(4).getByLabel('Action').evaluate((el) => el === document.activeElement)).toBe(true);
      await step(4).getByRole('button', { name: 'Remove step 4' }).click();
      await screenshot(bob().page, 'features-create-case');

      // TestKase refuses once: the sentence says so and every field is still there.
      const fault = sim().addFault({ route: 'createTestCase', status: 503, times: 1 });
      await form.getByRole('button', { name: 'Create' }).click();
      await form.getByText(/nothing was changed/).waitFor();
      sim().removeFault(fault.id);
      expect(await form.getByLabel('Preconditions').inputValue()).toBe('A €20 gift card GIFT20.');
      expect(await step(3).getByLabel('Action').inputValue()).toBe('Pay with the card');
      await form.getByRole('button', { name: 'Create' }).click();
      await frame.getByText(/^Created TC-\d+ and linked it to DEMO-2\.$/).waitFor();
      const id = /Created (TC-\d+)/.exec(await frame.getByText(/^Created TC-\d+/).innerText())![1]!;

      // The details view shows what was written, in order.
      await row(frame, id).locator('.case-toggle').click();
      const details = frame.getByRole('region', { name: `Details of ${id}` });
      await details.getByText('A €20 gift card GIFT20.').waitFor();
      expect(await details.locator('.steps li').allInnerTexts()).toEqual([
        expect.stringMatching(/Add a €50 item[\s\S]*Total €50\.00/),
        expect.stringMatching(/Apply GIFT20[\s\S]*€30\.00 left to pay/),
        expect.stringMatching(/Pay with the card[\s\S]*The rest is charged/),
      ]);
      expect(await details.innerText()).toMatch(/Regression/);
      expect(await row(frame, id).innerText()).toMatch(/High/i);
      bob().expectClean({ allowConsoleErrors: true });
    });

    for (const theme of ['light', 'dark'] as const) {
      it(`fits 360 px (${theme})`, async () => {
        const rp = await rig().newPage({ user: 'bob', theme, width: 360 });
        const frame = await rp.openReadyPanel('DEMO-2');
        await frame.getByRole('button', { name: 'Create test case' }).click();
        const form = frame.getByRole('form', { name: 'Create test case' });
        await form.getByRole('button', { name: 'Add step' }).click();
        await form.getByRole('button', { name: 'Add step' }).click();
        await form.getByRole('group', { name: 'Step 1', exact: true }).getByLabel('Action').fill('x'.repeat(120));
        expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
        await screenshot(rp.page, `features-create-case-360-${theme}`);
        rp.expectClean();
      });
    }
  });

  it('records one result for the selection in a cycle that holds part of it, adding the others first in the same go', async () => {
    const before = await Promise.all(['TC-1', 'TC-2', 'TC-3', 'TC-4'].map(historyCount));
    const frame = await bob().openReadyPanel();
    const { bulk, form } = await openBulkRecord(frame, 4);
    const select = form.getByLabel('Test cycle');
    await select.waitFor();
    const options = await select.locator('option').allInnerTexts();
    // Which cycles already hold the selection, said in each choice.
    expect(options).toContain('Sprint 42 regression · staging — holds all');
    expect(options).toContain('Release 3.8 smoke · production — holds 1 of 4');
    await select.selectOption('TCYCLE-3');
    expect(await form.getByRole('checkbox', { name: 'Add the 3 not in this cycle first' }).isChecked()).toBe(true);
    await form.getByRole('group', { name: 'Result' }).getByLabel('Blocked').check();
    await form.getByLabel('Comment (optional)').fill('Payment sandbox down');
    await form.getByRole('button', { name: 'Record for 4' }).click();
    await bulk.getByText('Recorded Blocked for 4 of 4 in Release 3.8 smoke.').waitFor();
    await bulk.getByText('Added 3 test cases to Release 3.8 smoke first.').waitFor();
    const after = await Promise.all(['TC-1', 'TC-2', 'TC-3', 'TC-4'].map(historyCount));
    expect(after).toEqual(before.map((n) => n + 1));
    // The list was read again: every row shows the new result (TC-1 and TC-3 were Pass, TC-2 Fail).
    for (const id of ['TC-1', 'TC-2', 'TC-3', 'TC-4']) await row(frame, id).locator('.case-meta').getByText('Blocked', { exact: true }).waitFor();
    await screenshot(bob().page, 'features-bulk-add-and-record');
    bob().expectClean();
  });

  it('a batch TestKase refused is offered again, and recording it again records each result once', async () => {
    const cycleId = await freshCycle('Bulk retry', ['TC-1', 'TC-2', 'TC-3', 'TC-4']);
    const before = await Promise.all(['TC-1', 'TC-2', 'TC-3', 'TC-4'].map(historyCount));
    const frame = await bob().openReadyPanel();
    const { bulk, form } = await openBulkRecord(frame, 4);
    await form.getByLabel('Test cycle').selectOption(cycleId);
    await form.getByRole('group', { name: 'Result' }).getByLabel('Pass').check();
    sim().addFault({ route: 'recordExecutions', status: 503, times: 1 });
    await form.getByRole('button', { name: 'Record for 4' }).click();
    await form.getByText(/Recorded Pass for 0 of 4/).waitFor();
    await form.getByText(/TestKase did not record TC-1, TC-2, TC-3, TC-4/).waitFor();
    await form.getByRole('button', { name: 'Record again for the 4 not recorded' }).click();
    await bulk.getByText('Recorded Pass for 4 of 4 in Bulk retry.').waitFor();
    expect(await Promise.all(['TC-1', 'TC-2', 'TC-3', 'TC-4'].map(historyCount))).toEqual(before.map((n) => n + 1));
    bob().expectClean();
  });

  it('Run next opens the next test case not run in the same cycle, from the Test Cases tab and from the cycle', async () => {
    const cycleId = await freshCycle('Run next', ['TC-1', 'TC-2', 'TC-3', 'TC-4']);
    const frame = await bob().openReadyPanel();
    await row(frame, 'TC-1').getByRole('button', { name: 'Run TC-1' }).click();
    let form = frame.getByRole('form', { name: 'Run TC-1' });
    await form.getByLabel('Test cycle').selectOption(cycleId);
    await form.getByText('Not run in Run next yet.').waitFor();
    await form.getByRole('group', { name: 'Result' }).getByLabel('Pass').check();
    // Run next's answer comes late: Done must not move when it arrives (a click aimed at Done missed it).
    const late = sim().addFault({ route: 'cycleExecutions', latencyMs: 1500 });
    await form.getByRole('button', { name: 'Save result' }).click();
    await frame.getByText('Saved Pass for TC-1 in Run next.').waitFor();
    const done = frame.getByRole('button', { name: 'Done' });
    const doneAt = await done.boundingBox();
    await frame.getByRole('button', { name: 'Run next: TC-2' }).waitFor();
    sim().removeFault(late.id);
    expect(await done.boundingBox()).toEqual(doneAt);
    await screenshot(bob().page, 'features-run-next');
    await frame.getByRole('button', { name: 'Run next: TC-2' }).click();
    form = frame.getByRole('form', { name: 'Run TC-2' });
    await form.getByText('Not run in Run next yet.').waitFor();
    expect(await form.getByLabel('Test cycle').inputValue()).toBe(cycleId);
    await form.getByRole('group', { name: 'Result' }).getByLabel('Fail').check();
    await form.getByRole('button', { name: 'Save result' }).click();
    await frame.getByText('Saved Fail for TC-2 in Run next.').waitFor();
    await frame.getByRole('button', { name: 'Run next: TC-3' }).waitFor();

    // In the cycle: the last two, then nothing is left.
    await frame.getByRole('tab', { name: 'Test Cycles' }).click();
    await frame.getByRole('button', { name: 'Open cycle Run next' }).click();
    // The steps answer late: the result choice must not move when they arrive (a click aimed at Pass
    // landed beside it when the step toggle was inserted above it).
    const slow = sim().addFault({ route: 'testCase', latencyMs: 1500, times: 1 });
    await frame.getByRole('button', { name: 'Run TC-3' }).click();
    form = frame.getByRole('form', { name: 'Run TC-3' });
    const skipped = form.getByRole('group', { name: 'Result' }).getByLabel('Skipped');
    await skipped.waitFor();
    const before = await skipped.boundingBox();
    await form.getByText(/Record each step/).waitFor();
    sim().removeFault(slow.id);
    expect(await skipped.boundingBox()).toEqual(before);
    await skipped.check();
    await form.getByRole('button', { name: 'Save result' }).click();
    await frame.getByRole('button', { name: 'Run next: TC-4' }).click();
    form = frame.getByRole('form', { name: 'Run TC-4' });
    await form.getByRole('group', { name: 'Result' }).getByLabel('Pass').check();
    await form.getByRole('button', { name: 'Save result' }).click();
    await frame.getByText('Every test case of this issue in Run next has a result.').waitFor();
    bob().expectClean();
  });
});
