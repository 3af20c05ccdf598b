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
    await frame.getByText(/Diana Evans removed the TestKase connection of Bob Nguyen \(token tk_pat_/).waitFor();
    await screenshot(diana().page, 'admin-4-removed');

    const bob = await rig().newPage({ user: 'bob' });
    const panel = await bob.openIssue();
    await panel.getByText('A Jira admin removed your TestKase connection').waitFor();
    await panel.getByText(/save a new Personal Access Token/).waitFor();
    await screenshot(bob.page, 'admin-5-bob-panel');
    diana().expectClean();
    bob.expectClean();
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
