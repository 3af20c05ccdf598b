/**
 * Jira's and Forge's limits where a person sees them, in Chromium through the local runtime running the
 * bundle: the issue panel opens without shifting the issue view (viewportSize), and a list over Forge's
 * 5 MB answer limit says how much of it is shown and brings the rest on Show more.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { connectWithNewToken, describeE2E, REPO, screenshot, suiteRig } from './support/rig';

/** The host page's cumulative layout shift (Chromium's layout-shift entries not caused by input), from its first paint. */
async function watchLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __tkLayoutShift: number };
    w.__tkLayoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) w.__tkLayoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { __tkLayoutShift: number }).__tkLayoutShift);

/** Clicks Show more until the list has no more to show; answers how many rows it shows then. */
async function showAll(frame: Frame, rowSelector: string, what: RegExp): Promise<number> {
  for (let i = 0; i < 40; i++) {
    const more = frame.getByRole('button', { name: what });
    if ((await more.count()) === 0) break;
    await more.click();
    await frame.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 20_000 });
  }
  return frame.locator(rowSelector).count();
}

describeE2E('limits a person sees', () => {
  const { rig, alice } = suiteRig({ users: ['alice'] });

  describe('the issue panel’s size (viewportSize in manifest.yml)', () => {
    it('opens at its size: the issue view below it does not move while it loads', async () => {
      await connectWithNewToken(rig(), alice(), 'alice');
      const rp = await rig().newPage({ user: 'alice' });
      await watchLayoutShift(rp.page);
      const frame = await rp.openReadyPanel();
      await frame.getByRole('list').first().waitFor({ timeout: 15_000 });
      await rp.page.waitForTimeout(500); // anything still settling (fonts, the glance) would shift within this
      const shift = await layoutShift(rp.page);
      const frameBox = await rp.page.locator('#forge-frame').boundingBox();
      expect(await rp.page.locator('#forge-frame').getAttribute('data-viewport-size')).toBe('large');
      expect(frameBox?.height).toBe(600);
      // Google's "good" is under 0.1; a panel that grows from the host's default to its content scores far more.
      expect(shift).toBeLessThan(0.01);
      await screenshot(rp.page, 'limits-panel-viewport-light');
      rp.expectClean();
    }, 90_000);

    it('looks right dark and at 360 px: its rows scroll inside the panel', async () => {
      for (const [theme, width] of [['dark', 1280], ['light', 360], ['dark', 360]] as const) {
        const rp = await rig().newPage({ user: 'alice', theme, width });
        const frame = await rp.openReadyPanel();
        await frame.getByRole('list').first().waitFor({ timeout: 15_000 });
        expect((await rp.page.locator('#forge-frame').boundingBox())?.height).toBe(600);
        // Nothing wider than the panel at 360 px.
        expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
        // The panel itself, in view (a cross-origin frame below the fold is not painted in a full-page shot).
        await rp.page.locator('#forge-frame').scrollIntoViewIfNeeded();
        await frame.getByRole('list').first().waitFor();
        await screenshot(rp.page, `limits-panel-viewport-${theme}-${width}`);
        await rp.page.locator('#forge-frame').screenshot({ path: join(REPO, `test-results/screenshots/limits-panel-frame-${theme}-${width}.png`) });
        rp.expectClean();
      }
    }, 120_000);
  });

  describe("a list over Forge's answer limit", () => {
    it('600 cycles with 10,000-character descriptions: the tab says how many of how many it lists, and Show more brings every one', async () => {
      rig().runtime.sim.admin.grow({ cycles: 600, cycleDescription: 'Regression run notes. '.repeat(454).padEnd(10_000, '.') }); // 10,000 characters each
      const frame = await alice().openReadyPanel();
      await frame.getByRole('tab', { name: 'Test Cycles' }).click();
      const count = frame.getByText(/cycles, most recently active first \(the first \d+ are listed\)/);
      await count.waitFor({ timeout: 30_000 });
      const text = (await count.textContent()) ?? '';
      const [, total, listed] = /^(\d+) cycles, most recently active first \(the first (\d+) are listed\)/.exec(text) ?? [];
      expect(Number(total)).toBeGreaterThanOrEqual(600);
      expect(Number(listed)).toBeLessThan(Number(total)); // one answer held only part of the list
      await frame.getByText(`${Number(total) - 50} not shown yet`, { exact: false }).waitFor();
      await screenshot(alice().page, 'limits-cycles-first-part');
      const shown = await showAll(frame, 'li.cycle-row', /^Show \d+ more cycles$/);
      expect(shown).toBe(Number(total));
      // Every part loaded: the count no longer says the list is cut.
      await frame.getByText(new RegExp(`^${total} cycles, most recently active first\\.$`)).waitFor();
      alice().expectClean();
    }, 240_000);
  });
});
