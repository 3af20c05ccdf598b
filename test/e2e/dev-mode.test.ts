/**
 * `npm run dev`, the local `forge tunnel`: the panel renders from the Vite dev server inside the local
 * Jira host under Forge's tunnel CSP, and an edit to a UI source file shows up in the open panel
 * without a reload. Runs on a copy of the UI sources, so the edit never touches the repository.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO, describeE2E, screenshot, startRig, type Rig } from './support/rig';

describeE2E('npm run dev', () => {
  let rig: Rig;
  let copy: string;

  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'tk-dev-'));
    cpSync(join(REPO, 'static'), join(copy, 'static'), { recursive: true, filter: (src) => !src.includes(`${join('static', 'dist')}`) });
    cpSync(join(REPO, 'src'), join(copy, 'src'), { recursive: true }); // the UI imports shared types and limits from src/
    symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
    rig = await startRig({ devUiRoot: join(copy, 'static') });
  });

  afterAll(async () => {
    await rig?.stop();
    rmSync(copy, { recursive: true, force: true });
  });

  it('serves the panel from the dev server and hot-reloads an edited component', async () => {
    const rp = await rig.newPage({ user: 'alice' });
    await rp.page.goto('/browse/DEMO-1');
    const frame = await rp.appFrame();
    await frame.getByText('Connect TestKase to see test cases here').waitFor();
    // Styled by the stylesheet the dev server serves (no inline <style>, which the policy blocks).
    expect(await frame.evaluate(() => getComputedStyle(document.querySelector('.message')!).paddingTop)).not.toBe('0px');
    await frame.evaluate(() => ((window as unknown as { __beforeEdit: boolean }).__beforeEdit = true));

    const file = join(copy, 'static/src/panel/ConnectionMessage.tsx');
    const source = readFileSync(file, 'utf8');
    expect(source).toContain('{words.panel.openSettings}');
    writeFileSync(file, source.replace('{words.panel.openSettings}', '{words.panel.openSettings} (edited in dev mode)'));

    await frame.getByRole('button', { name: 'Open TestKase settings (edited in dev mode)' }).waitFor();
    expect(await frame.evaluate(() => (window as unknown as { __beforeEdit?: boolean }).__beforeEdit)).toBe(true); // not reloaded
    await screenshot(rp.page, 'dev-mode-hot-reloaded');
    rp.expectClean();
  });
});
