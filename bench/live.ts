/**
 * Live updates (issue 23): two users in two browser contexts on DEMO-1; A records a result (the
 * resolver's executeTest, as the run form sends it), B's open panel shows it without a reload, through
 * the local host's Forge Realtime emulation. Measured from A's call to the row in B's panel saying the
 * new status (so it includes A's write); the median of `tries` alternating Pass/Fail results.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { launchChromium } from '../dev/chromium';
import { startRuntime, type Runtime } from '../dev/runtime';
import { frameOf, type Latencies } from './browser';
import { FRESH_ROW } from './panel';
import { median, round } from './stats';

export interface LiveResult {
  updateMs: number;
  updateMaxMs: number;
  tries: number;
  /** Realtime operations of the whole run (sign, subscribe, publish) and how many were refused. */
  realtimeOps: number;
  realtimeRefused: number;
}

type Bridge = { callBridge(c: string, p: unknown): Promise<{ ok: boolean; data?: unknown }> };

async function openAs(browser: Browser, rt: Runtime, user: 'alice' | 'bob'): Promise<Frame> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const token = rt.sim.admin.createToken({ user, name: 'bench live', days: 30 }).token;
  await page.goto(`${rt.globalPageUrl}?user=${user}`);
  const settings = await frameOf(page);
  await settings.waitForFunction(() => (globalThis as { __bridge?: unknown }).__bridge !== undefined);
  const saved = await settings.evaluate(async (t) => (await (globalThis as unknown as { __bridge: Bridge }).__bridge.callBridge('invoke', { functionKey: 'savePat', payload: { token: t } })).ok, token);
  if (!saved) throw new Error(`saving ${user}'s benchmark token failed`);
  await page.goto(`${rt.url}/browse/DEMO-1?user=${user}`);
  const frame = await frameOf(page);
  await frame.waitForSelector(FRESH_ROW, { timeout: 30_000 });
  return frame;
}

export async function measureLive(options: Latencies & { tries: number }): Promise<LiveResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tk-bench-live-'));
  const rt = await startRuntime({ port: 0, simPort: 0, dataDir, quiet: true, kvsLatencyMs: options.kvsLatencyMs });
  const browser = await launchChromium();
  try {
    rt.sim.admin.setRateLimit({ limit: 0, windowSeconds: 60 });
    rt.sim.admin.addFault({ latencyMs: options.latencyMs });
    const a = await openAs(browser, rt, 'alice');
    const b = await openAs(browser, rt, 'bob');
    const cycleId = await a.evaluate(async () => {
      const r = await (globalThis as unknown as { __bridge: Bridge }).__bridge.callBridge('invoke', { functionKey: 'listCycles', payload: {} });
      return (r.data as { items: Array<{ id: string; isMaster: boolean }> }).items.find((c) => c.isMaster)!.id;
    });
    const times: number[] = [];
    for (let i = 0; i < options.tries + 1; i++) {
      const status = i % 2 === 0 ? 'PASS' : 'FAIL';
      const t0 = Date.now();
      const recorded = await a.evaluate(
        async ({ cycleId, status }) => (await (globalThis as unknown as { __bridge: Bridge }).__bridge.callBridge('invoke', { functionKey: 'executeTest', payload: { cycleId, testCaseId: 'TC-2', status } })).ok,
        { cycleId, status },
      );
      if (!recorded) throw new Error('recording the benchmark result failed');
      await b.waitForFunction((s) => document.querySelector<HTMLElement>('[data-case="TC-2"] .case-meta')?.innerText.includes(s) === true, status, { timeout: 30_000 });
      if (i > 0) times.push(Date.now() - t0); // the first is a warm-up
    }
    const ops = rt.realtime.log;
    return { updateMs: round(median(times)), updateMaxMs: Math.max(...times), tries: times.length, realtimeOps: ops.length, realtimeRefused: ops.filter((o) => !o.ok).length };
  } finally {
    await browser.close();
    await rt.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
