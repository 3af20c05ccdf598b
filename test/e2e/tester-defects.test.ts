/**
 * Issue 22's defects in the tester's workflow, as a person meets them in Chromium through the local
 * runtime: a run saved into the cycle it shows (22.1), long unbroken titles (22.3), a run form kept
 * when the token is revoked mid-run and the glance following the panel (22.6), bulk acting on what is
 * shown only (22.7), a lost mapping learned by a write (22.8), Save before the cycles loaded (22.11),
 * and the smaller ones (22.13: "Add it to another cycle…" only when there is one, one tone for
 * NO_CONFIG, bulk outcomes summarised, environments as entered, the global page's order).
 */
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { openBulkRecord, testkaseDirect } from './support/testkase-direct';
import { connectWithNewToken, describeE2E, E2E_WAIT_MS, screenshot, suiteRig, type RigPage } from './support/rig';

describeE2E('tester workflow: issue 22 defects', () => {
  const { rig, bob } = suiteRig({ users: ['bob'] });
  const sim = () => rig().runtime.sim.admin;
  const row = (frame: Frame, id: string) => frame.locator(`li[data-case="${id}"]`);
  const glance = (rp: RigPage) => rp.page.locator('#testkase-issue-context .forge-native-content');

  const { api } = testkaseDirect(rig);
  const history = (testCaseId: string) => api<Array<{ id: string; cycleId: string; status: string; comment: string | null; stepResults: Array<{ order: number; status: string }> }>>(`/test-cases/${testCaseId}/executions?projectId=PRJ-1`);

  it('connects bob', async () => {
    await connectWithNewToken(rig(), bob(), 'bob');
  });

  it('22.13: a test case in every cycle is not offered "Add it to another cycle…"', async () => {
    const frame = await bob().openReadyPanel('DEMO-2');
    await row(frame, 'TC-5').getByRole('button', { name: 'Run TC-5' }).click();
    const form = frame.getByRole('form', { name: 'Run TC-5' });
    const cycle = form.getByLabel('Test cycle');
    await form.getByText(/Last result in|Not run in/).waitFor();
    const options = await cycle.locator('option').allInnerTexts();
    expect(options.some((o) => /Sprint 42 regression/.test(o))).toBe(true);
    expect(options).not.toContain('Add it to another cycle…');
    bob().expectClean();
  });

  it('22.1: choosing another cycle and pressing Save records there (the case added first), as the saved sentence says', async () => {
    const frame = await bob().openReadyPanel('DEMO-2');
    await row(frame, 'TC-6').getByRole('button', { name: 'Run TC-6' }).click();
    const form = frame.getByRole('form', { name: 'Run TC-6' });
    await form.getByText(/Last result in Sprint 42 regression/).waitFor();
    await form.getByLabel('Test cycle').selectOption({ label: 'Add it to another cycle…' });
    await form.getByLabel('Add TC-6 to').selectOption('TCYCLE-3');
    // No separate button to press: the cycle shown is the one Save records in.
    await form.getByRole('group', { name: 'Result' }).getByLabel('Blocked').check();
    await screenshot(bob().page, 'defects-run-other-cycle');
    await form.getByRole('button', { name: 'Save result' }).click();
    await frame.getByText('Saved Blocked for TC-6 in Release 3.8 smoke.').waitFor();
    expect((await history('TC-6'))[0]).toMatchObject({ cycleId: 'TCYCLE-3', status: 'BLOCKED' });
    bob().expectClean();
  });

  it('22.11: Save while the cycles are still loading says so (not "Choose the test cycle")', async () => {
    const fault = sim().addFault({ route: 'testCycles', latencyMs: 6_000 });
    try {
      const frame = await bob().openReadyPanel();
      await row(frame, 'TC-3').getByRole('button', { name: 'Run TC-3' }).click();
      const form = frame.getByRole('form', { name: 'Run TC-3' });
      await form.getByRole('group', { name: 'Result' }).getByLabel('Pass').check();
      await form.getByRole('button', { name: 'Save result' }).click();
      await form.getByText(/still loading/).waitFor();
      expect(await form.getByText(/Choose the test cycle/).count()).toBe(0);
    } finally {
      sim().removeFault(fault.id);
    }
    bob().expectClean();
  });

  it('22.7: the selection follows the filter, and "Select all" selects the rows shown', async () => {
    const frame = await bob().openReadyPanel();
    await row(frame, 'TC-1').getByRole('checkbox', { name: 'Select TC-1' }).check();
    const bulk = frame.getByRole('region', { name: 'Selected test cases' });
    await bulk.getByText('1 selected').waitFor();
    await frame.getByLabel('Filter', { exact: true }).fill('discount');
    await row(frame, 'TC-1').waitFor({ state: 'detached' });
    // TC-1 is not on screen: nothing acts on it.
    expect(await bulk.count()).toBe(0);

    sim().grow({ testCases: 120, linkedTo: 'DEMO-3' });
    const many = await bob().openReadyPanel('DEMO-3');
    await many.locator('li.case-row').first().waitFor();
    expect(await many.locator('li.case-row').count()).toBe(50);
    await many.getByLabel(/Select all \d+ shown/).check();
    await many.getByRole('region', { name: 'Selected test cases' }).getByText('50 selected').waitFor();
    expect((await many.locator('label.select-all').innerText()).trim()).toMatch(/^Select all 50 shown/);
    bob().expectClean();
  });

  it('22.13: a bulk outcome is summarised (counts, the cases per outcome), not one sentence per case', async () => {
    const frame = await bob().openReadyPanel();
    const { bulk, form } = await openBulkRecord(frame, 4);
    await form.getByLabel('Test cycle').selectOption('TCYCLE-3');
    const addFirst = form.getByRole('checkbox', { name: /first$/ });
    if (await addFirst.count()) await addFirst.uncheck();
    await form.getByRole('group', { name: 'Result' }).getByLabel('Pass').check();
    await form.getByRole('button', { name: 'Record for 4' }).click();
    const outcome = bulk.locator('.notice');
    await outcome.getByText(/Recorded Pass for 1 of 4 in Release 3\.8 smoke/).waitFor();
    const text = await outcome.innerText();
    expect(text).toContain('TC-2, TC-3, TC-4');
    expect(text.match(/not in this cycle/gi) ?? []).toHaveLength(1);
    await screenshot(bob().page, 'defects-bulk-outcome');
    bob().expectClean();
  });

  it('22.13: a cycle’s environment is shown as entered', async () => {
    const frame = await bob().openReadyPanel();
    await frame.getByRole('tab', { name: 'Test Cycles' }).click();
    const sprint = frame.locator('li.cycle-row').filter({ hasText: 'Sprint 42 regression' });
    await sprint.waitFor();
    expect(await sprint.locator('.cycle-head').innerText()).toContain('staging');
    expect(await sprint.locator('.cycle-head').innerText()).not.toContain('STAGING');
    bob().expectClean();
  });

  describe('22.3: long titles without spaces', () => {
    const automation = 'test_checkout_applies_the_percentage_discount_code_to_every_item_of_a_mixed_cart_with_gift_cards_excluded';
    const word = 'W'.repeat(100);
    const ids: string[] = [];
    const seed = async () => {
      if (ids.length) return;
      for (const title of [automation, `${word} keeps its tail`]) {
        ids.push((await api<{ id: string }>('/test-cases', { method: 'POST', body: { projectId: 'PRJ-1', title, jiraIssueKeys: ['DEMO-2'] } })).id);
      }
    };

    for (const [width, theme] of [[1280, 'light'], [360, 'light'], [360, 'dark']] as const) {
      it(`wrap inside a word only where it cannot fit, never under the lozenges or cut (${width} px, ${theme})`, async () => {
        await seed();
        const rp = await rig().newPage({ user: 'bob', theme, width });
        const frame = await rp.openReadyPanel('DEMO-2');
        await row(frame, ids[1]!).waitFor();
        const problems = await frame.evaluate(() => {
          const out: string[] = [];
          const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          for (const li of document.querySelectorAll('li.case-row')) {
            const title = li.querySelector('.case-title')!;
            const range = document.createRange();
            range.selectNodeContents(title);
            const rects = [...range.getClientRects()];
            const others = [...li.querySelectorAll('.case-meta, .case-actions')].map((el) => el.getBoundingClientRect());
            const rowBox = li.getBoundingClientRect();
            for (const r of rects) {
              if (others.some((o) => overlap(r, o))) out.push(`${title.textContent.slice(0, 20)}… runs under a lozenge or button`);
              if (r.right > rowBox.right + 1) out.push(`${title.textContent.slice(0, 20)}… is cut at the right`);
            }
          }
          if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push('the panel scrolls sideways');
          return out;
        });
        expect(problems).toEqual([]);
        await screenshot(rp.page, `defects-long-titles-${width}-${theme}`);
        // The run form's heading, the details and the glance hold the long title too.
        const id = ids[1]!;
        await row(frame, id).getByRole('button', { name: `Run ${id}` }).click();
        await frame.getByRole('form', { name: `Run ${id}` }).getByText(/Last result in|Not run in/).waitFor();
        await row(frame, id).locator('.case-toggle').click();
        await frame.getByRole('region', { name: `Details of ${id}` }).getByText('Execution history', { exact: true }).waitFor();
        expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
        const g = glance(rp);
        await g.getByText(/tests|No test cases/).first().waitFor();
        expect(await g.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
        await screenshot(rp.page, `defects-long-titles-open-${width}-${theme}`);
        rp.expectClean();
      });
    }
  });

  it('22.8: a write that learns the mapping is gone replaces the panel, and a reload does not bring the ready panel back', async () => {
    const frame = await bob().openReadyPanel('DEMO-2');
    sim().removeMapping('DEMO');
    try {
      await row(frame, 'TC-5').getByRole('button', { name: 'Unlink TC-5' }).click();
      await frame.getByText('The connection to TestKase was removed').waitFor();
      expect(await frame.getByRole('button', { name: /Unlink/ }).count()).toBe(0);
      const again = await bob().openIssue('DEMO-2');
      await again.getByText('The connection to TestKase was removed').waitFor();
      expect(await again.getByRole('tablist').count()).toBe(0);
    } finally {
      sim().addMapping('DEMO', 'PRJ-1');
    }
    bob().expectClean();
  });

  it('22.6: a token revoked mid-run keeps the run form’s draft, says it was not saved, the glance follows, and it is saved after reconnecting', async () => {
    const alice = await rig().newPage({ user: 'alice' });
    const first = await connectWithNewToken(rig(), alice, 'alice');
    const frame = await alice.openReadyPanel();
    await glance(alice).getByText(/4\stests/).waitFor();
    await row(frame, 'TC-4').getByRole('button', { name: 'Run TC-4' }).click();
    const form = frame.getByRole('form', { name: 'Run TC-4' });
    await form.getByText(/Last result in/).waitFor();
    await form.getByLabel(/Record each step/).check();
    await form.getByRole('group', { name: 'Step 1 result' }).getByLabel('Pass').check();
    await form.getByRole('group', { name: 'Step 2 result' }).getByLabel('Fail').check();
    await form.getByLabel('Comment (optional)').fill('VAT line missing for Berlin');
    expect(sim().revokeToken(first.id)).toBe(true);
    await form.getByRole('button', { name: 'Save result' }).click();
    await frame.getByText('TestKase rejected your token').waitFor();
    const notSaved = frame.getByText(/not saved/);
    await notSaved.waitFor();
    expect(await notSaved.innerText()).toContain('TC-4');
    // The glance on the same page no longer shows the old counts.
    await glance(alice).getByText('TestKase rejected your token').waitFor();
    expect(await glance(alice).getByText(/4\stests/).count()).toBe(0);
    await screenshot(alice.page, 'defects-draft-kept');

    await connectWithNewToken(rig(), alice, 'alice');
    const back = await alice.openReadyPanel();
    await row(back, 'TC-4').getByRole('button', { name: 'Run TC-4' }).click();
    const restored = back.getByRole('form', { name: 'Run TC-4' });
    await restored.getByText(/Last result in/).waitFor();
    expect(await restored.getByLabel('Comment (optional)').inputValue()).toBe('VAT line missing for Berlin');
    expect(await restored.getByRole('group', { name: 'Step 2 result' }).getByLabel('Fail').isChecked()).toBe(true);
    expect(await restored.getByRole('group', { name: 'Overall result' }).getByLabel('Fail').isChecked()).toBe(true);
    await restored.getByRole('button', { name: 'Save result' }).click();
    await back.getByText('Saved Fail for TC-4 in Sprint 42 regression.').waitFor();
    expect((await history('TC-4'))[0]).toMatchObject({ status: 'FAIL', comment: 'VAT line missing for Berlin', stepResults: [{ order: 1, status: 'PASS' }, { order: 2, status: 'FAIL' }] });
    // Saved: the draft is gone.
    await back.getByRole('button', { name: 'Done' }).click();
    await row(back, 'TC-4').getByRole('button', { name: 'Run TC-4' }).click();
    expect(await back.getByRole('form', { name: 'Run TC-4' }).getByLabel('Comment (optional)').inputValue()).toBe('');
    alice.expectClean({ allowConsoleErrors: true });
  });

  it('22.13: NO_CONFIG has one tone in the panel and the glance (information)', async () => {
    const gina = await rig().newPage({ user: 'gina' });
    const frame = await gina.openIssue();
    await frame.getByText('Connect TestKase to see test cases here').waitFor();
    expect(await frame.locator('.message-info').count()).toBe(1);
    await glance(gina).getByText('Connect TestKase to see test cases here').waitFor();
    gina.expectClean();
  });

  it('22.12: a TestKase that does not answer in time is said to be slow, not unreachable', async () => {
    const fault = sim().addFault({ route: 'testCase', hang: true });
    try {
      const frame = await bob().openReadyPanel();
      await row(frame, 'TC-2').locator('.case-toggle').click();
      const details = frame.getByRole('region', { name: 'Details of TC-2' });
      // TestKase hangs: the answer comes when the client's 18 s budget (src/testkase/client.ts) runs out.
      await details.getByText('TC-2 could not be loaded').waitFor({ timeout: 18_000 + E2E_WAIT_MS });
      expect(await details.innerText()).toContain('TestKase did not answer in time');
      expect(await details.innerText()).not.toContain('could not be reached');
    } finally {
      sim().removeFault(fault.id);
    }
    bob().expectClean({ allowConsoleErrors: true });
  });

  it('22.13: on the global page, the "not yours" warning comes first and the save is not shown as a green success; a long token name wraps at 360 px', async () => {
    const diana = await rig().newPage({ user: 'diana' });
    await diana.page.goto(rig().runtime.globalPageUrl);
    const frame = await diana.appFrame();
    await frame.getByLabel('Personal Access Token').fill(sim().createToken({ user: 'alice', name: `Jira_plugin_${'x'.repeat(88)}`, days: 90 }).token);
    await frame.getByRole('button', { name: 'Save' }).click();
    const warning = frame.getByText('This TestKase token is not yours');
    await warning.waitFor();
    const connected = frame.getByText('Connected to TestKase as Alice Martin.');
    await connected.waitFor();
    const [w, c] = [await warning.boundingBox(), await connected.boundingBox()];
    expect(w!.y).toBeLessThan(c!.y);
    expect(await frame.locator('.message-success').filter({ hasText: 'Connected to TestKase as' }).count()).toBe(0);
    await screenshot(diana.page, 'defects-global-not-yours');
    await diana.page.setViewportSize({ width: 360, height: 900 });
    await frame.getByText(/^Jira_plugin_x+$/).waitFor();
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
    await screenshot(diana.page, 'defects-global-not-yours-360');
    diana.expectClean();
  });
});
