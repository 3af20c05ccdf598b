/**
 * Measures what the suite's timeouts bound (`npm run test:timings`): every test's duration, every
 * hook's, and — from the e2e rig (TESTKASE_TIMINGS=1, test/e2e/support/waits.ts) — every browser
 * wait's. Writes test-results/timings.json and prints the slowest of each, so that each timeout in the
 * tests can say what it was set from. Records only: nothing here fails a test.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reporter, ReportedHookContext, TestCase } from 'vitest/node';

const OUT = join(import.meta.dirname, '../../test-results');
const WAITS_DIR = join(OUT, 'waits');

interface Timing {
  ms: number;
  what: string;
  where: string;
}

export default class TimingReporter implements Reporter {
  private readonly tests: Timing[] = [];
  private readonly hooks: Timing[] = [];
  private readonly started = new Map<string, number>();

  onInit(): void {
    rmSync(WAITS_DIR, { recursive: true, force: true });
    mkdirSync(WAITS_DIR, { recursive: true });
  }

  onTestCaseResult(test: TestCase): void {
    const ms = test.diagnostic()?.duration;
    if (ms !== undefined) this.tests.push({ ms, what: test.fullName, where: relative(join(OUT, '..'), test.module.moduleId) });
  }

  private hookKey(hook: ReportedHookContext): string {
    return `${hook.name} ${hook.entity.id}`;
  }

  onHookStart(hook: ReportedHookContext): void {
    this.started.set(this.hookKey(hook), performance.now());
  }

  onHookEnd(hook: ReportedHookContext): void {
    const start = this.started.get(this.hookKey(hook));
    if (start === undefined) return;
    const entity = hook.entity;
    const name = entity.type === 'module' ? '(file)' : entity.fullName;
    const moduleId = entity.type === 'module' ? entity.moduleId : entity.module.moduleId;
    this.hooks.push({ ms: performance.now() - start, what: `${hook.name} ${name}`, where: relative(join(OUT, '..'), moduleId) });
  }

  onTestRunEnd(): void {
    const waits: Timing[] = readdirSync(WAITS_DIR).flatMap((f) =>
      readFileSync(join(WAITS_DIR, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Timing),
    );
    const slowest = (list: Timing[], n: number) => [...list].sort((a, b) => b.ms - a.ms).slice(0, n);
    const e2e = (t: Timing) => t.where.startsWith('test/e2e/');
    const report = {
      tests: slowest(this.tests.filter((t) => !e2e(t)), 15),
      e2eTests: slowest(this.tests.filter(e2e), 10),
      hooks: slowest(this.hooks.filter((t) => !e2e(t)), 10),
      e2eHooks: slowest(this.hooks.filter(e2e), 10),
      waits: slowest(waits, 15),
      counts: { tests: this.tests.length, hooks: this.hooks.length, waits: waits.length },
    };
    writeFileSync(join(OUT, 'timings.json'), JSON.stringify(report, null, 2));
    const show = (title: string, list: Timing[]) => {
      console.log(`\n${title}`);
      for (const t of list.slice(0, 6)) console.log(`  ${(t.ms / 1000).toFixed(2).padStart(7)} s  ${t.where}  ${t.what.slice(0, 110)}`);
    };
    show('Slowest tests (not e2e)', report.tests);
    show('Slowest e2e tests', report.e2eTests);
    show('Slowest hooks (not e2e)', report.hooks);
    show('Slowest e2e hooks', report.e2eHooks);
    show('Slowest waits (browser, testing-library)', report.waits);
    console.log(`\n(all in ${relative(process.cwd(), join(OUT, 'timings.json'))})`);
  }
}
