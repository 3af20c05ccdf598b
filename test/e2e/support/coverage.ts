/** What the coverage suites share: the frames of the project page and the gadgets, and viewport screenshots. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { REPO } from './rig';

/** The app's frame of a page, once its bridge is there. */
export async function frameOf(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(selector);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no frame at ${selector}`);
  await frame.waitForFunction(() => typeof (globalThis as { __bridge?: unknown }).__bridge === 'object');
  return frame;
}

/** What a person sees without scrolling (a full page at 360 px is many screens tall). */
export async function viewportShot(page: Page, name: string): Promise<void> {
  const dir = join(REPO, 'test-results/screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}
