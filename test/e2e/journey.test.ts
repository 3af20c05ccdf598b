/**
 * The first-time journey, as a new user goes through it in the local runtime: the panel on DEMO-1
 * says TestKase is not configured → "Open TestKase settings" → the global page → a token minted with
 * the simulator's CLI → pasted and saved → "Connected" → back on DEMO-1 the panel is READY with its
 * "Test Cases" and "Test Cycles" tabs. Screenshots of each screen; no CSP violation anywhere.
 */
import { expect, it } from 'vitest';
import { describeE2E, screenshot, suiteRig } from './support/rig';

describeE2E('first-time journey in Chromium', () => {
  const { rig } = suiteRig();

  it('NO_CONFIG panel → global page → token from the simulator CLI → saved → READY panel with both tabs', async () => {
    const rp = await rig().newPage({ user: 'alice' });
    const { page } = rp;

    await page.goto('/browse/DEMO-1');
    let frame = await rp.appFrame();
    const open = frame.getByRole('button', { name: 'Open TestKase settings' });
    await open.waitFor();
    await screenshot(page, 'journey-1-panel-no-config');

    await open.click();
    // The settings page is told which issue it was opened from, to offer the way back.
    await page.waitForURL(`${rig().runtime.globalPageUrl}?returnTo=DEMO-1`);
    frame = await rp.appFrame();
    const input = frame.getByLabel('Personal Access Token');
    await input.waitFor();
    await screenshot(page, 'journey-2-global-page');

    const token = await rig().simCli('token', 'create', '--user', 'alice', '--name', 'Jira Plugin', '--days', '90');
    expect(token).toMatch(/^tk_pat_\S+$/);
    await input.fill(token);
    await frame.getByRole('button', { name: 'Save' }).click();
    await frame.getByText(/Connected/).first().waitFor();
    await screenshot(page, 'journey-3-connected');
    // The page never shows the token back, only its preview.
    expect(await frame.locator('body').innerText()).not.toContain(token);

    await frame.getByRole('button', { name: 'Back to DEMO-1' }).click();
    await page.waitForURL(/\/browse\/DEMO-1$/);
    frame = await rp.appFrame();
    const tabs = frame.getByRole('tablist');
    await tabs.waitFor();
    await expect(frame.getByRole('tab', { name: 'Test Cases' }).count()).resolves.toBe(1);
    await expect(frame.getByRole('tab', { name: 'Test Cycles' }).count()).resolves.toBe(1);
    await page.waitForTimeout(300);
    await screenshot(page, 'journey-4-panel-ready');

    expect(rig().runtime.sim.admin.requests().some((r) => r.userId === 'alice')).toBe(true);
    rp.expectClean();
  });
});
