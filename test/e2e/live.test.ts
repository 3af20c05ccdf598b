/**
 * Issue 23 as a person sees it, in Chromium on the local host: a warm render shows the last answer
 * this user saw at once, marked with its time and with nothing writable, then the fresh one; when
 * TestKase is down the last known data stays, marked, with the error and Retry; a rejected token takes
 * the kept copy with it; one read serves the panel and the glance of a page; and a colleague's result
 * reaches an open panel and glance through (emulated) Forge Realtime without a reload.
 */
import { expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { connectWithNewToken, describeE2E, screenshot, suiteRig, type RigPage } from './support/rig';

const ROW = '.case-list .case-row';
/** Rows the person can act on: the fresh answer's (a kept copy's rows sit in a disabled fieldset). */
const LIVE_ROW = `fieldset.gate:not([disabled]) ${ROW}`;
const STALE_ROW = `fieldset.gate[disabled] ${ROW}`;

/** The frame's kept entries (their keys), as another script of the same origin could list them. */
const keptKeys = (frame: Frame) => frame.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tk.kept.1:')));

describeE2E('instant, live and shared (issue 23)', () => {
  const { rig, alice, bob } = suiteRig({ users: ['alice', 'bob'] });
  const sim = () => rig().runtime.sim.admin;
  const glance = (rp: RigPage) => rp.page.locator('#testkase-issue-context .forge-native-content');
  let aliceToken = '';

  it('a warm render shows the kept rows at once, marked and read-only, then the fresh ones', async () => {
    aliceToken = (await connectWithNewToken(rig(), alice(), 'alice')).id;
    const first = await alice().openIssue();
    await first.waitForSelector(LIVE_ROW);
    // Kept once the fresh rows are on screen (the writer is a chunk of its own, loaded after the first render).
    await first.waitForFunction(() => Object.keys(localStorage).some((k) => /^tk\.kept\.1:panel:.*DEMO-1$/.test(k)));
    expect((await keptKeys(first)).some((k) => k.includes(':local-alice:'))).toBe(true);
    // Slow TestKase: the fresh answer takes a while, the kept one does not wait for it.
    const slow = sim().addFault({ latencyMs: 1_500 });
    try {
      const again = await alice().openIssue();
      await again.waitForSelector(STALE_ROW);
      expect(await again.locator('.kept-marker-stale').innerText()).toMatch(/^As of \d{1,2}:\d{2}/);
      expect(await again.locator(LIVE_ROW).count()).toBe(0);
      await screenshot(alice().page, 'live-kept-copy');
      await again.waitForSelector(LIVE_ROW);
      await again.getByText('Updated just now').first().waitFor();
      expect(await again.locator('.kept-marker-stale').count()).toBe(0);
    } finally {
      sim().removeFault(slow.id);
    }
    alice().expectClean();
  });

  it('keeps the last known data, marked, with the error and Retry, while TestKase is down', async () => {
    const down = sim().addFault({ route: 'testCases', status: 503 });
    try {
      const frame = await alice().openIssue();
      await frame.getByText(/^Showing the last known data, as of /).waitFor();
      expect(await frame.locator(STALE_ROW).count()).toBe(4);
      await screenshot(alice().page, 'live-last-known');
      sim().removeFault(down.id);
      await frame.getByRole('button', { name: 'Retry' }).click();
      await frame.waitForSelector(LIVE_ROW);
      expect(await frame.getByText(/^Showing the last known data/).count()).toBe(0);
    } finally {
      sim().removeFault(down.id);
    }
    alice().expectClean({ allowConsoleErrors: true });
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`the last known data fits 360 px (${theme})`, async () => {
      const rp = await rig().newPage({ user: 'alice', theme, width: 360 });
      const fresh = await rp.openIssue();
      await fresh.waitForSelector(LIVE_ROW);
      await fresh.waitForFunction(() => Object.keys(localStorage).some((k) => /^tk\.kept\.1:panel:.*DEMO-1$/.test(k)));
      const down = sim().addFault({ route: 'testCases', status: 503 });
      try {
        const frame = await rp.openIssue();
        await frame.getByText(/^Showing the last known data, as of /).waitFor();
        expect(await frame.locator(STALE_ROW).count()).toBe(4);
        expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
        // The panel's frame in view, as a person scrolled to it (a full-page capture paints it only then).
        await rp.page.locator('iframe.forge-frame').first().scrollIntoViewIfNeeded();
        await screenshot(rp.page, `live-last-known-360-${theme}`);
      } finally {
        sim().removeFault(down.id);
      }
      rp.expectClean({ allowConsoleErrors: true });
      // Its panel would otherwise keep reading (live updates) beside the next tests' counts.
      await rp.context.close();
    });
  }

  it('one read serves the panel and the glance of the page', async () => {
    const before = rig().runtime.events.invokes.length;
    const frame = await alice().openIssue();
    await frame.waitForSelector(LIVE_ROW);
    await glance(alice()).getByText(/4\stests\s·/).waitFor();
    await alice().page.waitForTimeout(1_000); // a glance that read for itself would have by now
    const page = rig().runtime.events.invokes.slice(before).map((i) => `${i.moduleKey}:${i.functionKey}`);
    expect(page).toEqual(['testkase-issue-panel:getState']);
  });

  it("a colleague's result reaches an open panel and glance without a reload", async () => {
    await connectWithNewToken(rig(), bob(), 'bob');
    const bobs = await bob().openIssue();
    await bobs.waitForSelector(LIVE_ROW);
    const tc2 = bobs.locator('[data-case="TC-2"] .case-meta');
    expect(await tc2.innerText()).toContain('FAIL');
    await glance(bob()).getByText(/Pass\s2\s·\sFail\s1/).waitFor();
    const alices = await alice().openIssue();
    await alices.waitForSelector(LIVE_ROW);
    const recorded = await alices.evaluate(async () => {
      const bridge = (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<{ ok: boolean; data?: { items: Array<{ id: string; isMaster: boolean }> } }> } }).__bridge;
      const cycles = await bridge.callBridge('invoke', { functionKey: 'listCycles', payload: {} });
      const cycleId = cycles.data!.items.find((c) => c.isMaster)!.id;
      return (await bridge.callBridge('invoke', { functionKey: 'executeTest', payload: { cycleId, testCaseId: 'TC-2', status: 'PASS' } })).ok;
    });
    expect(recorded).toBe(true);
    // As a person reads it (the lozenge's words are upper-cased by its style).
    await bobs.waitForFunction(() => document.querySelector<HTMLElement>('[data-case="TC-2"] .case-meta')?.innerText.includes('PASS') === true);
    await bobs.getByText('Updated just now').first().waitFor();
    await glance(bob()).getByText(/Pass\s3\s·\sFail\s0/).waitFor();
    await screenshot(bob().page, 'live-update-bob');
    const ops = rig().runtime.realtime.log;
    expect(ops.filter((o) => o.op === 'publish' && o.ok).length).toBeGreaterThan(0);
    bob().expectClean();
  });

  it('a token TestKase rejects takes the kept copies with it', async () => {
    expect(sim().revokeToken(aliceToken)).toBe(true);
    const frame = await alice().openIssue();
    await frame.getByText(/rejected/i).first().waitFor();
    expect(await frame.locator(ROW).count()).toBe(0);
    expect(await keptKeys(frame)).toEqual([]);
    alice().expectClean({ allowConsoleErrors: true });
  });
});
