/**
 * The issue panel in headless Chromium through the local runtime, with injected TestKase latency:
 * time from the iframe's navigation start to the linked test cases being visible (cold: first render
 * after a save; warm: caches in place), the floor (one bare invoke doing one simulator request of the
 * same latency), what ran on the critical path, and the bytes loaded before the first data render.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Frame, Page } from 'playwright-core';
import { launchChromium } from '../dev/chromium';
import { startRuntime, type Invoker, type Runtime } from '../dev/runtime';
import { median, p95, round } from './stats';

/** A linked test case row in the Test Cases tab: what "visible" means. */
const LINKED_ROW = '[role="tabpanel"] table tbody tr';

export interface LoadStats {
  loadMs: { p50: number; p95: number };
  /** Median load divided by the median floor. */
  ratio: number;
  /** Invokes issued by the panel before the linked cases were visible (median run). */
  invokes: number;
  testkaseRequests: number;
  routes: string[];
  /** Token validations (whoAmI/userProjects) on the critical path. */
  revalidations: number;
}

export interface PanelResult {
  warm: LoadStats;
  cold: LoadStats;
  floorMs: { p50: number; p95: number };
  initialJsKb: number;
  initialCssKb: number;
  initialFiles: string[];
}

// Runs in every frame before its scripts: notes when the first linked test case row appears.
const VISIBILITY_PROBE = `(() => {
  if (!location.pathname.includes('/resource/')) return;
  const check = () => {
    if (window.__tkVisibleAt === undefined && document.querySelector(${JSON.stringify(LINKED_ROW)})) {
      window.__tkVisibleAt = performance.now();
      window.__tkVisibleEpoch = performance.timeOrigin + window.__tkVisibleAt;
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

export async function measurePanel(options: { latencyMs: number; runs: number }): Promise<PanelResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tk-bench-'));
  let floorToken = '';
  // The floor: the same bridge → host path doing exactly one TestKase request, answered by the host
  // itself (no sandbox hop, so it is a lower bound of any invoke).
  let apiBaseUrl = '';
  const wrapInvoke = (real: Invoker): Invoker => async (request) => {
    const call = request.body.call as { functionKey?: string } | undefined;
    if (call?.functionKey !== '__floor') return real(request);
    const started = performance.now();
    const res = await fetch(`${apiBaseUrl}/projects/user-projects`, { headers: { authorization: `Bearer ${floorToken}` } });
    return { ok: true, body: { ok: res.ok, data: (await res.json()) as unknown }, ms: performance.now() - started };
  };
  const rt: Runtime = await startRuntime({ port: 0, simPort: 0, dataDir, quiet: true, wrapInvoke });
  apiBaseUrl = rt.sim.apiBaseUrl;
  const browser = await launchChromium();
  try {
    rt.sim.admin.setRateLimit({ limit: 0, windowSeconds: 60 });
    const token = rt.sim.admin.createToken({ user: 'alice', name: 'bench', days: 30 }).token;
    floorToken = token;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(VISIBILITY_PROBE);
    const page = await context.newPage();

    const appFrame = async (): Promise<Frame> => {
      const handle = await page.waitForSelector('iframe', { timeout: 30_000 });
      const frame = await handle.contentFrame();
      if (!frame) throw new Error('the app iframe has no frame');
      return frame;
    };
    const save = async () => {
      await page.goto(`${rt.globalPageUrl}?user=alice`);
      const frame = await appFrame();
      await frame.waitForFunction(() => (globalThis as { __bridge?: unknown }).__bridge !== undefined);
      const ok = await frame.evaluate(async (t) => {
        const r = (await (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<{ ok: boolean }> } }).__bridge.callBridge('invoke', { functionKey: 'savePat', payload: { token: t } }));
        return r.ok;
      }, token);
      if (!ok) throw new Error('saving the benchmark token failed');
    };

    type Run = { ms: number; epochVisible: number; sessionInvokes: number; requests: Array<{ route: string | null; startMs: number }> };
    const load = async (): Promise<Run> => {
      rt.sim.admin.clearRequests();
      const invokesBefore = rt.events.invokes.length;
      await page.goto(`${rt.url}/browse/DEMO-1?user=alice`);
      const frame = await appFrame();
      await frame.waitForSelector(LINKED_ROW, { timeout: 30_000 });
      const { ms, epoch } = await frame.evaluate(() => {
        const w = globalThis as unknown as { __tkVisibleAt: number; __tkVisibleEpoch: number };
        return { ms: w.__tkVisibleAt, epoch: w.__tkVisibleEpoch };
      });
      const invokes = rt.events.invokes.slice(invokesBefore).filter((i) => i.moduleKey === 'testkase-issue-panel');
      return { ms, epochVisible: epoch, sessionInvokes: invokes.length, requests: rt.sim.admin.requests().map((r) => ({ route: r.route, startMs: r.startMs })) };
    };

    rt.sim.admin.addFault({ latencyMs: options.latencyMs });
    await save();
    await load(); // browser cache and JIT warm-up, not counted

    const warm: Run[] = [];
    const cold: Run[] = [];
    for (let i = 0; i < options.runs; i++) {
      await save();
      cold.push(await load());
      warm.push(await load());
    }

    // Floor, from a loaded panel frame.
    const frame = await appFrame();
    const floor: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      floor.push(
        await frame.evaluate(async () => {
          const t0 = performance.now();
          await (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('invoke', { functionKey: '__floor', payload: {} });
          return performance.now() - t0;
        }),
      );
    }
    const floorP50 = median(floor);

    const bytes = await initialBytes(page);
    const stats = (runs: Run[]): LoadStats => {
      const sorted = [...runs].sort((a, b) => a.ms - b.ms);
      const mid = sorted[Math.floor(sorted.length / 2)]!;
      const critical = mid.requests.filter((r) => r.startMs <= mid.epochVisible);
      const ms = runs.map((r) => r.ms);
      return {
        loadMs: { p50: round(median(ms)), p95: round(p95(ms)) },
        ratio: round(median(ms) / floorP50, 2),
        invokes: mid.sessionInvokes,
        testkaseRequests: critical.length,
        routes: critical.map((r) => String(r.route)),
        revalidations: critical.filter((r) => r.route === 'whoAmI' || r.route === 'userProjects').length,
      };
    };
    return { warm: stats(warm), cold: stats(cold), floorMs: { p50: round(floorP50), p95: round(p95(floor)) }, ...bytes };
  } finally {
    await browser.close();
    await rt.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Gzip size of the JS and CSS the panel frame fetched before its first data render. */
async function initialBytes(page: Page): Promise<{ initialJsKb: number; initialCssKb: number; initialFiles: string[] }> {
  const handle = await page.waitForSelector('iframe');
  const frame = (await handle.contentFrame())!;
  const names = await frame.evaluate(() => {
    const visible = (globalThis as unknown as { __tkVisibleAt: number }).__tkVisibleAt;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= visible && /\.(js|css)(\?|$)/.test(e.name))
      .map((e) => e.name);
  });
  const dist = join(process.cwd(), 'static/dist/assets');
  const files = new Set(readdirSync(dist));
  let js = 0;
  let css = 0;
  const used: string[] = [];
  for (const url of names) {
    const file = basename(new URL(url).pathname);
    if (!files.has(file)) continue; // the host's bridge script and theme sheet are not the app's
    const size = gzipSync(readFileSync(join(dist, file))).length;
    if (file.endsWith('.js')) js += size;
    else css += size;
    used.push(file);
  }
  return { initialJsKb: round(js / 1024), initialCssKb: round(css / 1024), initialFiles: used };
}
