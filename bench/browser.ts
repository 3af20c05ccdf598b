/** What the browser measurements share: the injected latencies, the app frame, a visibility probe. */
import type { Frame, Page } from 'playwright-core';
import type { Runtime } from '../dev/runtime';

export interface Latencies {
  /** TestKase's answer time (the simulator's latency fault). */
  latencyMs: number;
  /** Each Forge storage call's round trip (the KVS emulation's latency). */
  kvsLatencyMs: number;
}

/** The app's iframe on the local Jira page. */
export async function frameOf(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe', { timeout: 30_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the app iframe has no frame');
  return frame;
}

/**
 * An init script for every frame of the app's resource: notes (frame clock and wall clock) when the
 * first element matching `selector` appears, as `<name>At` and `<name>Epoch` on the frame's window.
 */
export function probeVisible(selector: string, name = '__tkVisible'): string {
  const at = JSON.stringify(`${name}At`);
  const epoch = JSON.stringify(`${name}Epoch`);
  return `(() => {
  if (!location.pathname.includes('/resource/')) return;
  const check = () => {
    if (window[${at}] === undefined && document.querySelector(${JSON.stringify(selector)})) {
      window[${at}] = performance.now();
      window[${epoch}] = performance.timeOrigin + window[${at}];
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;
}

/** Saves a fresh simulator token for alice through the global page's bridge, as the settings form would. */
export async function saveToken(page: Page, rt: Runtime): Promise<void> {
  const token = rt.sim.admin.createToken({ user: 'alice', name: 'bench', days: 30 }).token;
  await page.goto(`${rt.globalPageUrl}?user=alice`);
  const frame = await frameOf(page);
  await frame.waitForFunction(() => (globalThis as { __bridge?: unknown }).__bridge !== undefined);
  const ok = await frame.evaluate(async (t) => {
    const r = await (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<{ ok: boolean }> } }).__bridge.callBridge('invoke', { functionKey: 'savePat', payload: { token: t } });
    return r.ok;
  }, token);
  if (!ok) throw new Error('saving the benchmark token failed');
}
