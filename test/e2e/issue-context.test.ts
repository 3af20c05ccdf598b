/**
 * The issue context module (UI Kit) on the local issue page, in Chromium: the host renders the ForgeDoc
 * its hidden frame sends, natively in the right column; the counts are the panel's; every state says its
 * sentence; clicks round-trip to the app (settings, the panel); a result recorded in the panel updates
 * the summary without a reload; light and dark; no CSP violation in any frame.
 */
import { expect, it } from 'vitest';
import type { Frame, Locator } from 'playwright-core';
import { connectWithNewToken, describeE2E, E2E_WAIT_MS, screenshot, suiteRig, type RigPage } from './support/rig';

/** The statuses in the order the summary lists them (the panel's legend uses the same words). */
const STATUS_NAMES = ['Pass', 'Fail', 'Blocked', 'Skipped', 'Not Executed'] as const;

describeE2E('issue context (UI Kit)', () => {
  const { rig, alice } = suiteRig({ users: ['alice'] });
  let aliceTokenId = '';

  const sim = () => rig().runtime.sim.admin;
  const summary = (rp: RigPage): Locator => rp.page.locator('#testkase-issue-context .forge-native-content');
  /** The summary's text once it shows `expected`, as a person reads it (no-break spaces as spaces). */
  const summaryText = async (rp: RigPage, expected: RegExp | string): Promise<string> => {
    await summary(rp).getByText(expected).first().waitFor();
    return (await summary(rp).innerText()).replace(/\u00a0/g, ' ');
  };
  /** The panel's own coverage, in the summary's words: "4 tests · Pass 2 · …". */
  const panelCounts = async (panel: Frame): Promise<string> => {
    await panel.locator('.status-legend li').first().waitFor();
    const total = (await panel.getByText(/\d+ linked test cases?/).innerText()).match(/\d+/)![0];
    const counts = Object.fromEntries(
      (await panel.locator('.status-legend li').allInnerTexts()).map((t) => {
        const [, label, n] = t.match(/^(.*?)\s+(\d+)$/)!;
        return [label, n];
      }),
    );
    return [`${total} tests`, ...STATUS_NAMES.map((w) => `${w} ${counts[w]}`)].join(' · ');
  };

  it('NO_CONFIG: the sentence and a button that takes the person to the global page', async () => {
    await alice().openIssue();
    const text = await summaryText(alice(), 'Connect TestKase to see test cases here');
    expect(text).toContain('Save your TestKase Personal Access Token');
    await screenshot(alice().page, 'issue-context-no-config');
    await summary(alice()).getByRole('button', { name: 'Open TestKase settings' }).click();
    await alice().page.waitForURL(rig().runtime.globalPageUrl);
    alice().expectClean();
  });

  it('READY on DEMO-1: the same counts as the panel, the newest run in the user’s timezone, one invoke', async () => {
    aliceTokenId = (await connectWithNewToken(rig(), alice(), 'alice')).id;
    const invokesBefore = rig().runtime.events.invokes.length;
    const panel = await alice().openIssue();
    const expected = await panelCounts(panel);
    expect(expected).toBe('4 tests · Pass 2 · Fail 1 · Blocked 1 · Skipped 0 · Not Executed 0');
    const text = await summaryText(alice(), /tests ·/);
    expect(text).toContain(expected);
    expect(text).toMatch(/FAILING/i);
    expect(text).toMatch(/Latest execution\s+PASS\s+TC-1/i);
    // alice's Jira timezone is Europe/Paris; the zone is named on hover
    expect(await summary(alice()).locator('[title*="Europe/Paris"]').count()).toBe(1);
    // One read for the page: the panel hands the glance the summary of its own first screen (issue 23).
    const forPage = rig().runtime.events.invokes.slice(invokesBefore);
    expect(forPage.map((i) => `${i.moduleKey}:${i.functionKey}`)).toEqual(['testkase-issue-panel:getState']);
    // The status bar: one segment per status present, coloured with the page's tokens
    const segments = summary(alice()).locator('[data-testid^="status-bar-"]');
    expect(await segments.count()).toBe(3);
    await screenshot(alice().page, 'issue-context-ready');
    alice().expectClean();
  });

  it('PROJECT_NOT_MAPPED on OTHER-1', async () => {
    await alice().openIssue('OTHER-1');
    const text = await summaryText(alice(), 'This Jira project is not connected to TestKase');
    expect(text).toMatch(/OTHER is not connected to a TestKase project\. Ask a TestKase admin/);
    expect(await summary(alice()).getByRole('button').count()).toBe(0);
    await screenshot(alice().page, 'issue-context-not-mapped');
    alice().expectClean();
  });

  it('TOKEN_REJECTED once the token is revoked in TestKase', async () => {
    expect(sim().revokeToken(aliceTokenId)).toBe(true);
    await alice().openIssue();
    await summaryText(alice(), 'TestKase rejected your token');
    await summary(alice()).getByRole('button', { name: 'Open TestKase settings' }).waitFor();
    await screenshot(alice().page, 'issue-context-token-rejected');
    aliceTokenId = (await connectWithNewToken(rig(), alice(), 'alice')).id;
    alice().expectClean();
  });

  it('updates without a reload when a result is recorded in the panel', async () => {
    const panel = await alice().openIssue();
    await summaryText(alice(), 'Pass 2 · Fail 1');
    await panel.getByRole('tab', { name: 'Test Cycles' }).click();
    await panel.getByRole('button', { name: 'Open cycle Sprint 42 regression' }).click();
    await panel.getByRole('button', { name: 'Run TC-3', exact: true }).click();
    const form = panel.getByRole('form', { name: 'Run TC-3', exact: true });
    await form.getByLabel('Fail', { exact: true }).check();
    await form.getByRole('button', { name: 'Save result' }).click();
    await panel.getByText('Saved Fail for TC-3 in Sprint 42 regression.').waitFor({ timeout: 15_000 });
    const text = await summaryText(alice(), 'Pass 1 · Fail 2');
    expect(text).toContain('4 tests · Pass 1 · Fail 2 · Blocked 1 · Skipped 0 · Not Executed 0');
    expect(text).toMatch(/Latest execution\s+FAIL\s+TC-3/i);
    expect(text).toContain('Alice Martin');
    alice().expectClean();
  });

  it('“Open test cases” brings the panel into view', async () => {
    // A window in which the summary's button shows without scrolling, and the page can scroll toward the panel.
    await alice().page.setViewportSize({ width: 1280, height: 600 });
    try {
      const panel = await alice().openIssue();
      await summaryText(alice(), /tests ·/);
      await panel.locator('li.case-row').first().waitFor();
      const open = summary(alice()).getByRole('button', { name: 'Open test cases' });
      const layout = await alice().page.evaluate(() => ({
        panelTop: document.querySelector('iframe.forge-frame')!.getBoundingClientRect().top,
        maxScroll: document.documentElement.scrollHeight - window.innerHeight,
        scrollY: window.scrollY,
      }));
      expect(layout.scrollY).toBe(0);
      expect((await open.boundingBox())!.y + 32).toBeLessThan(600); // clicking needs no scroll of its own
      await open.click();
      // The panel scrolls itself into view (as far as the page can scroll).
      await expect.poll(() => alice().page.evaluate(() => window.scrollY), { timeout: E2E_WAIT_MS }).toBeGreaterThanOrEqual(Math.min(layout.panelTop, layout.maxScroll) - 2);
    } finally {
      await alice().page.setViewportSize({ width: 1280, height: 900 });
    }
    alice().expectClean();
  });

  it('follows the dark theme, and switches live with the page', async () => {
    const dark = await rig().newPage({ user: 'alice', theme: 'dark' });
    await dark.openIssue();
    await summaryText(dark, /tests ·/);
    const lozengeColour = () => summary(dark).locator('.uk-lozenge').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    const darkColour = await lozengeColour();
    expect(await dark.page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    await screenshot(dark.page, 'issue-context-ready-dark');
    await dark.page.selectOption('#theme-switcher', 'light');
    await dark.page.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'light');
    expect(await lozengeColour()).not.toBe(darkColour);
    dark.expectClean();
  });
});
