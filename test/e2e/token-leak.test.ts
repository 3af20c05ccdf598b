/**
 * No token leak, end to end: a full run of the app in Chromium (two users save tokens, render panels,
 * create a test case, execute a test, hit TestKase errors, replace and delete a token; a Jira admin
 * lists every connection, checks every token and removes one) while capturing
 * every invoke response, every browser console message, the runtime's log, the function's console
 * output, the simulator's request log, the app's DOM after each step, Forge storage on disk and the
 * built UI and backend bundles. None of it may contain any token minted during the run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { BUNDLE_DIR } from '../../dev/forge/paths';
import { RESOURCE_DIR, describeE2E, saveTokenThroughUi, suiteRig, type RigPage } from './support/rig';

describeE2E('no token leak', () => {
  const minted: string[] = [];
  const captured: Array<{ where: string; text: string }> = [];
  const keep = (where: string, text: string) => captured.push({ where, text });

  const { rig } = suiteRig({
    // The backend runs in Forge's sandbox process: its console reaches the runtime log unredacted,
    // as it reaches Forge's logs, marked [function].
    log: (line) => keep(line.startsWith('[function]') ? 'function console' : 'runtime log', line),
  });

  /** Response bodies still being read: all of them are in `captured` before it is checked. */
  const bodies: Array<Promise<unknown>> = [];
  const watch = (rp: RigPage) => {
    rp.page.on('console', (m) => keep('browser console', m.text()));
    rp.page.on('pageerror', (e) => keep('browser page error', `${e.message}\n${e.stack ?? ''}`));
    rp.page.on('response', (r) => {
      if (r.url().includes('/__forge/')) bodies.push(r.text().then((t) => keep(`response ${new URL(r.url()).pathname}`, t), () => undefined));
    });
  };
  const dom = async (frame: Frame, step: string) => keep(`DOM after ${step}`, await frame.evaluate(() => document.documentElement.outerHTML));
  const mint = (user: 'alice' | 'bob' | 'gina') => {
    const t = rig().runtime.sim.admin.createToken({ user, name: 'Jira Plugin', days: 30 }).token;
    minted.push(t);
    return t;
  };
  const saveThroughUi = async (rp: RigPage, token: string, step: string) => dom(await saveTokenThroughUi(rig(), rp, token), step);

  it('never shows, returns, logs or stores a PAT anywhere but Forge’s secret storage', async () => {
    const alice = await rig().newPage({ user: 'alice' });
    const bob = await rig().newPage({ user: 'bob' });
    watch(alice);
    watch(bob);

    await saveThroughUi(alice, mint('alice'), 'alice saves');
    // Control: the app frame's console really is captured (it is cross-origin, in its own process).
    await (await alice.appFrame()).evaluate(() => console.warn('tk-console-probe'));
    await saveThroughUi(bob, mint('bob'), 'bob saves');

    let frame = await alice.openIssue();
    await frame.getByRole('tablist').waitFor();
    await frame.getByRole('button', { name: 'Create test case' }).click();
    const form = frame.getByRole('form', { name: 'Create test case' });
    await form.getByLabel('Title').fill('Leak check case');
    await form.getByRole('button', { name: 'Create' }).click();
    await frame.getByText('Leak check case').first().waitFor();
    await frame.getByRole('tab', { name: 'Test Cycles' }).click();
    await frame.getByRole('button', { name: 'Open cycle Master cycle' }).click();
    await frame.getByRole('button', { name: 'Run TC-1', exact: true }).click();
    await frame.getByRole('form', { name: 'Run TC-1', exact: true }).getByLabel('Fail', { exact: true }).check();
    await frame.getByRole('button', { name: 'Save result' }).click();
    await frame.getByText('Saved Fail for TC-1 in Master cycle.').waitFor();
    await dom(frame, 'alice executes');

    // Errors on the way: a rejected token (echoing itself back in TestKase's message would be the classic
    // leak), TestKase down during a save, a failing list.
    const rogue = 'tk_pat_' + 'L3akCheck'.repeat(5);
    minted.push(rogue);
    await saveThroughUi(bob, rogue, 'bob saves a rejected token');
    rig().runtime.sim.admin.addFault({ route: 'whoAmI', status: 503, times: 1 });
    await saveThroughUi(bob, mint('bob'), 'bob saves while TestKase is down');
    rig().runtime.sim.admin.addFault({ route: 'testCases', malformed: true, times: 3 });
    frame = await bob.openIssue();
    await frame.getByText('Linked test cases could not be loaded').waitFor();
    await dom(frame, 'bob sees a failing list');
    rig().runtime.sim.admin.clearFaults();

    // Replace and delete.
    await saveThroughUi(alice, mint('alice'), 'alice replaces');
    await bob.page.goto(rig().runtime.globalPageUrl);
    frame = await bob.appFrame();
    await frame.getByRole('button', { name: 'Delete' }).click();
    await frame.getByRole('button', { name: 'Delete token' }).click();
    await frame.getByText(/Your token was deleted/).waitFor();
    await dom(frame, 'bob deletes');

    // A Jira admin's view of everyone's connections: the listing, a check of every stored token, a removal.
    const diana = await rig().newPage({ user: 'diana' });
    watch(diana);
    await diana.page.goto(rig().runtime.adminPageUrl);
    frame = await diana.appFrame();
    await frame.getByText('Alice Martin').first().waitFor();
    await dom(frame, 'diana lists the connections');
    await frame.getByRole('button', { name: 'Check all now' }).click();
    await frame.getByText('Checked 1 token', { exact: true }).waitFor();
    await dom(frame, 'diana checks all');
    await frame.getByRole('button', { name: 'Remove the connection of Alice Martin' }).click();
    await frame.getByRole('button', { name: 'Remove connection' }).click();
    await frame.getByText(/Removed the TestKase connection of Alice Martin/).waitFor();
    await dom(frame, 'diana removes alice');

    // What is left at rest, and what was shipped.
    keep('simulator request log', JSON.stringify(rig().runtime.sim.admin.requests()));
    keep('Forge storage file', readFileSync(join(rig().dataDir, 'kvs.json'), 'utf8'));
    keep('simulator state file', readFileSync(join(rig().dataDir, 'sim', 'testkase-sim.json'), 'utf8'));
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
    for (const file of walk(RESOURCE_DIR)) keep(`bundle ${file.slice(RESOURCE_DIR.length)}`, readFileSync(file, 'utf8'));
    for (const file of walk(BUNDLE_DIR)) keep(`backend bundle ${file.slice(BUNDLE_DIR.length)}`, readFileSync(file, 'utf8'));
    await Promise.all(bodies); // the last response bodies

    // The capture is real: invoke responses and the runtime log were seen, and previews of the tokens did appear.
    expect(captured.filter((c) => c.where.endsWith('/__forge/invoke')).length).toBeGreaterThan(10);
    expect(captured.some((c) => c.where === 'runtime log')).toBe(true);
    // The admin page's answers and the Jira calls behind them were captured too.
    for (const shape of ['"counts":', '"tally":', '"removed":true', '"entries":']) {
      expect(captured.some((c) => c.where.endsWith('/__forge/invoke') && c.text.includes(shape)), shape).toBe(true);
    }
    expect(captured.some((c) => c.where === 'runtime log' && c.text.includes('[jira-local] GET /rest/api/3/user/bulk'))).toBe(true);
    // The failing list made the backend log the contract mismatch: its console really is captured.
    expect(captured.some((c) => c.where === 'function console' && c.text.includes('does not match the contract'))).toBe(true);
    expect(captured.some((c) => c.where === 'browser console' && c.text === 'tk-console-probe')).toBe(true);
    expect(captured.some((c) => c.text.includes(minted[0]!.slice(0, 11)))).toBe(true);

    const findLeaks = (items: typeof captured) => items.flatMap((c) => minted.filter((t) => c.text.includes(t) || c.text.includes(t.slice(7))).map((t) => `${c.where}: …${t.slice(-4)}`));
    expect(findLeaks([{ where: 'control', text: `Bearer ${minted[1]}` }])).toHaveLength(1); // the detector detects
    const leaks = findLeaks(captured);
    const bytes = captured.reduce((n, c) => n + c.text.length, 0);
    const kinds = new Map<string, number>();
    for (const c of captured) {
      const kind = c.where.startsWith('response') ? 'bridge responses' : c.where.startsWith('bundle') ? 'UI bundle files' : c.where.startsWith('backend bundle') ? 'backend bundle files' : c.where.startsWith('DOM') ? 'DOM snapshots' : c.where;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    console.info(`token leak check: ${minted.length} tokens × ${captured.length} captured items (${Math.round(bytes / 1024)} KB; ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}): ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
    alice.expectClean({ allowConsoleErrors: true });
    bob.expectClean({ allowConsoleErrors: true });
    diana.expectClean({ allowConsoleErrors: true });
  });
});
