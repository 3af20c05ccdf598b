/**
 * Bugs from the panel, where the app meets Jira's own seams, in Chromium through the local runtime:
 * Report bug next to a Fail in a test case's history (Jira's Create Issue dialog answers only the new
 * issue's id: the panel asks Jira for its key), focus back where it was after Jira's dialogs close
 * (keyboard only: Esc, then Tab), and Link existing bug, checked with Jira as the tester (no such
 * issue refused at the field, as typed; another kind of issue shown as what it is; a bug with its
 * summary and status).
 */
import { beforeAll, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { connectWithNewToken, describeE2E, screenshot, suiteRig } from './support/rig';
import { USERS } from '../../dev/runtime/fixtures';

describeE2E('bugs: Report bug, Link existing bug and Jira’s dialogs', () => {
  const { rig, alice } = suiteRig({ users: ['alice'] });
  beforeAll(async () => {
    await connectWithNewToken(rig(), alice(), 'alice');
  });

  /** TC-2's details opened from its row; its history lists the seeded Fail that names DEMO-3. */
  const openHistory = async (frame: Frame) => {
    await frame.locator('li[data-case="TC-2"] .case-toggle').click();
    const history = frame.getByRole('region', { name: 'Execution history of TC-2' });
    await history.getByRole('button', { name: 'DEMO-3' }).waitFor();
    // The row of the seeded Fail that names DEMO-3.
    return history.locator('li.run', { has: frame.getByRole('button', { name: 'DEMO-3' }) }).first();
  };
  /** What has focus inside the app's frame (its accessible text), and whether the host page gave the frame focus. */
  const focused = (frame: Frame) => frame.evaluate(() => (document.activeElement === document.body ? 'body' : (document.activeElement?.textContent ?? '').trim()));
  const frameHasFocus = () => alice().page.evaluate(() => document.activeElement?.classList.contains('forge-frame') ?? false);
  const resultsOf = async (testCaseId: string) => {
    const token = rig().runtime.sim.admin.createToken({ user: 'alice', name: 'check', days: 7 }).token;
    const res = await fetch(`${rig().runtime.sim.apiBaseUrl}/test-cases/${testCaseId}/executions?projectId=PRJ-1`, { headers: { authorization: `Bearer ${token}` } });
    return ((await res.json()) as { data: Array<{ id: string; status: string; defects: string[] }> }).data;
  };

  it('Esc on Create Issue (Report bug from a history row) and on View Issue (a bug key) returns focus to what opened it; the next Tab goes on from there', async () => {
    const frame = await alice().openReadyPanel();
    const history = await openHistory(frame);
    const page = alice().page;

    // View Issue: the key DEMO-3, focused and opened with Enter. First learn what Tab reaches after it.
    const key = history.getByRole('button', { name: 'DEMO-3' }).first();
    await key.focus();
    await page.keyboard.press('Tab');
    const afterKey = await focused(frame);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(frame)).toBe('DEMO-3');
    await page.keyboard.press('Enter');
    const view = page.getByRole('dialog', { name: /^DEMO-3:/ });
    await view.waitFor();
    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
    await expect.poll(frameHasFocus).toBe(true);
    await expect.poll(() => focused(frame)).toBe('DEMO-3');
    await page.keyboard.press('Tab');
    expect(await focused(frame)).toBe(afterKey);

    // Create Issue: Report bug on the Fail's row, pressed with Enter; the prefill as the tester reads it.
    const report = history.getByRole('button', { name: 'Report bug for TC-2' }).first();
    await report.focus();
    await page.keyboard.press('Enter');
    const create = page.getByRole('dialog', { name: 'Create issue' });
    await create.waitFor();
    expect(await create.getByLabel('Summary').inputValue()).toBe('[TC-2] Apply a percentage discount code fails');
    const description = await create.getByLabel('Description').inputValue();
    expect(description).toContain('in the test cycle Sprint 42 regression');
    expect(description.toLowerCase()).not.toContain('not executed');
    expect(description).not.toContain('(UTC)');
    expect(description).toMatch(/ at [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M, .+ \(.+\/.+\)\.$/);
    await page.keyboard.press('Escape');
    await create.waitFor({ state: 'detached' });
    await expect.poll(frameHasFocus).toBe(true);
    await expect.poll(() => focused(frame)).toBe('Report bug for TC-2');
    await page.keyboard.press('Tab');
    expect(await focused(frame)).toBe('Link existing bug for TC-2');
    alice().expectClean();
  });

  it('Report bug from a history row: Jira answers the new issue’s id only, the panel asks Jira for its key and records it on that result', async () => {
    const frame = await alice().openReadyPanel();
    const history = await openHistory(frame);
    const failed = (await resultsOf('TC-2')).find((r) => r.status === 'FAIL' && r.defects.includes('DEMO-3'))!;
    await history.getByRole('button', { name: 'Report bug for TC-2' }).first().click();
    const create = alice().page.getByRole('dialog', { name: 'Create issue' });
    await create.getByRole('button', { name: 'Create' }).click();
    const done = history.getByText(/^Created DEMO-\d+ and recorded it on this result\.$/);
    await done.waitFor();
    const key = /DEMO-\d+/.exec(await done.innerText())![0];
    expect(rig().runtime.issues.find(key)?.reporter).toBe('local-alice');
    // Recorded on that very result, shown on its row at once.
    expect((await resultsOf('TC-2')).find((r) => r.id === failed.id)!.defects).toEqual(['DEMO-3', key]);
    await history.getByRole('button', { name: key }).waitFor();
    alice().expectClean();
  });

  it('Link existing bug by key: checked with Jira as the tester — no such issue refused at the field as typed, a story flagged as what it is, a bug shown with its summary and status', async () => {
    const alicesAccount = USERS.find((u) => u.accountId === 'local-alice')!;
    const bug = rig().runtime.issues.create({ projectId: '10000', issueTypeId: '10001', summary: 'Discount applied twice after re-entering the code', description: '' }, alicesAccount);
    if (typeof bug === 'string') throw new Error(bug);
    const frame = await alice().openReadyPanel();
    const history = await openHistory(frame);
    const page = alice().page;
    await history.getByRole('button', { name: 'Link existing bug for TC-2' }).first().click();
    const group = history.getByRole('group', { name: 'Link existing bug for TC-2' });
    const field = group.getByLabel('Bug key');
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);

    // No such issue: refused, the entry kept as typed, focus on the field.
    await page.keyboard.type('demo-99999');
    await page.keyboard.press('Enter');
    await group.getByRole('alert').getByText('DEMO-99999 is not an issue you can see in Jira: no such issue, or you may not browse it. Check the key.').waitFor();
    expect(await field.inputValue()).toBe('demo-99999');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);

    // A task of another project: what it is, and it may still be added (knowingly).
    await field.fill('OTHER-1');
    await page.keyboard.press('Enter');
    await group.getByText('OTHER-1 is a Task in Other Team (OTHER), not a bug.').waitFor();
    await group.getByText('Refresh the onboarding email copy').waitFor();
    expect(await group.getByRole('button', { name: 'Add OTHER-1 anyway' }).evaluate((el) => el === document.activeElement)).toBe(true);

    // A bug of this project: its summary and status, then added to the result.
    await field.fill(bug.key.toLowerCase());
    await page.keyboard.press('Enter');
    await group.getByText('Discount applied twice after re-entering the code').waitFor();
    await group.locator('.lozenge', { hasText: 'To Do' }).waitFor();
    await screenshot(page, 'bugs-link-existing');
    const add = group.getByRole('button', { name: `Add ${bug.key} to this result` });
    expect(await add.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await history.getByText(`Recorded ${bug.key} on this result.`).waitFor();
    await history.getByRole('button', { name: bug.key }).waitFor();
    expect((await resultsOf('TC-2')).some((r) => r.defects.includes(bug.key))).toBe(true);
    alice().expectClean();
  });

  it('Link existing bug at 360 px in dark: nothing runs out of the panel', async () => {
    const rp = await rig().newPage({ user: 'alice', theme: 'dark' });
    await rp.page.setViewportSize({ width: 360, height: 900 });
    const frame = await rp.openReadyPanel();
    const history = await openHistory(frame);
    await history.getByRole('button', { name: 'Link existing bug for TC-2' }).first().click();
    const group = history.getByRole('group', { name: 'Link existing bug for TC-2' });
    await group.getByLabel('Bug key').fill('OTHER-1');
    await group.getByRole('button', { name: 'Find in Jira' }).click();
    await group.getByRole('button', { name: 'Add OTHER-1 anyway' }).waitFor();
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot(rp.page, 'bugs-link-existing-360-dark');
    rp.expectClean();
  });
});
