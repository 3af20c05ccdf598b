/**
 * The local Jira host answers @forge/jira-bridge's dialog commands as Jira does: `openIssueCreateModal`
 * shows a real Create Issue dialog (the app's prefill, Bug preselected when the app names no type),
 * creates the issue as the signed-in person and hands what was created to the app's onClose;
 * `openIssueViewModal` shows the issue. And the issue page works in a 400 px window.
 */
import { expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { describeE2E, screenshot, suiteRig } from './support/rig';

type Bridge = { __bridge: { callBridge(c: string, p?: unknown): Promise<unknown> } };

describeE2E('local Jira host: Jira’s own dialogs', () => {
  const { rig } = suiteRig();

  /** Opens the Create Issue dialog from the frame; the app's onClose result lands in window.__closed. */
  const openCreate = (frame: Frame, context: Record<string, unknown>) =>
    frame.evaluate((ctx) => {
      const w = window as unknown as Bridge & { __closed?: unknown };
      return w.__bridge.callBridge('openIssueCreateModal', { data: { context: ctx, onClose: (args: unknown) => (w.__closed = args) } });
    }, context);
  const closed = (frame: Frame) => frame.evaluate(() => (window as unknown as { __closed?: unknown }).__closed);

  it('Create Issue: prefilled from the app, Bug preselected, created as the signed-in user and returned to onClose', async () => {
    const rp = await rig().newPage({ user: 'gina' });
    const frame = await rp.openIssue();
    const description = { version: 1, type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Steps here' }] }, { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Open the cart' }] }] }] }] };
    expect(await openCreate(frame, { projectId: '10000', summary: '[TC-9] Something fails', description })).toBe(true);
    const dialog = rp.page.getByRole('dialog', { name: 'Create issue' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Issue type').locator('option:checked').innerText()).toBe('Bug');
    expect(await dialog.getByLabel('Summary').inputValue()).toBe('[TC-9] Something fails');
    expect(await dialog.getByLabel('Description').inputValue()).toBe('Steps here\n\n1. Open the cart');
    // Focus is in the dialog.
    expect(await dialog.getByLabel('Summary').evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByLabel('Summary').fill('');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('Summary is required.').waitFor();
    await dialog.getByLabel('Summary').fill('[TC-9] Something fails');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => closed(frame)).toMatchObject({ payload: [{ issueId: expect.stringMatching(/^\d+$/), issueKey: expect.stringMatching(/^DEMO-\d+$/) }] });
    const { payload } = (await closed(frame)) as { payload: Array<{ issueKey: string }> };
    await rp.page.goto(`/browse/${payload[0]!.issueKey}`);
    expect(await rp.page.locator('#issue-reporter').innerText()).toBe('Gina Rossi');
    expect(await rp.page.locator('#issue-summary').innerText()).toBe('[TC-9] Something fails');
    rp.expectClean();
  });

  it('Create Issue: the app’s issue type wins; Esc cancels and onClose gets no issue', async () => {
    const rp = await rig().newPage({ user: 'alice' });
    const frame = await rp.openIssue();
    await openCreate(frame, { projectId: '10000', issueTypeId: '10003' });
    const dialog = rp.page.getByRole('dialog', { name: 'Create issue' });
    expect(await dialog.getByLabel('Issue type').locator('option:checked').innerText()).toBe('Task');
    await screenshot(rp.page, 'host-create-issue-dialog');
    await rp.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => closed(frame)).toEqual({ payload: [] });
    rp.expectClean();
  });

  it('issue view: shows the issue with its reporter; onClose runs when it closes; an issue key is required', async () => {
    const rp = await rig().newPage({ user: 'bob', theme: 'dark' });
    const frame = await rp.openIssue();
    await frame.evaluate(() => {
      const w = window as unknown as Bridge & { __closed?: unknown };
      return w.__bridge.callBridge('openIssueViewModal', { data: { context: { issueKey: 'DEMO-3' }, onClose: () => (w.__closed = 'closed') } });
    });
    const dialog = rp.page.getByRole('dialog', { name: /^DEMO-3:/ });
    await dialog.locator('dd', { hasText: 'Alice Martin' }).waitFor();
    await screenshot(rp.page, 'host-view-issue-dialog-dark');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => closed(frame)).toBe('closed');
    const refused = await frame.evaluate(() =>
      (window as unknown as Bridge).__bridge.callBridge('openIssueViewModal', { data: { context: {} } }).then(() => 'opened', (e: Error) => e.message),
    );
    expect(refused).toMatch(/issueKey is required/);
    rp.expectClean();
  });

  it('the issue page works in a 400 px window: one column, the panel as wide as the window allows', async () => {
    const rp = await rig().newPage({ user: 'alice' });
    await rp.page.setViewportSize({ width: 400, height: 800 });
    await rp.page.goto('/browse/DEMO-1');
    await rp.appFrame();
    expect(await rp.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    const frameBox = (await rp.page.locator('iframe.forge-frame').boundingBox())!;
    expect(frameBox.width).toBeGreaterThanOrEqual(360);
    await screenshot(rp.page, 'host-issue-400px');
    rp.expectClean();
  });
});
