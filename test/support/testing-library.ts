/**
 * Setup of every test file. In component tests (jsdom), testing-library's findBy/waitFor wait up to
 * DOM_WAIT_MS for lazy-loaded chunks and async state: a limit that turns a hang into a failure, never
 * a speed check. Measured with `npm run test:timings` (beside two CPU-bound processes, the 2-core
 * machine also busy with other work): the slowest single wait, Bulk's 120 rendered rows, took 1.6 s
 * at load average 10 and more than 5.4 s at 15-22 (where the old 5 s limit failed it); the next
 * slowest 4.3 s. Measuring lifts the limit (TESTKASE_TIMINGS=1). Files without a DOM skip the import.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll } from 'vitest';

const DOM_WAIT_MS = process.env.TESTKASE_TIMINGS === '1' ? 600_000 : 20_000;

if (typeof document !== 'undefined') {
  const { configure, getConfig } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: DOM_WAIT_MS });
  if (process.env.TESTKASE_TIMINGS === '1') {
    // Each wait goes through the asyncWrapper the renderer's testing library installs on import (its
    // `act`): once the test file has loaded, time it (test/support/timing-reporter.ts reads these).
    beforeAll(() => {
      const config = getConfig(); // configure() replaces the object: this one keeps the renderer's wrapper
      const inner = (cb: () => unknown) => config.asyncWrapper(cb);
      const dir = join(import.meta.dirname, '../../test-results/waits');
      configure({
        asyncWrapper: async (cb) => {
          const at = (new Error().stack ?? '').split('\n').find((l) => l.includes('/test/') && !l.includes('/support/') && !l.includes('node_modules')) ?? '';
          const started = performance.now();
          try {
            return await inner(cb);
          } finally {
            mkdirSync(dir, { recursive: true });
            const where = at.replace(/^.*\/(test\/[^:)]+:\d+).*$/, '$1').trim();
            appendFileSync(join(dir, `${process.pid}-dom.jsonl`), `${JSON.stringify({ ms: performance.now() - started, what: 'testing-library wait', where })}\n`);
          }
        },
      });
    });
  }
}
