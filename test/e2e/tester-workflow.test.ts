/**
 * A tester's workflow in Chromium through the local runtime: details opened and closed with the
 * keyboard only, running a test case from its row (step by step, a Fail), the Report bug round trip
 * through the local Jira's own Create Issue dialog (the new key recorded on the TestKase result, its
 * reporter the signed-in Jira user), defects opening the issue view dialog, Back from an open cycle
 * staying on the issue, and Guests seeing no write control. Screens in light and dark at 360–400 px.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { connectWithNewToken, describeE2E, screenshot, suiteRig } from './support/rig';

describeE2E('tester workflow', () => {
  const { rig, bob } = suiteRig({ users: ['bob'] });
  beforeAll(async () => {
    await connectWithNewToken(rig(), bob(), 'bob');
  });

  const sim = () => rig().runtime.sim.admin;
  const row = (frame: Frame, id: string) => frame.locator(`li[data-case="${id}"]`);
  /** What TestKase holds for a case, asked with a fresh token of `user` (not through the app). */
  const resultsOf = async (testCaseId: string) => {
    const token = sim().createToken({ user: 'alice', name: 'check', days: 7 }).token;
    const res = await fetch(`${rig().runtime.sim.apiBaseUrl}/test-cases/${testCaseId}/executions?projectId=PRJ-1`, { headers: { authorization: `Bearer ${token}` } });
    return ((await res.json()) as { data: Array<{ id: string; status: string; defects: string[]; stepResults: Array<{ order: number; status: string; actualResult: string | null }>; recordedBy: { id: string } | null }> }).data;
  };

  it('opens a test case’s details and history with the keyboard only, and closes them with Esc', async () => {
    const frame = await bob().openReadyPanel();
    await frame.getByRole('tab', { name: 'Test Cases' }).focus();
    // Tab from the tab list into the tab panel and on to TC-2's disclosure, pressing keys only.
    const toggle = row(frame, 'TC-2').locator('.case-toggle');
    for (let i = 0; i < 40 && !(await toggle.evaluate((el) => el === document.activeElement)); i += 1) await bob().page.keyboard.press('Tab');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await bob().page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const details = frame.getByRole('region', { name: 'Details of TC-2' });
    await details.getByText('The total is €45.00').waitFor();
    await details.getByText('Discount applied twice when the code is re-entered.').waitFor();
    // The seeded Fail names DEMO-3: shown, and it opens Jira's issue view.
    await details.getByRole('button', { name: 'DEMO-3' }).waitFor();
    await details.getByText(/Times are in .*Europe|America/).waitFor();
    await screenshot(bob().page, 'tester-details');
    await details.getByRole('button', { name: 'DEMO-3' }).focus();
    await bob().page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    bob().expectClean();
  });

  it('runs a test case step by step from its row: a Fail, saved as one result with its steps, the row updated in place', async () => {
    const frame = await bob().openReadyPanel();
    const before = (await resultsOf('TC-2')).length;
    await row(frame, 'TC-2').getByRole('button', { name: 'Run TC-2' }).click();
    const form = frame.getByRole('form', { name: 'Run TC-2' });
    await form.getByText('Last result in Sprint 42 regression').waitFor();
    expect(await form.getByLabel('Test cycle').inputValue()).toBe('TCYCLE-2');
    // Nothing is preselected.
    expect(await form.locator('input[type="radio"]:checked').count()).toBe(0);
    await form.getByLabel('Record each step (3 steps)').check();
    await form.getByRole('group', { name: 'Step 1 result' }).getByLabel('Pass').check();
    await form.getByRole('group', { name: 'Step 2 result' }).getByLabel('Pass').check();
    await form.getByRole('group', { name: 'Step 3 result' }).getByLabel('Fail').check();
    await form.getByLabel('Step 3 actual result (optional)').fill('The total became €40.50');
    expect(await form.getByRole('group', { name: 'Overall result' }).getByLabel('Fail').isChecked()).toBe(true);
    await form.getByLabel('Comment (optional)').fill('Applied twice again.\nSecond line kept.');
    await screenshot(bob().page, 'tester-run-form');
    await form.getByRole('button', { name: 'Save result' }).click();
    await frame.getByText('Saved Fail for TC-2 in Sprint 42 regression.').waitFor();
    // The row's latest result changed in place: no second load of the list.
    expect(await row(frame, 'TC-2').locator('.case-meta').innerText()).toMatch(/Fail/i);
    const runs = await resultsOf('TC-2');
    expect(runs).toHaveLength(before + 1);
    expect(runs[0]).toMatchObject({ status: 'FAIL', recordedBy: { id: 'bob' }, defects: [] });
    expect(runs[0]!.stepResults).toEqual([
      { order: 1, status: 'PASS', actualResult: null },
      { order: 2, status: 'PASS', actualResult: null },
      { order: 3, status: 'FAIL', actualResult: 'The total became €40.50' },
    ]);
    bob().expectClean();
  });

  it('Report bug opens the local Jira’s Create Issue dialog; the created key is recorded on the result, reported by the signed-in user', async () => {
    const frame = await bob().openReadyPanel();
    await row(frame, 'TC-3').getByRole('button', { name: 'Run TC-3' }).click();
    const form = frame.getByRole('form', { name: 'Run TC-3' });
    await form.getByRole('group', { name: 'Result' }).getByLabel('Fail').check();
    await form.getByRole('button', { name: 'Save result' }).click();
    await frame.getByText(/Saved Fail for TC-3 in/).waitFor();
    await frame.getByRole('button', { name: 'Report bug for TC-3' }).click();

    const dialog = bob().page.getByRole('dialog', { name: 'Create issue' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Summary').inputValue()).toBe('[TC-3] Reject an expired discount code fails');
    expect(await dialog.getByLabel('Project').inputValue()).toBe('10000');
    expect(await dialog.getByLabel('Issue type').locator('option:checked').innerText()).toBe('Bug');
    const description = await dialog.getByLabel('Description').inputValue();
    expect(description).toContain('Enter SPRING22 in the cart');
    expect(description).toContain('Expected: The message "This code has expired" is shown');
    expect(description).toMatch(/Environment: staging|Environment: production/);
    await dialog.getByText('Reporter: Bob Nguyen').waitFor();
    await screenshot(bob().page, 'tester-create-issue-dialog');
    await dialog.getByRole('button', { name: 'Create' }).click();

    await frame.getByText(/Created DEMO-\d+ and recorded it on this result\./).waitFor();
    const key = /Created (DEMO-\d+)/.exec(await frame.getByText(/Created DEMO-\d+ and recorded/).innerText())![1]!;
    expect((await resultsOf('TC-3'))[0]).toMatchObject({ status: 'FAIL', defects: [key] });

    // The key opens Jira's issue view; the Reporter is Bob, who created it.
    await frame.getByRole('button', { name: key }).first().click();
    const view = bob().page.getByRole('dialog', { name: new RegExp(`^${key}:`) });
    await view.locator('dd', { hasText: 'Bob Nguyen' }).waitFor();
    await view.getByRole('button', { name: 'Close' }).click();
    const other = await rig().newPage({ user: 'alice' });
    await other.page.goto(`/browse/${key}`);
    expect(await other.page.locator('#issue-reporter').innerText()).toBe('Bob Nguyen');
    bob().expectClean();
  });

  it('Back in the browser from an open cycle returns to the cycle list and stays on the issue', async () => {
    const frame = await bob().openReadyPanel();
    await frame.getByRole('tab', { name: 'Test Cycles' }).click();
    await frame.getByRole('button', { name: 'Open cycle Sprint 42 regression' }).click();
    const heading = frame.getByRole('heading', { name: /Sprint 42 regression/ });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await frame.getByText(/This issue: \d+\/\d+ executed · Cycle: \d+\/\d+ executed/).waitFor();
    await screenshot(bob().page, 'tester-cycle-detail');
    await bob().page.evaluate(() => history.back());
    await frame.getByRole('button', { name: 'Open cycle Sprint 42 regression' }).waitFor();
    expect(new URL(bob().page.url()).pathname).toBe('/browse/DEMO-1');
    bob().expectClean();
  });

  it('a token revoked mid-session: one message replaces the panel, the settings page says the token no longer works, and after replacing it offers the way back to the issue', async () => {
    const alice = await rig().newPage({ user: 'alice' });
    const first = await connectWithNewToken(rig(), alice, 'alice');
    const frame = await alice.openReadyPanel('DEMO-2');
    expect(sim().revokeToken(first.id)).toBe(true);
    await row(frame, 'TC-5').getByRole('button', { name: 'Unlink TC-5' }).click();
    await frame.getByText('TestKase rejected your token').waitFor();
    expect(await frame.getByRole('alert').count()).toBe(1);
    expect(await frame.getByRole('button', { name: /Unlink/ }).count()).toBe(0);
    await screenshot(alice.page, 'tester-token-revoked-panel');

    await frame.getByRole('button', { name: 'Open TestKase settings' }).click();
    await alice.page.waitForURL(/returnTo=DEMO-2/);
    const settings = await alice.appFrame();
    await settings.getByText('Not working').waitFor();
    await settings.getByText('TestKase rejected your token').waitFor();
    await screenshot(alice.page, 'tester-token-revoked-settings');
    await settings.getByRole('button', { name: 'Replace the token' }).click();
    await settings.getByLabel('Personal Access Token').fill(sim().createToken({ user: 'alice', name: 'Jira Plugin 2', days: 90 }).token);
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Connected to TestKase as Alice Martin.').waitFor();
    await settings.getByRole('button', { name: 'Back to DEMO-2' }).click();
    await alice.page.waitForURL(/\/browse\/DEMO-2$/);
    await (await alice.appFrame()).getByRole('tablist').waitFor();
    alice.expectClean({ allowConsoleErrors: true });
  });

  describe('narrow panels, light and dark', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`fits 360 px without sideways scrolling (${theme})`, async () => {
        const rp = await rig().newPage({ user: 'bob', theme });
        await rp.page.setViewportSize({ width: 360, height: 900 });
        const frame = await rp.openReadyPanel();
        const noSideways = () => frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
        expect(await rp.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
        expect(await noSideways()).toBe(true);
        // Titles wrap between words, never inside one ("percent age"): each word sits on one line.
        const splitWords = await frame.evaluate(() =>
          [...document.querySelectorAll('.case-title')].flatMap((el) => {
            const text = el.firstChild!;
            const words: string[] = [];
            for (const m of (text.textContent ?? '').matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(text, m.index);
              range.setEnd(text, m.index + m[0].length);
              if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) words.push(m[0]);
            }
            return words;
          }),
        );
        expect(splitWords).toEqual([]);
        await row(frame, 'TC-2').locator('.case-toggle').click();
        await frame.getByRole('region', { name: 'Details of TC-2' }).getByRole('heading', { name: 'Execution history' }).waitFor();
        await row(frame, 'TC-2').getByRole('button', { name: 'Run TC-2' }).click();
        await frame.getByRole('form', { name: 'Run TC-2' }).getByText(/Last result in/).waitFor();
        expect(await noSideways()).toBe(true);
        await screenshot(rp.page, `tester-360-cases-${theme}`);
        await frame.getByRole('tab', { name: 'Test Cycles' }).click();
        await frame.getByRole('button', { name: 'Open cycle Sprint 42 regression' }).click();
        await frame.getByText(/This issue:/).waitFor();
        expect(await noSideways()).toBe(true);
        await screenshot(rp.page, `tester-360-cycle-${theme}`);
        rp.expectClean();
      });
    }
  });
});
