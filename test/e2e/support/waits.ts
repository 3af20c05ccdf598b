/**
 * With TESTKASE_TIMINGS=1 (`npm run test:timings`), times every browser wait of the e2e suites — a
 * locator's waitFor and actions (which wait for their element), frame and page waits, navigations —
 * and appends each to test-results/waits/<pid>.jsonl for the timing reporter
 * (test/support/timing-reporter.ts). That is what E2E_WAIT_MS (rig.ts) was set from.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const ON = process.env.TESTKASE_TIMINGS === '1';
const DIR = join(import.meta.dirname, '../../../test-results/waits');
let patched = false;

const LOCATOR = ['waitFor', 'click', 'fill', 'press', 'check', 'selectOption', 'hover', 'focus', 'textContent', 'innerText', 'inputValue'];
const FRAME = ['waitForFunction', 'waitForSelector', 'waitForLoadState', 'waitForURL', 'goto'];
const PAGE = ['waitForFunction', 'waitForSelector', 'waitForLoadState', 'waitForURL', 'goto', 'reload', 'waitForEvent'];

/** The test line that waited (the first stack frame in a test file, else in the rig). */
function caller(): string {
  const lines = (new Error().stack ?? '').split('\n').slice(2);
  const at = lines.find((l) => l.includes('/test/e2e/') && !l.includes('/support/')) ?? lines.find((l) => l.includes('/test/e2e/')) ?? '';
  return at.replace(/^.*\/(test\/e2e\/[^:)]+:\d+).*$/, '$1').trim();
}

function wrap(proto: Record<string, unknown>, names: string[], kind: string): void {
  for (const name of names) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    proto[name] = async function (this: unknown, ...args: unknown[]) {
      const where = caller();
      const started = performance.now();
      try {
        return await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
      } finally {
        mkdirSync(DIR, { recursive: true });
        appendFileSync(join(DIR, `${process.pid}.jsonl`), `${JSON.stringify({ ms: performance.now() - started, what: `${kind}.${name}`, where })}\n`);
      }
    };
  }
}

/** Called with each new page; patches playwright's classes once per process. */
export function measureWaits(page: Page): void {
  if (!ON || patched) return;
  patched = true;
  wrap(Object.getPrototypeOf(page.locator('body')) as Record<string, unknown>, LOCATOR, 'locator');
  wrap(Object.getPrototypeOf(page.mainFrame()) as Record<string, unknown>, FRAME, 'frame');
  wrap(Object.getPrototypeOf(page) as Record<string, unknown>, PAGE, 'page');
}
