/**
 * The Test coverage page at 40 and at 5,000 issues, in headless Chromium through the local runtime
 * (the bundled backend in Forge's sandbox), with TestKase, Forge storage and Jira latencies injected:
 * the time from the frame's navigation start to the first rows of the table, and to the whole scope
 * loaded ("All … issues of this scope are loaded."), with the invokes and the requests it took.
 *
 * Release 3.8 is the local world's (~40 issues); the 5,000 come from `growCoverageScope`, the same
 * growth `npm run grow:coverage` makes. Keys: coverage.firstRowsMs.n40, coverage.firstRowsMs.n5000,
 * coverage.completeMs.n5000 (bench/results.json). The goal: first rows at 5,000 ≤ 2 × at 40.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../dev/chromium';
import { startRuntime } from '../dev/runtime';
import { projectPagePath } from '../dev/runtime/fixtures';
import { growCoverageScope } from '../dev/runtime/grow-coverage';
import { saveToken, type Latencies } from './browser';
import { median, round } from './stats';

export const COVERAGE_GOAL = { firstRows5000vs40: 2 };

export interface CoverageLoad {
  issues: number;
  firstRowsMs: number;
  completeMs: number;
  invokes: number;
  testkaseRequests: number;
  jiraCalls: number;
  largestAnswerKB: number;
}

export interface CoverageResult {
  firstRowsMs: { n40: number; n5000: number };
  completeMs: { n40: number; n5000: number };
  ratio5000vs40: number;
  n40: CoverageLoad;
  n5000: CoverageLoad;
  jiraLatencyMs: number;
}

/** Notes, in the coverage frame's clock, when the first row shows and when the progress says the scope is complete. */
const PROBE = `(() => {
  if (!location.pathname.includes('/resource/')) return;
  const check = () => {
    if (window.__tkFirstRowAt === undefined && document.querySelector('.coverage-table tbody tr')) window.__tkFirstRowAt = performance.now();
    const progress = document.querySelector('.coverage-progress');
    if (window.__tkCompleteAt === undefined && progress && /^All /.test(progress.textContent || '')) window.__tkCompleteAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

export async function measureCoverage(options: Latencies & { runs: number; jiraLatencyMs: number; log?: (line: string) => void }): Promise<CoverageResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tk-bench-coverage-'));
  let jiraCalls = 0;
  const rt = await startRuntime({
    port: 0,
    simPort: 0,
    dataDir,
    quiet: true,
    coverageDemo: true,
    kvsLatencyMs: options.kvsLatencyMs,
    jiraLatencyMs: options.jiraLatencyMs,
    log: (line) => {
      if (line.startsWith('[jira-local]')) jiraCalls += 1;
    },
  });
  const browser = await launchChromium();
  try {
    rt.sim.admin.setRateLimit({ limit: 0, windowSeconds: 60 });
    const grown = await growCoverageScope({ hostUrl: rt.url, simUrl: rt.sim.url }, { issues: 5_000 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    await saveToken(page, rt);
    rt.sim.admin.addFault({ latencyMs: options.latencyMs });

    const load = async (versionId: string) => {
      rt.sim.admin.clearRequests();
      jiraCalls = 0;
      const invokesBefore = rt.events.invokes.length;
      await page.goto(`${rt.url}${projectPagePath(rt.manifest, 'DEMO')}/version/${versionId}?user=alice`);
      const handle = await page.waitForSelector('iframe[data-module="project-page"]', { timeout: 30_000 });
      const frame = (await handle.contentFrame())!;
      await frame.waitForFunction(() => (globalThis as unknown as { __tkCompleteAt?: number }).__tkCompleteAt !== undefined, undefined, { timeout: 120_000 });
      const t = await frame.evaluate(() => {
        const w = globalThis as unknown as { __tkFirstRowAt: number; __tkCompleteAt: number };
        return { first: w.__tkFirstRowAt, complete: w.__tkCompleteAt };
      });
      const invokes = rt.events.invokes.slice(invokesBefore);
      const issues = Number(/All ([\d,]+) issues/.exec((await frame.locator('.coverage-progress').innerText()).replace(/,/g, ''))?.[1] ?? 0);
      return { issues, firstRowsMs: t.first, completeMs: t.complete, invokes: invokes.length, testkaseRequests: rt.sim.admin.requests().length, jiraCalls, largestAnswerKB: Math.round(Math.max(0, ...invokes.map((i) => i.bytes)) / 1024) };
    };
    const measure = async (versionId: string): Promise<CoverageLoad> => {
      await load(versionId); // browser cache, JIT, the sandbox and the connection caches warm, not counted
      const runs: CoverageLoad[] = [];
      for (let i = 0; i < options.runs; i++) runs.push(await load(versionId));
      const mid = [...runs].sort((a, b) => a.firstRowsMs - b.firstRowsMs)[Math.floor(runs.length / 2)]!;
      return { ...mid, firstRowsMs: round(median(runs.map((r) => r.firstRowsMs))), completeMs: round(median(runs.map((r) => r.completeMs))) };
    };
    const n40 = await measure('10010');
    options.log?.(`coverage n40: first rows ${n40.firstRowsMs} ms, complete ${n40.completeMs} ms`);
    const n5000 = await measure(grown.versionId);
    options.log?.(`coverage n5000: first rows ${n5000.firstRowsMs} ms, complete ${n5000.completeMs} ms`);
    return {
      firstRowsMs: { n40: n40.firstRowsMs, n5000: n5000.firstRowsMs },
      completeMs: { n40: n40.completeMs, n5000: n5000.completeMs },
      ratio5000vs40: round(n5000.firstRowsMs / n40.firstRowsMs, 2),
      n40,
      n5000,
      jiraLatencyMs: options.jiraLatencyMs,
    };
  } finally {
    await browser.close();
    await rt.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The bench's table rows for the coverage page. */
export function coverageRows(c: CoverageResult): Array<[string, string, string]> {
  const ok = c.ratio5000vs40 <= COVERAGE_GOAL.firstRows5000vs40;
  return [
    [`coverage page: release of 40 issues (Jira latency ${c.jiraLatencyMs} ms)`, `first rows ${c.firstRowsMs.n40} ms, all ${c.completeMs.n40} ms; ${c.n40.invokes} invokes, ${c.n40.jiraCalls} Jira calls, ${c.n40.testkaseRequests} TestKase requests`, ''],
    ['coverage page: scope of 5,000 issues', `first rows ${c.firstRowsMs.n5000} ms, all ${c.completeMs.n5000} ms; ${c.n5000.invokes} invokes, ${c.n5000.jiraCalls} Jira calls, ${c.n5000.testkaseRequests} TestKase requests, largest answer ${c.n5000.largestAnswerKB} KB`, `first rows ≤ ${COVERAGE_GOAL.firstRows5000vs40} × at 40 (${c.ratio5000vs40}) ${ok ? 'ok' : 'MISSED'}`],
  ];
}
