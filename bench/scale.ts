/**
 * How the cost grows with a real project's data: linked tests per issue (10, 100, 1,000, 5,000), cycles
 * per project (10, 100, 1,000) and results in one cycle (5,000), each seeded in the simulator
 * (`grow`). For each: time to the first data, invokes, TestKase requests, the answer's bytes (Forge
 * caps an invoke answer at 5 MB) and rows shown — and what the panel says when it cannot show all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launchChromium } from '../dev/chromium';
import { startRuntime, type Runtime } from '../dev/runtime';
import { frameOf, probeVisible, saveToken, type Latencies } from './browser';
import { FRESH_ROW } from './panel';
import { median, round } from './stats';

/** What "the first data" is in each view. */
const CYCLE_ROW = '.cycle-list .cycle-row';
const EXECUTION_ROW = '.exec-list .exec-row';
/** The sentence a list shows when it holds fewer items than there are. */
/** What the panel says when it shows part of a list: the backend's cap, and rows paged behind a button. */
const PARTIAL = /showing (?:the first )?[\d,]+ of [\d,]+[^.]*|[\d,]+ not shown yet/gi;

export interface ScaleRow {
  kind: 'linkedTests' | 'cycles' | 'executions';
  n: number;
  firstDataMs: number;
  invokes: number;
  testkaseRequests: number;
  responseBytes: number;
  rows: number;
  /** What the panel says when it does not show everything ('' when it shows all). */
  note: string;
}

const SEEDED_LINKED_TO_DEMO_2 = 2;

export async function measureScale(options: Latencies & { runs: number }): Promise<ScaleRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tk-bench-scale-'));
  const rt = await startRuntime({ port: 0, simPort: 0, dataDir, quiet: true, kvsLatencyMs: options.kvsLatencyMs, withoutIssueContext: true });
  const browser = await launchChromium();
  const rows: ScaleRow[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The fresh answer's rows: a kept copy (issue 23) would otherwise be timed for the smaller lists.
    await context.addInitScript(probeVisible(FRESH_ROW, '__tkFresh'));
    const page = await context.newPage();
    const fresh = async (grow: Parameters<Runtime['sim']['admin']['grow']>[0]) => {
      rt.sim.admin.reset();
      rt.sim.admin.setRateLimit({ limit: 0, windowSeconds: 60 });
      const grown = rt.sim.admin.grow(grow);
      await saveToken(page, rt);
      rt.sim.admin.addFault({ latencyMs: options.latencyMs });
      return grown;
    };

    for (const n of [10, 100, 1_000, 5_000]) {
      await fresh({ testCases: n - SEEDED_LINKED_TO_DEMO_2, linkedTo: 'DEMO-2' });
      const measured = await repeat(options.runs, async () => {
        const before = counters(rt);
        await page.goto(`${rt.url}/browse/DEMO-2?user=alice`);
        const frame = await frameOf(page);
        await frame.waitForSelector(FRESH_ROW, { timeout: 60_000 });
        const ms = await frame.evaluate(() => (globalThis as unknown as { __tkFreshAt: number }).__tkFreshAt);
        return { ms, ...(await after(rt, before, frame, FRESH_ROW)) };
      });
      rows.push({ kind: 'linkedTests', n, ...measured });
    }

    for (const n of [10, 100, 1_000]) {
      await fresh({ cycles: n });
      const measured = await repeat(options.runs, async () => {
        const frame = await openPanel(page, rt, 'DEMO-1');
        const before = counters(rt);
        const ms = await timeTo(frame, CYCLE_ROW, () => frame.getByRole('tab', { name: 'Test Cycles' }).click());
        return { ms, ...(await after(rt, before, frame, CYCLE_ROW)) };
      });
      rows.push({ kind: 'cycles', n, ...measured });
    }

    const n = 5_000;
    await fresh({ testCases: n - SEEDED_LINKED_TO_DEMO_2, linkedTo: 'DEMO-2', cycles: 1, resultsPerCycle: n });
    const measured = await repeat(options.runs, async () => {
      const frame = await openPanel(page, rt, 'DEMO-2');
      await frame.getByRole('tab', { name: 'Test Cycles' }).click();
      const open = frame.getByRole('button', { name: /Open cycle Generated cycle 1/ });
      await open.waitFor({ timeout: 60_000 });
      const before = counters(rt);
      const ms = await timeTo(frame, EXECUTION_ROW, () => open.click());
      return { ms, ...(await after(rt, before, frame, EXECUTION_ROW)) };
    });
    rows.push({ kind: 'executions', n, ...measured });
    return rows;
  } finally {
    await browser.close();
    await rt.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function openPanel(page: Page, rt: Runtime, issue: string): Promise<Frame> {
  await page.goto(`${rt.url}/browse/${issue}?user=alice`);
  const frame = await frameOf(page);
  await frame.getByRole('tablist').waitFor({ timeout: 60_000 });
  return frame;
}

/** Milliseconds (frame clock) from `action` to the first element matching `selector`. */
async function timeTo(frame: Frame, selector: string, action: () => Promise<void>): Promise<number> {
  await frame.evaluate((sel) => {
    const w = globalThis as unknown as { __tkAt?: number };
    delete w.__tkAt;
    new MutationObserver((_, observer) => {
      if (document.querySelector(sel)) {
        w.__tkAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  const t0 = await frame.evaluate(() => performance.now());
  await action();
  await frame.waitForSelector(selector, { timeout: 60_000 });
  const t1 = await frame.evaluate(() => (globalThis as unknown as { __tkAt?: number }).__tkAt ?? performance.now());
  return t1 - t0;
}

const counters = (rt: Runtime) => {
  rt.sim.admin.clearRequests();
  return { invokes: rt.events.invokes.length };
};

async function after(rt: Runtime, before: { invokes: number }, frame: Frame, rowSelector: string) {
  const invokes = rt.events.invokes.slice(before.invokes);
  const text = await frame.evaluate(() => document.body.innerText);
  return {
    invokes: invokes.length,
    testkaseRequests: rt.sim.admin.requests().length,
    responseBytes: Math.max(0, ...invokes.map((i) => i.bytes)),
    rows: await frame.locator(rowSelector).count(),
    note: (text.match(PARTIAL) ?? []).join('; '),
  };
}

/** The median run of `measure` (by time), after one warm-up run. */
async function repeat<T extends { ms: number }>(runs: number, measure: () => Promise<T>): Promise<Omit<T, 'ms'> & { firstDataMs: number }> {
  await measure();
  const all: T[] = [];
  for (let i = 0; i < runs; i++) all.push(await measure());
  const mid = [...all].sort((a, b) => a.ms - b.ms)[Math.floor(all.length / 2)]!;
  const { ms: _ms, ...rest } = mid;
  return { ...rest, firstDataMs: round(median(all.map((r) => r.ms))) };
}
