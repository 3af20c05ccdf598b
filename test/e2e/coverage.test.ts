/**
 * The Test coverage project page, end to end in Chromium through the local runtime running the bundle:
 * release 3.8 scoped from the picker (and from the page's route), the header's counts matching the
 * rows, filters, uncovered first, sort, a CSV download of what is shown (through Forge's iframe
 * sandbox), the states a person meets (not connected, not mapped), and the page in dark mode and at
 * 360 px.
 */
import { expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { connectWithNewToken, describeE2E, screenshot, suiteRig, type RigPage } from './support/rig';
import { frameOf, viewportShot } from './support/coverage';
import { growCoverageScope } from '../../dev/runtime/grow-coverage';

const pagePath = (rp: { runtime: { appId: string; envId: string } }, project = 'DEMO', sub = '') => `/jira/software/projects/${project}/apps/${rp.runtime.appId}/${rp.runtime.envId}${sub}`;

const coverageFrame = (page: Page) => frameOf(page, 'iframe[data-module="project-page"]');

describeE2E('the Test coverage project page', () => {
  const { rig, alice } = suiteRig({ users: ['alice'] });

  it('opens on the issues with linked tests, and scopes to release 3.8 from the picker: forty rows, ten without a test', async () => {
    rig().runtime.sim.admin.seedCoverageDemo();
    await connectWithNewToken(rig(), alice(), 'alice');
    const { page } = alice();
    await page.goto('/');
    await page.getByRole('link', { name: 'Demo Shop → Test coverage' }).click();
    const frame = await coverageFrame(page);
    await frame.getByText('All 32 issues of this scope are loaded.').waitFor();
    await frame.getByText('0 of 32 issues have no test').waitFor();
    await frame.getByLabel('Scope').selectOption({ label: '3.8' });
    await frame.getByText('All 40 issues of this scope are loaded.').waitFor();
    await frame.getByText('10 of 40 issues have no test').waitFor();
    await frame.getByText('75 % covered').waitFor();
    // The scope is the page's route: the address bar says it, and opening it again lands on it.
    expect(new URL(page.url()).pathname).toBe(pagePath(rig(), 'DEMO', '/version/10010'));
    const row = frame.getByRole('row').filter({ has: frame.getByRole('link', { name: 'Open DEMO-1', exact: true }) });
    await row.getByText('Failing').waitFor();
    await row.getByRole('link', { name: 'Open DEMO-3' }).waitFor();
    await row.getByRole('img', { name: 'Results of the tests linked to DEMO-1: Pass 2, Fail 1, Blocked 1' }).waitFor();
    await frame.getByText('Showing 1–40 of 40 issues').waitFor();
    await screenshot(page, 'coverage-1-release-3.8');
    alice().expectClean();
  });

  it('filters by verdict, type and status, puts uncovered issues first, and sorts by any column', async () => {
    const frame = await openScope(alice(), '/version/10010');
    await frame.getByRole('button', { name: 'Failing: 8' }).click();
    await frame.getByText('Showing 1–8 of 8 issues matching (40 issues loaded)').waitFor();
    expect(await keys(frame)).toEqual(['DEMO-1', 'DEMO-11', 'DEMO-15', 'DEMO-18', 'DEMO-27', 'DEMO-33', 'DEMO-40', 'DEMO-41']);
    await frame.getByLabel('Jira status').selectOption('In Review');
    expect(await keys(frame)).toEqual(['DEMO-11', 'DEMO-41']);
    await frame.getByRole('button', { name: 'Clear filters' }).click();
    await frame.getByLabel('Issue type').selectOption('Task');
    expect(await keys(frame)).toEqual(['DEMO-16', 'DEMO-24', 'DEMO-36', 'DEMO-43', 'DEMO-44']);
    await frame.getByRole('button', { name: 'Clear filters' }).click();
    await frame.getByLabel('Uncovered first').check();
    expect((await keys(frame)).slice(0, 10)).toEqual(['DEMO-14', 'DEMO-16', 'DEMO-21', 'DEMO-24', 'DEMO-26', 'DEMO-29', 'DEMO-34', 'DEMO-39', 'DEMO-42', 'DEMO-46']);
    await frame.getByRole('button', { name: 'Sort by Linked tests' }).click();
    await frame.getByRole('button', { name: 'Sort by Linked tests' }).click();
    const sorted = await keys(frame);
    expect(sorted.slice(0, 10).every((k) => ['DEMO-14', 'DEMO-16', 'DEMO-21', 'DEMO-24', 'DEMO-26', 'DEMO-29', 'DEMO-34', 'DEMO-39', 'DEMO-42', 'DEMO-46'].includes(k))).toBe(true);
    expect(sorted.slice(10, 12)).toEqual(['DEMO-1', 'DEMO-20']); // four tests each, the most: after the uncovered ones, ties by key
    expect(await frame.getByRole('columnheader', { name: 'Sort by Linked tests' }).getAttribute('aria-sort')).toBe('descending');
    await screenshot(alice().page, 'coverage-2-uncovered-first');
  });

  it('exports what is shown as a CSV file, the columns as on screen', async () => {
    const frame = await openScope(alice(), '/version/10010');
    await frame.getByRole('button', { name: 'Failing: 8' }).click();
    const [download] = await Promise.all([alice().page.waitForEvent('download'), frame.getByRole('button', { name: 'Export CSV (8 issues)' }).click()]);
    expect(download.suggestedFilename()).toBe('test-coverage-DEMO-3.8.csv');
    // The browser is the run's shared one (rig.ts), connected remotely: read the file through the connection.
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const lines = text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Key,Summary,Type,Status,Linked tests,Pass,Fail,Blocked,Skipped,Not Executed,Verdict,Open bugs');
    expect(lines).toHaveLength(9);
    expect(lines[1]).toBe('DEMO-1,Checkout applies discount codes and VAT correctly,Story,In Progress,4,2,1,1,0,0,Failing,DEMO-3 (To Do)');
    expect(lines.find((l) => l.startsWith('DEMO-15,'))).toContain('DEMO-51 (In Progress)');
    expect(lines.find((l) => l.startsWith('DEMO-15,'))).not.toContain('DEMO-52');
    alice().expectClean();
  });

  it('says what to do when TestKase is not connected or the project is not mapped, and a scope with no issues', async () => {
    const bob = await rig().newPage({ user: 'bob' });
    await bob.page.goto(pagePath(rig()));
    const frame = await coverageFrame(bob.page);
    await frame.getByText('Connect TestKase to see test cases here').waitFor();
    await frame.getByRole('button', { name: 'Open TestKase settings' }).waitFor();
    const other = await openScope(alice(), '', 'OTHER');
    await other.getByText('This Jira project is not connected to TestKase').waitFor();
    const empty = await openScope(alice(), '/version/10011');
    await empty.getByText('This scope has no issues.').waitFor();
    await empty.getByText('0 of 0 issues have no test').waitFor();
  });

  it('reads well in dark mode and at 360 px', async () => {
    const dark = await rig().newPage({ user: 'alice', theme: 'dark' });
    const frame = await openScope(dark, '/version/10010');
    await frame.getByText('All 40 issues of this scope are loaded.').waitFor();
    await screenshot(dark.page, 'coverage-3-dark');
    const narrow = await rig().newPage({ user: 'alice', width: 360 });
    const small = await openScope(narrow, '/version/10010');
    await small.getByText('All 40 issues of this scope are loaded.').waitFor();
    // No sideways scrolling: the rows are cards below 720 px.
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    // The columns still sort at 360 px: their buttons are a bar above the cards, seen and pressed.
    const byTests = small.getByRole('button', { name: 'Sort by Linked tests' });
    expect((await byTests.boundingBox())?.width).toBeGreaterThan(40);
    await byTests.click();
    await byTests.click();
    expect((await keys(small)).slice(0, 2)).toEqual(['DEMO-1', 'DEMO-20']);
    await screenshot(narrow.page, 'coverage-4-360px');
    await viewportShot(narrow.page, 'coverage-4-360px-top');
    narrow.expectClean();
    const narrowDark = await rig().newPage({ user: 'alice', width: 360, theme: 'dark' });
    await (await openScope(narrowDark, '/version/10010')).getByText('All 40 issues of this scope are loaded.').waitFor();
    await viewportShot(narrowDark.page, 'coverage-4-360px-dark');
    narrowDark.expectClean();
  });

  it('fills a large scope step by step with a progress line, counts that say "so far", and every issue in the end', async () => {
    const grown = await growCoverageScope({ hostUrl: rig().runtime.url, simUrl: rig().runtime.sim.url }, { issues: 1_500, bugs: 20 });
    // TestKase slow enough to see the page between steps.
    const fault = rig().runtime.sim.admin.addFault({ route: 'jiraCoverage', latencyMs: 400 });
    try {
      await alice().page.goto(pagePath(rig(), 'DEMO', `/version/${grown.versionId}`));
      const frame = await coverageFrame(alice().page);
      await frame.getByText('Loaded 100 of about 1,500 issues…').waitFor();
      // While loading: the header counts the loaded rows and says so; the pager agrees with it.
      await frame.getByText(/^20 of 100 issues loaded so far have no test$/).waitFor();
      await frame.getByText('Showing 1–50 of 100 issues').waitFor();
      await screenshot(alice().page, 'coverage-5-loading');
      await frame.getByText('All 1,500 issues of this scope are loaded.').waitFor();
      await frame.getByText('300 of 1,500 issues have no test').waitFor();
      await frame.getByText('Showing 1–50 of 1,500 issues').waitFor();
    } finally {
      rig().runtime.sim.admin.removeFault(fault.id);
    }
  });

  it('keeps what it loaded when TestKase fails mid-scope, says so, and Try again resumes at the step that failed', async () => {
    const grown = await growCoverageScope({ hostUrl: rig().runtime.url, simUrl: rig().runtime.sim.url }, { issues: 1_100, bugs: 10 });
    const sim = rig().runtime.sim.admin;
    // Slow enough that the second step's later requests arrive after TestKase starts failing.
    const slow = sim.addFault({ route: 'jiraCoverage', latencyMs: 1_500 });
    let down: { id: string } | null = null;
    try {
      await alice().page.goto(pagePath(rig(), 'DEMO', `/version/${grown.versionId}`));
      const frame = await coverageFrame(alice().page);
      await frame.getByText('Loaded 100 of about 1,100 issues…').waitFor();
      down = sim.addFault({ route: 'jiraCoverage', status: 503 });
      await frame.getByText('Loading stopped after 100 issues: the counts above cover only these.').waitFor();
      // The rows loaded stay, and every count still describes them.
      await frame.getByText('Showing 1–50 of 100 issues').waitFor();
      await frame.getByText(/^20 of 100 issues loaded so far have no test$/).waitFor();
      await viewportShot(alice().page, 'coverage-6-stopped');
      sim.removeFault(down.id);
      sim.removeFault(slow.id);
      down = null;
      // The failed step's invocation has answered: its calls' lifetime is over, none starts after this.
      sim.clearRequests();
      await frame.getByRole('button', { name: 'Try again' }).click();
      await frame.getByText('All 1,100 issues of this scope are loaded.').waitFor();
      await frame.getByText('Showing 1–50 of 1,100 issues').waitFor();
      await frame.getByText('220 of 1,100 issues have no test').waitFor();
      // Resumed, not restarted: the failed step's 1,000 issues only, 100 a request.
      expect(sim.requests().filter((r) => r.route === 'jiraCoverage')).toHaveLength(10);
      alice().expectClean();
    } finally {
      if (down) sim.removeFault(down.id);
      sim.removeFault(slow.id);
    }
  });

  async function openScope(rp: RigPage, sub: string, project = 'DEMO'): Promise<Frame> {
    await rp.page.goto(pagePath(rig(), project, sub));
    const frame = await coverageFrame(rp.page);
    if (project === 'DEMO') await frame.getByText(/All \d+ issues? of this scope (are|is) loaded|This scope has no issues/).first().waitFor();
    return frame;
  }
});

async function keys(frame: Frame): Promise<string[]> {
  return frame.locator('tbody tr td:first-child a').allInnerTexts();
}

