/**
 * The issue panel in headless Chromium through the local runtime (the bundled backend in Forge's
 * sandbox), with injected TestKase and storage latencies: time from the frame's navigation start to
 * the linked test cases being visible (cold: first render after a save; warm: caches in place),
 * what ran on the critical path (invokes, storage round trips, TestKase requests) and the bytes
 * loaded before the first data render.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../dev/chromium';
import type { PlatformCall } from '../dev/forge/functions';
import { startRuntime, type Runtime } from '../dev/runtime';
import { frameOf, probeVisible, saveToken, type Latencies } from './browser';
import { STATIC_DIST } from './panel-js';
import { median, p95, round, sequentialRoundTrips } from './stats';

/** A linked test case row in the Test Cases tab: what "the first data is visible" means (kept or fresh). */
export const LINKED_ROW = '.case-list .case-row';
/** A row of the fresh answer: a kept copy's rows sit in a disabled fieldset until it arrives (issue 23). */
export const FRESH_ROW = `fieldset.gate:not([disabled]) ${LINKED_ROW}`;

export interface LoadStats {
  /** Navigation start → the fresh answer's rows. */
  loadMs: { p50: number; p95: number };
  /** Navigation start → the first rows on screen: the kept copy's on a warm render, else the fresh ones. */
  firstRowsMs: { p50: number; p95: number };
  /** Invokes the panel made before the linked cases were visible (median run). */
  invokes: number;
  /** TestKase requests before the first data, and how many of them ran one after another. */
  testkaseRequests: number;
  testkaseRoundTrips: number;
  routes: string[];
  /** Storage calls before the first data, and how many round trips one after another they took. */
  storageCalls: number;
  storageRoundTrips: number;
  /** Token validations (whoAmI / project list) on the critical path. */
  revalidations: number;
}

export interface PanelResult {
  warm: LoadStats;
  cold: LoadStats;
  /** The app's own files (static/dist, e.g. assets/index-….js) the frame fetched before its first data render. */
  initialFiles: string[];
}

interface Run {
  ms: number;
  firstRowsMs: number;
  /** Wall clock (epoch ms) of the navigation start and of the first data. */
  startEpoch: number;
  visibleEpoch: number;
  invokes: number;
  requests: Array<{ route: string | null; startMs: number; endMs: number }>;
  storage: Array<[number, number]>;
}

/**
 * `issueContext: false` (the default) measures the panel alone on the issue page, as the frame floor
 * is measured; `true` puts the UI Kit issue context module beside it, as the manifest does in Jira,
 * and then the counts are the page's (both modules' invokes, storage calls and TestKase requests).
 */
export async function measurePanel(options: Latencies & { runs: number; issueContext?: boolean }): Promise<PanelResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tk-bench-'));
  const storage: PlatformCall[] = [];
  const rt: Runtime = await startRuntime({
    port: 0,
    simPort: 0,
    dataDir,
    quiet: true,
    kvsLatencyMs: options.kvsLatencyMs,
    onPlatformCall: (c) => storage.push(c),
    withoutIssueContext: !options.issueContext,
  });
  const browser = await launchChromium();
  try {
    rt.sim.admin.setRateLimit({ limit: 0, windowSeconds: 60 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(probeVisible(LINKED_ROW));
    await context.addInitScript(probeVisible(FRESH_ROW, '__tkFresh'));
    const page = await context.newPage();

    const load = async (): Promise<Run> => {
      rt.sim.admin.clearRequests();
      storage.length = 0;
      const invokesBefore = rt.events.invokes.length;
      await page.goto(`${rt.url}/browse/DEMO-1?user=alice`);
      const frame = await frameOf(page);
      await frame.waitForSelector(FRESH_ROW, { timeout: 30_000 });
      const t = await frame.evaluate(() => {
        const w = globalThis as unknown as { __tkVisibleAt: number; __tkFreshAt: number; __tkFreshEpoch: number };
        return { ms: w.__tkFreshAt, firstRowsMs: w.__tkVisibleAt, visibleEpoch: w.__tkFreshEpoch, startEpoch: performance.timeOrigin };
      });
      const invokes = rt.events.invokes.slice(invokesBefore).filter((i) => options.issueContext || i.moduleKey === 'testkase-issue-panel');
      const toEpoch = (ms: number) => performance.timeOrigin + ms;
      return {
        ms: t.ms,
        firstRowsMs: t.firstRowsMs,
        startEpoch: t.startEpoch,
        visibleEpoch: t.visibleEpoch,
        invokes: invokes.length,
        requests: rt.sim.admin.requests().map((r) => ({ route: r.route, startMs: r.startMs, endMs: r.startMs + r.ms })),
        storage: storage.filter((c) => c.type === 'kvs').map((c) => [toEpoch(c.startMs), toEpoch(c.endMs)] as [number, number]),
      };
    };

    rt.sim.admin.addFault({ latencyMs: options.latencyMs });
    await saveToken(page, rt);
    await load(); // browser cache, JIT and sandbox warm-up, not counted

    const warm: Run[] = [];
    const cold: Run[] = [];
    for (let i = 0; i < options.runs; i++) {
      await saveToken(page, rt);
      cold.push(await load());
      warm.push(await load());
    }
    return { warm: stats(warm), cold: stats(cold), initialFiles: await fetchedBeforeFirstData(page) };
  } finally {
    await browser.close();
    await rt.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function stats(runs: Run[]): LoadStats {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  const before = (end: number) => end <= mid.visibleEpoch && end >= mid.startEpoch;
  const requests = mid.requests.filter((r) => before(r.endMs));
  const storage = mid.storage.filter(([, end]) => before(end));
  const ms = runs.map((r) => r.ms);
  return {
    loadMs: { p50: round(median(ms)), p95: round(p95(ms)) },
    firstRowsMs: { p50: round(median(runs.map((r) => r.firstRowsMs))), p95: round(p95(runs.map((r) => r.firstRowsMs))) },
    invokes: mid.invokes,
    testkaseRequests: requests.length,
    testkaseRoundTrips: sequentialRoundTrips(requests.map((r) => [r.startMs, r.endMs])),
    routes: requests.map((r) => String(r.route)),
    storageCalls: storage.length,
    storageRoundTrips: sequentialRoundTrips(storage),
    revalidations: requests.filter((r) => r.route === 'whoAmI' || r.route === 'userProjects').length,
  };
}

/**
 * The app's JS and CSS files the panel frame fetched before its first data render (Resource Timing),
 * as paths in static/dist: what bench/panel-js.ts's count is checked against.
 */
async function fetchedBeforeFirstData(page: Page): Promise<string[]> {
  const frame = await frameOf(page);
  const names = await frame.evaluate(() => {
    const visible = (globalThis as unknown as { __tkVisibleAt: number }).__tkVisibleAt;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= visible && /\.(js|css)(\?|$)/.test(e.name))
      .map((e) => e.name);
  });
  const files = new Set(readdirSync(join(STATIC_DIST, 'assets')));
  // The host's bridge script and theme sheet are not the app's.
  const own = names.map((url) => basename(new URL(url).pathname)).filter((file) => files.has(file));
  return [...new Set(own)].map((file) => `assets/${file}`).sort();
}
