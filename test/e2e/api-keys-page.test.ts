/**
 * The simulator's API Keys page in Chromium, as a person trying the app gets a token: pick a user,
 * generate (shown once, with Copy), see it listed by preview, delete with confirmation.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startSimulator, type Simulator } from '../../dev/testkase-sim';
import { assertBrowserAvailable, describeE2E, screenshot, sharedBrowser } from './support/rig';

describeE2E('simulator API Keys page', () => {
  let sim: Simulator;
  let browser: Browser;
  beforeAll(async () => {
    assertBrowserAvailable();
    sim = await startSimulator({ port: 0, dataDir: null, quiet: true });
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await sim?.stop();
  });

  it('generates a token shown once, lists it by preview, and deletes it after confirmation', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const problems: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${sim.url}/?user=bob`);
    expect(await page.getByLabel('Signed in as (demo user)').inputValue()).toBe('bob');
    expect(await page.getByLabel('Expires in').locator('option').allTextContents()).toEqual(['7 days', '30 days', '60 days', '90 days', '180 days', '365 days']);

    await page.getByLabel('Token name').fill('Jira Plugin');
    await page.getByLabel('Expires in').selectOption('30');
    await page.getByRole('button', { name: 'Generate New Token' }).click();
    await page.getByText('It will not be shown again.').waitFor();
    const token = await page.getByRole('textbox', { name: 'New token' }).inputValue();
    expect(token).toMatch(/^tk_pat_[A-Za-z0-9]{40}$/);
    await page.getByRole('button', { name: 'Copy' }).waitFor();
    const row = page.locator('#tokens tbody tr');
    await row.first().waitFor();
    expect(await row.first().innerText()).toContain(`${token.slice(0, 11)}…${token.slice(-2)}`);
    expect(await page.locator('#tokens').innerText()).not.toContain(token);
    expect(sim.admin.listTokens('bob')).toEqual([expect.objectContaining({ name: 'Jira Plugin', preview: `${token.slice(0, 11)}…${token.slice(-2)}` })]);
    await screenshot(page, 'simulator-api-keys');

    // The token works against the API, then Delete (confirmed) makes it answer 401.
    const call = () => fetch(`${sim.apiBaseUrl}/projects/user-projects`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await call()).toBe(200);
    await page.getByRole('button', { name: 'Delete token Jira Plugin' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await row.count()).toBe(1);
    await page.getByRole('button', { name: 'Delete token Jira Plugin' }).click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
    await page.getByText('No tokens yet.').waitFor();
    expect(await call()).toBe(401);
    expect(problems).toEqual([]);
  });
});
