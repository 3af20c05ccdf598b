/**
 * The global page, as a user drives it in Chromium: save, replace, reject, TestKase down, bad format,
 * delete with confirmation, expiry warning, and the warning when the saved token is someone else's.
 * The full token is never on the page after a save.
 */
import { expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { tokenPreview } from '../../src/testkase/token';
import { describeE2E, screenshot, suiteRig } from './support/rig';

describeE2E('global page: the PAT configuration', () => {
  const { rig, bob } = suiteRig({ users: ['bob'] });

  const open = async (): Promise<Frame> => {
    await bob().page.goto(rig().runtime.globalPageUrl);
    const frame = await bob().appFrame();
    await frame.getByRole('heading', { name: 'TestKase for Jira' }).waitFor();
    return frame;
  };
  const mint = (user: 'alice' | 'bob' | 'gina', days = 90) => rig().runtime.sim.admin.createToken({ user, name: `Jira Plugin (${user})`, days }).token;
  const save = async (frame: Frame, token: string) => {
    await frame.getByLabel('Personal Access Token').fill(token);
    await frame.getByRole('button', { name: 'Save' }).click();
  };
  const html = (frame: Frame) => frame.evaluate(() => document.documentElement.outerHTML);

  it('saves a token: connected, preview and owner shown, the token itself gone from the page', async () => {
    const frame = await open();
    await screenshot(bob().page, 'settings-1-empty');
    const token = mint('bob');
    const identityAnswered = bob().answerReceived('checkIdentity');
    await save(frame, token);
    await frame.getByText('Connected to TestKase as Bob Nguyen.').waitFor();
    await frame.getByText(tokenPreview(token)).waitFor();
    await frame.getByText('Jira Plugin (bob)').waitFor();
    expect(await html(frame)).not.toContain(token);
    expect(await frame.getByLabel('Personal Access Token').count()).toBe(0); // the form closes once saved
    // Bob's own token: Jira's /myself and the simulator's user agree, so no warning — once the page
    // has the answer to its identity check and has rendered it.
    await identityAnswered;
    expect(await frame.getByText('This TestKase token is not yours').count()).toBe(0);
    await screenshot(bob().page, 'settings-2-saved');
    bob().expectClean();
  });

  it('keeps the saved token when TestKase rejects a new one, is unreachable, or the format is wrong', async () => {
    const frame = await open();
    const saved = await frame.locator('code, .mono').filter({ hasText: 'tk_pat_' }).first().innerText();
    await frame.getByRole('button', { name: 'Replace', exact: true }).click();

    await save(frame, 'tk_pat_' + 'N0tM1nt3d'.repeat(5));
    await frame.getByText(/rejected this token/).waitFor();
    await frame.getByText(/not saved/).first().waitFor();
    await screenshot(bob().page, 'settings-3-rejected');

    rig().runtime.sim.admin.addFault({ route: 'whoAmI', status: 503 });
    try {
      await save(frame, mint('alice'));
      await frame.getByText(/could not be reached/).waitFor();
    } finally {
      rig().runtime.sim.admin.clearFaults();
    }

    await save(frame, 'short');
    await frame.locator('.field-invalid').waitFor();
    expect(await frame.getByLabel('Personal Access Token').getAttribute('aria-invalid')).toBe('true');

    const reloaded = await open();
    await reloaded.getByText(saved).waitFor();
    await reloaded.getByText('Bob Nguyen').first().waitFor();
    bob().expectClean({ allowConsoleErrors: true });
  });

  it('replaces the token with another one; the new one is used at once', async () => {
    const frame = await open();
    await frame.getByRole('button', { name: 'Replace', exact: true }).click();
    const token = mint('alice');
    await save(frame, token);
    await frame.getByText('Connected to TestKase as Alice Martin.').waitFor();
    await frame.getByText(tokenPreview(token)).waitFor();
    // Bob saved Alice's token: the page says whose it is and who Jira says he is.
    const warning = frame.getByRole('alert').filter({ hasText: 'This TestKase token is not yours' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain(
      'Your TestKase token belongs to Alice Martin (alice@acme.example), but you are signed in to Jira as Bob Nguyen. Everything you do in TestKase through this app is recorded as Alice Martin. Replace the token with your own.',
    );
    await screenshot(bob().page, 'settings-3b-not-yours');
    rig().runtime.sim.admin.clearRequests();
    const panel = await bob().openIssue();
    await panel.getByRole('tablist').waitFor();
    expect(new Set(rig().runtime.sim.admin.requests().map((r) => r.userId))).toEqual(new Set(['alice']));
    bob().expectClean();
  });

  it('warns from 14 days before expiry, with the rotation advice', async () => {
    const frame = await open();
    await frame.getByRole('button', { name: 'Replace', exact: true }).click();
    await save(frame, mint('bob', 7));
    await frame.getByText(/This token expires in [67] days/).waitFor();
    await frame.getByText(/create a new token in TestKase first/).waitFor();
    // His own token again: the warning about Alice's is gone.
    await frame.getByText('This TestKase token is not yours').waitFor({ state: 'detached' });
    await screenshot(bob().page, 'settings-4-expiring');
    bob().expectClean();
  });

  it('deletes only after confirmation, and the panel then asks to connect', async () => {
    const frame = await open();
    await frame.getByRole('button', { name: 'Delete' }).click();
    await frame.getByRole('group', { name: 'Confirm deletion' }).waitFor();
    await screenshot(bob().page, 'settings-5-confirm-delete');
    await frame.getByRole('button', { name: 'Cancel' }).click();
    await frame.getByRole('button', { name: 'Replace', exact: true }).waitFor();

    await frame.getByRole('button', { name: 'Delete' }).click();
    await frame.getByRole('button', { name: 'Delete token' }).click();
    await frame.getByText(/Your token was deleted from Jira/).waitFor();
    await frame.getByLabel('Personal Access Token').waitFor();
    expect(rig().runtime.kvs.keys('secret').length).toBe(0);

    const panel = await bob().openIssue();
    await panel.getByRole('button', { name: 'Open TestKase settings' }).waitFor();
    bob().expectClean();
  });

  it('looks right in the dark theme', async () => {
    const dark = await rig().newPage({ user: 'gina', theme: 'dark' });
    await dark.page.goto(rig().runtime.globalPageUrl);
    const frame = await dark.appFrame();
    await frame.getByLabel('Personal Access Token').waitFor();
    expect(await frame.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    await screenshot(dark.page, 'settings-6-dark');
    dark.expectClean();
  });
});
