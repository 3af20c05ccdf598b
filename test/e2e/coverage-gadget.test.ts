/**
 * The Test coverage dashboard gadget, end to end: the configured gadget shows release 3.8's numbers in
 * words and as a chart, and links to the project page on the same scope; a new gadget opens in its
 * edit mode, is configured (project, then sprint) and saved with view.submit, which the dashboard
 * keeps per gadget; Cancel keeps what was saved. It reads well in the narrowest dashboard column, at
 * 360 px and in dark mode.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectWithNewToken, describeE2E, screenshot, suiteRig } from './support/rig';
import { frameOf, viewportShot } from './support/coverage';

const gadgetFrame = (page: Page, id: string) => frameOf(page, `iframe[data-gadget="${id}"]`);

describeE2E('the Test coverage dashboard gadget', () => {
  const { rig, alice } = suiteRig({ users: ['alice'] });

  it('shows the saved scope’s numbers in words and as a chart, and opens the project page on that scope', async () => {
    rig().runtime.sim.admin.seedCoverageDemo();
    await connectWithNewToken(rig(), alice(), 'alice');
    const { page } = alice();
    await page.goto('/');
    await page.getByRole('link', { name: 'Release dashboard' }).click();
    const frame = await gadgetFrame(page, '10001');
    await frame.getByText('DEMO · 3.8').waitFor();
    await frame.getByText('30 of 40 issues covered').waitFor();
    await frame.getByRole('img', { name: '30 covered, 10 without a test' }).waitFor();
    const verdicts = frame.getByRole('list', { name: 'Verdicts' });
    expect(await verdicts.getByRole('listitem').allInnerTexts()).toEqual(['No test\n10', 'Failing\n8', 'Blocked\n3', 'Not all executed\n8', 'All passed\n11']);
    await frame.getByText('10 without a test · 75 % covered · 27 % passing').waitFor();
    await screenshot(page, 'coverage-gadget-1-dashboard');
    await frame.getByRole('button', { name: 'Open the Test coverage page' }).click();
    await page.waitForURL(/\/jira\/software\/projects\/DEMO\/apps\/.+\/version\/10010$/);
    alice().expectClean();
  });

  it('opens a new gadget in its edit mode; saving a project and a sprint shows that sprint’s numbers, Cancel keeps them', async () => {
    const { page } = alice();
    await page.goto('/jira/dashboards/10000');
    const edit = await gadgetFrame(page, '10002');
    await edit.getByRole('heading', { name: 'Test coverage gadget' }).waitFor();
    await expect.poll(async () => edit.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await edit.getByLabel('Project').selectOption('DEMO');
    await edit.getByRole('option', { name: 'Sprint 42 (active)' }).waitFor({ state: 'attached' });
    await edit.getByLabel('Scope').selectOption({ label: 'Sprint 42 (active)' });
    await screenshot(page, 'coverage-gadget-2-edit');
    // The dashboard reloads on submit. Its address had no ?edit= to begin with (a new gadget opens in
    // its edit view by itself), so wait for the new document, not for an address it already has.
    const reloaded = page.waitForEvent('domcontentloaded');
    await edit.getByRole('button', { name: 'Save' }).click();
    await reloaded;
    const view = await gadgetFrame(page, '10002');
    await view.getByText('DEMO · Sprint 42').waitFor();
    await view.getByText('13 of 17 issues covered').waitFor();
    // Edit again, change the scope, cancel: the saved sprint stays.
    await page.getByRole('link', { name: 'Edit Test coverage gadget' }).nth(1).click();
    await page.waitForURL((url) => url.searchParams.get('edit') === '10002', { waitUntil: 'commit' });
    const again = await gadgetFrame(page, '10002');
    await expect.poll(async () => again.getByLabel('Scope').inputValue()).toBe('/sprint/42');
    await again.getByLabel('Scope').selectOption({ label: 'Sprint 43 (future)' });
    await again.getByRole('button', { name: 'Cancel' }).click();
    // Only the address is waited for here (not the page's load event, which waits for every gadget's
    // frame and its bundle: over 20 s at load 30 in a full run); the next line waits for what is shown.
    await page.waitForURL((url) => !url.searchParams.has('edit'), { waitUntil: 'commit' });
    await (await gadgetFrame(page, '10002')).getByText('DEMO · Sprint 42').waitFor();
    alice().expectClean();
  });

  it('reads well in the narrowest dashboard column, at 360 px and in dark mode', async () => {
    const frame = await gadgetFrame(alice().page, '10001');
    const width = await frame.evaluate(() => document.documentElement.clientWidth);
    expect(width).toBeLessThan(420); // a third of the dashboard at 1280 px
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
    const narrow = await rig().newPage({ user: 'alice', width: 360, theme: 'dark' });
    await narrow.page.goto('/jira/dashboards/10000');
    const small = await gadgetFrame(narrow.page, '10001');
    await small.getByText('30 of 40 issues covered').waitFor();
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
    await (await narrow.page.waitForSelector('#gadget-10001')).scrollIntoViewIfNeeded();
    await viewportShot(narrow.page, 'coverage-gadget-3-360px-dark');
    narrow.expectClean();
    const dark = await rig().newPage({ user: 'alice', theme: 'dark' });
    await dark.page.goto('/jira/dashboards/10000');
    await (await gadgetFrame(dark.page, '10001')).getByText('30 of 40 issues covered').waitFor();
    await screenshot(dark.page, 'coverage-gadget-4-dark');
    dark.expectClean();
  });
});
