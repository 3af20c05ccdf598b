/**
 * The Jira admin page, end to end in Chromium through the local runtime running the bundle: the local
 * Jira admin (diana) finds it under Jira settings → Apps, sees alice, bob and gina once they saved
 * tokens, checks all (gina's token was revoked in TestKase), removes bob's connection after confirming,
 * and bob's panel then says a Jira admin removed it. A user who is not a Jira admin has no admin page,
 * and an admin function invoked from their own frame is refused.
 */
import { expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { tokenPreview } from '../../src/testkase/token';
import { describeE2E, saveTokenThroughUi, screenshot, suiteRig, type RigPage } from './support/rig';

describeE2E('the Jira admin page', () => {
  const { rig, diana } = suiteRig({ users: ['diana'] });
  const minted: Record<string, { id: string; token: string }> = {};

  const openAdminPage = async (rp: RigPage): Promise<Frame> => {
    await rp.page.goto(rig().runtime.adminPageUrl);
    const frame = await rp.appFrame();
    await frame.getByRole('heading', { name: 'TestKase connections' }).waitFor();
    return frame;
  };
  const row = (frame: Frame, name: string) => frame.getByRole('row').filter({ hasText: name });

  it('is reached from Jira settings → Apps by the Jira admin, and lists everyone who saved a token', async () => {
    for (const user of ['alice', 'bob', 'gina'] as const) {
      const rp = await rig().newPage({ user });
      const t = rig().runtime.sim.admin.createToken({ user, name: `Laptop of ${user}`, days: user === 'gina' ? 7 : 90 });
      minted[user] = { id: t.id, token: t.token };
      await saveTokenThroughUi(rig(), rp, t.token);
    }
    await diana().page.goto('/');
    await diana().page.getByRole('link', { name: 'Settings' }).click();
    await diana().page.getByRole('link', { name: 'TestKase connections' }).first().click();
    expect(new URL(diana().page.url()).pathname).toBe(new URL(rig().runtime.adminPageUrl).pathname);
    const frame = await diana().appFrame();
    await row(frame, 'Alice Martin').first().waitFor();
    for (const [user, name] of [['alice', 'Alice Martin'], ['bob', 'Bob Nguyen'], ['gina', 'Gina Rossi']] as const) {
      await row(frame, name).getByText(tokenPreview(minted[user]!.token)).waitFor();
    }
    await row(frame, 'Gina Rossi').getByText('Expires in 7 days').waitFor();
    await frame.getByRole('button', { name: /^All 3$/ }).waitFor();
    // The avatars come from the Jira site, as Jira's do, within the app's CSP.
    await frame.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('img.avatar')].every((img) => img.complete && img.naturalWidth > 0));
    expect(await frame.locator('html').innerHTML()).not.toMatch(/tk_pat_[A-Za-z0-9]{8,}/);
    await screenshot(diana().page, 'admin-1-connections');
    diana().expectClean();
  });

  it('checks all tokens: the revoked one shows as rejected, the others working', async () => {
    rig().runtime.sim.admin.revokeToken(minted.gina!.id);
    const frame = await openAdminPage(diana());
    await frame.getByRole('button', { name: 'Check all now' }).click();
    await frame.getByText('Checked 3 tokens').waitFor();
    await frame.getByText('2 working, 1 rejected.', { exact: true }).waitFor();
    await row(frame, 'Gina Rossi').getByText('at last check').waitFor();
    await frame.getByRole('button', { name: /^Rejected 1$/ }).click();
    await frame.getByText('Showing 1–1 of 1 (3 stored in all)').waitFor();
    await frame.getByText(/Diana Evans checked all 3 stored tokens: 2 working, 1 rejected/).waitFor();
    await screenshot(diana().page, 'admin-2-checked');
    await frame.getByRole('button', { name: /^All 3$/ }).click();
    diana().expectClean();
  });

  it('removes bob’s connection after confirming (Esc cancels and gives the focus back), and bob’s panel says so', async () => {
    const frame = await openAdminPage(diana());
    const remove = frame.getByRole('button', { name: 'Remove the connection of Bob Nguyen' });
    await remove.click();
    const confirm = frame.getByRole('group', { name: 'Remove the TestKase connection of Bob Nguyen?' });
    await confirm.waitFor();
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(diana().page, 'admin-3-confirm');
    await diana().page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await remove.evaluate((el) => el === document.activeElement)).toBe(true);

    await remove.click();
    await confirm.getByRole('button', { name: 'Remove connection' }).click();
    await frame.getByText(/Removed the TestKase connection of Bob Nguyen/).waitFor();
    await row(frame, 'Bob Nguyen').waitFor({ state: 'detached' });
    // The token's user-chosen name is data beside the sentence (issue 21, 5), not inside it.
    const entry = frame.getByRole('listitem').filter({ hasText: 'Diana Evans removed the TestKase connection of Bob Nguyen.' }).first();
    await entry.getByText('Laptop of bob', { exact: true }).waitFor();
    expect(await entry.getByText('Laptop of bob', { exact: true }).evaluate((el) => el.tagName)).toBe('Q');
    await screenshot(diana().page, 'admin-4-removed');

    const bob = await rig().newPage({ user: 'bob' });
    const panel = await bob.openIssue();
    await panel.getByText('A Jira admin removed your TestKase connection').waitFor();
    await panel.getByText(/save a new Personal Access Token/).waitFor();
    await screenshot(bob.page, 'admin-5-bob-panel');
    diana().expectClean();
    bob.expectClean();
  });

  it('says plainly that nothing could be checked while TestKase is down, and Try again checks once it is back (issue 22, 4)', async () => {
    const frame = await openAdminPage(diana());
    rig().runtime.sim.admin.addFault({ route: '*', status: 503 });
    try {
      await frame.getByRole('button', { name: 'Check all now' }).click();
      const alert = frame.getByRole('alert').filter({ hasText: 'Nothing could be checked' });
      await alert.waitFor();
      await alert.getByText(/TestKase did not answer for any of the 2 tokens, so no state was changed/).waitFor();
      await alert.getByText(/The states shown for them date from the checks between/).waitFor();
      expect(await frame.getByText(/^Checked \d+ tokens?$/).count()).toBe(0);
      await screenshot(diana().page, 'admin-9-testkase-down');
    } finally {
      rig().runtime.sim.admin.clearFaults();
    }
    await frame.getByRole('alert').filter({ hasText: 'Nothing could be checked' }).getByRole('button', { name: 'Try again' }).click();
    await frame.getByText('Checked 2 tokens').waitFor();
    diana().expectClean();
  });

  it('suspends alice’s connection: her panel and settings page say who suspended it; resuming gives it back (issue 22)', async () => {
    const frame = await openAdminPage(diana());
    await frame.getByRole('button', { name: 'Suspend the connection of Alice Martin' }).click();
    await frame.getByRole('group', { name: 'Suspend the TestKase connection of Alice Martin?' }).getByRole('button', { name: 'Suspend connection' }).click();
    await frame.getByText(/Suspended the TestKase connection of Alice Martin/).waitFor();
    await row(frame, 'Alice Martin').getByText(/By Diana Evans on/).waitFor();
    await frame.getByRole('button', { name: /^Suspended 1$/ }).waitFor();
    // An admin note: bounded, shown as data, searchable.
    await frame.getByRole('button', { name: 'Edit the admin note on the connection of Alice Martin' }).click();
    await frame.getByRole('textbox', { name: /Admin note/ }).fill('Token seen in a public CI log');
    await frame.getByRole('button', { name: 'Save note' }).click();
    await frame.getByText('Saved the admin note on the connection of Alice Martin.').waitFor();
    await row(frame, 'Alice Martin').getByText('Token seen in a public CI log').waitFor();
    await frame.getByRole('searchbox', { name: 'Search connections' }).fill('public ci');
    await frame.getByText('Showing 1–1 of 1 (2 stored in all)').waitFor();
    await screenshot(diana().page, 'admin-10-suspended');

    const alice = await rig().newPage({ user: 'alice' });
    const panel = await alice.openIssue();
    await panel.getByText('A Jira admin suspended your TestKase connection').waitFor();
    await panel.getByText(/Ask Diana Evans, a Jira administrator, to resume it/).waitFor();
    await screenshot(alice.page, 'admin-11-alice-suspended');
    await alice.page.goto(rig().runtime.globalPageUrl);
    const settings = await alice.appFrame();
    await settings.getByText(/the connection stays suspended until a Jira administrator resumes it/).waitFor();

    const again = await openAdminPage(diana());
    await again.getByRole('button', { name: 'Resume the connection of Alice Martin' }).click();
    await again.getByText(/Resumed the TestKase connection of Alice Martin/).waitFor();
    await again.getByText('Diana Evans resumed the TestKase connection of Alice Martin.').waitFor();
    const back = await alice.openIssue();
    await back.getByRole('tab', { name: 'Test Cases' }).waitFor();
    diana().expectClean();
    alice.expectClean();
  });

  it('is not there for a user who is not a Jira admin, and their forged admin invokes are refused', async () => {
    const bob = await rig().newPage({ user: 'bob' });
    await bob.page.goto('/');
    expect(await bob.page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    const response = await bob.page.goto(rig().runtime.adminPageUrl);
    expect(response?.status()).toBe(403);
    await bob.page.getByText("You don't have permission to view this page").waitFor();
    expect(await bob.page.locator('iframe').count()).toBe(0);

    // From bob's own frame (the global page), straight through the bridge.
    await bob.page.goto(rig().runtime.globalPageUrl);
    const frame = await bob.appFrame();
    const forged = await frame.evaluate(async () => {
      const bridge = (globalThis as unknown as { __bridge: { callBridge: (c: string, p: unknown) => Promise<unknown> } }).__bridge;
      return Promise.all([
        bridge.callBridge('invoke', { functionKey: 'adminListConnections', payload: {} }),
        bridge.callBridge('invoke', { functionKey: 'adminRemoveConnection', payload: { accountId: 'local-alice' } }),
        bridge.callBridge('invoke', { functionKey: 'adminCheckAll', payload: {} }),
      ]);
    });
    for (const answer of forged) expect(answer).toMatchObject({ ok: false, error: { code: 'WRONG_MODULE' } });
    // Alice is still connected.
    const page = await openAdminPage(diana());
    await row(page, 'Alice Martin').waitFor();
    bob.expectClean({ allowConsoleErrors: true }); // the browser logs the 403 it was shown
  });

  it('looks right in dark mode and at 360 px', async () => {
    const dark = await rig().newPage({ user: 'diana', theme: 'dark' });
    let frame = await openAdminPage(dark);
    await row(frame, 'Alice Martin').waitFor();
    await screenshot(dark.page, 'admin-6-dark');
    const narrow = await rig().newPage({ user: 'diana', width: 360 });
    frame = await openAdminPage(narrow);
    await frame.getByText('Alice Martin').first().waitFor();
    await screenshot(narrow.page, 'admin-7-360px');
    const narrowDark = await rig().newPage({ user: 'diana', width: 360, theme: 'dark' });
    frame = await openAdminPage(narrowDark);
    await frame.getByText('Alice Martin').first().waitFor();
    await screenshot(narrowDark.page, 'admin-8-360px-dark');
    dark.expectClean();
    narrow.expectClean();
  });
});
