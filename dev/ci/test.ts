/**
 * `npm test`: every check, independent ones at the same time, each skipped when what it read last
 * time is unchanged (dev/ci/steps.ts). The tests (Vitest) run as soon as the builds they use are
 * there, unless the key over everything they could read (dev/ci/repository-key.ts: the repository's
 * files, the builds, the install, Node, the variables) is the one of their last complete passing run;
 * their output streams as it comes, every other step's output is printed when it ends.
 * Exit status 1 when any step failed (the others still run, so one run reports every failure).
 *
 *   npm test                  as above
 *   npm test -- --no-cache    runs every step (and records them again)
 *
 * Scheduling on a small machine: the builds the tests need run first, all at once, and the tests
 * start the moment they are done (the critical path: the tests are the longest step). The other
 * steps (ESLint and knip, type-check, Forge lint) run beside the tests, as many at a time as there
 * are cores (TESTKASE_PIPELINE_JOBS sets another number), so the cores are never idle while the
 * tests wait on timers, simulated latency or the browser.
 */
import { availableParallelism, loadavg } from 'node:os';
import { freshness, runStep, STEPS, type RunResult, type Step } from './steps';

type Outcome = { kind: 'cached'; why: string; seconds: number; note?: string } | { kind: 'passed' | 'failed'; result: RunResult } | { kind: 'not run'; why: string };

const noCache = process.argv.includes('--no-cache');
const cores = availableParallelism();
const maxSide = Number(process.env.TESTKASE_PIPELINE_JOBS) || cores;
const started = performance.now();
const clock = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`;

/** The tests and every step they need. */
const critical = new Set<string>();
const mark = (name: string) => {
  critical.add(name);
  for (const a of STEPS.find((s) => s.name === name)!.after) mark(a);
};
mark('vitest');

// Live output goes out whole lines at a time, so a finished step's block never splits a line.
let partial = '';
const live = (chunk: string) => {
  const text = partial + chunk;
  const end = text.lastIndexOf('\n');
  if (end < 0) {
    partial = text;
    return;
  }
  process.stdout.write(text.slice(0, end + 1));
  partial = text.slice(end + 1);
};
const say = (line: string) => process.stdout.write(`${line}\n`);
function block(step: Step, result: RunResult): void {
  const status = result.ok ? 'passed' : `FAILED (exit ${result.code})`;
  const body = result.output.trimEnd();
  say(`\n── ${step.name} ${status} in ${result.seconds.toFixed(1)} s ── ${step.what}${result.notRecorded ? ` (not cached: ${result.notRecorded})` : ''}`);
  if (body) say(body.split('\n').map((l) => `   ${l}`).join('\n'));
}

async function main(): Promise<number> {
  say(`npm test: ${STEPS.length} steps on ${cores} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}${noCache ? ' (--no-cache: every step runs)' : ''}`);
  const outcomes = new Map<string, Outcome>();
  const running = new Map<string, Promise<void>>();

  // What may be skipped is known before anything runs: only a step's own inputs decide.
  for (const step of STEPS) {
    if (noCache || !step.cached) continue;
    if (step.keyed) {
      say(`${clock()}  later    ${step.name.padEnd(13)} decided once the builds it reads are settled (a key over everything it could read)`);
      continue;
    }
    const f = freshness(step);
    if (f.fresh && 'record' in f) {
      outcomes.set(step.name, { kind: 'cached', why: 'inputs unchanged', seconds: f.record.seconds });
      say(`${clock()}  cached   ${step.name.padEnd(13)} ${Object.keys(f.record.inputs.files).length} files read last time, all unchanged (it took ${f.record.seconds.toFixed(1)} s)`);
    } else if (!f.fresh) {
      say(`${clock()}  to run   ${step.name.padEnd(13)} ${f.why}`);
    }
  }

  const settled = (name: string) => outcomes.has(name) && !running.has(name);
  const okay = (name: string) => {
    const o = outcomes.get(name);
    return o?.kind === 'cached' || o?.kind === 'passed';
  };

  const start = (step: Step) => {
    say(`${clock()}  start    ${step.name.padEnd(13)} ${step.what}`);
    if (step.name === 'vitest') say('');
    const p = runStep(step, step.name === 'vitest' ? { live } : {}).then((result) => {
      if (step.name === 'vitest' && partial) live('\n');
      outcomes.set(step.name, { kind: result.ok ? 'passed' : 'failed', result });
      running.delete(step.name);
      if (step.name === 'vitest') say(`\n── vitest ${result.ok ? 'passed' : `FAILED (exit ${result.code})`} in ${result.seconds.toFixed(1)} s${result.notRecorded ? ` (not cached: ${result.notRecorded})` : ''}`);
      else block(step, result);
    });
    running.set(step.name, p);
    outcomes.set(step.name, { kind: 'not run', why: 'running' });
  };

  for (;;) {
    for (const step of STEPS) {
      if (outcomes.has(step.name)) continue;
      const failedDep = step.after.find((a) => settled(a) && !okay(a));
      if (failedDep) {
        outcomes.set(step.name, { kind: 'not run', why: `${failedDep} failed` });
        continue;
      }
      if (!step.after.every((a) => settled(a) && okay(a))) continue;
      if (!critical.has(step.name)) {
        const side = [...running.keys()].filter((n) => !critical.has(n)).length;
        const buildsForTheTests = [...critical].some((n) => n !== 'vitest' && !settled(n));
        if (buildsForTheTests || side >= maxSide) continue;
      }
      if (step.keyed && !noCache) {
        const f = freshness(step);
        if (f.fresh && 'keyed' in f) {
          const r = f.keyed;
          const at = new Date(r.passedAt);
          const when = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')} ${at.toTimeString().slice(0, 8)}`;
          outcomes.set(step.name, { kind: 'cached', why: 'same key', seconds: r.seconds, note: `passed at ${when}, ${r.tests} tests in ${r.testFiles} files` });
          say(`${clock()}  ${step.name} cached: passed at ${when} with the same inputs (${Object.keys(r.inputs.files).length} files, key ${r.key.slice(0, 12)}…), it took ${r.seconds.toFixed(1)} s`);
          continue;
        }
        say(`${clock()}  to run   ${step.name.padEnd(13)} ${f.fresh ? 'fresh' : f.why}`);
      }
      start(step);
    }
    if (running.size === 0) break;
    await Promise.race(running.values());
  }

  say(`\n${'step'.padEnd(14)}${'result'.padEnd(10)}time`);
  for (const step of STEPS) {
    const o = outcomes.get(step.name)!;
    const time = o.kind === 'cached' ? `skipped (${o.note ? `${o.why}: ${o.note}` : 'inputs unchanged'}; it took ${o.seconds.toFixed(1)} s)` : o.kind === 'not run' ? o.why : `${o.result.seconds.toFixed(1)} s${o.result.notRecorded ? ` (not cached: ${o.result.notRecorded})` : ''}`;
    say(`${step.name.padEnd(14)}${(o.kind === 'failed' ? 'FAILED' : o.kind).padEnd(10)}${time}`);
  }
  const failed = STEPS.filter((s) => outcomes.get(s.name)?.kind === 'failed' || outcomes.get(s.name)?.kind === 'not run');
  const total = ((performance.now() - started) / 1000).toFixed(1);
  if (failed.length > 0) {
    say(`\nnpm test FAILED in ${total} s: ${failed.map((s) => `${s.name} (${outcomes.get(s.name)!.kind === 'failed' ? 'failed, its output is above' : (outcomes.get(s.name) as { why: string }).why})`).join(', ')}`);
    return 1;
  }
  say(`\nnpm test passed in ${total} s (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`npm test could not run its steps: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(2);
  },
);
