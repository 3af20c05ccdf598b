/**
 * The load check: runs a command while CPU-bound processes spin beside it, as on a CI machine shared
 * with other work, and reports each run's wall time and the load average.
 *
 *   npm run test:loaded                          npm test -- --no-cache three times in a row beside two spinning processes
 *   tsx dev/ci/load.ts [--procs N] [--runs N] [-- command args…]
 *   tsx dev/ci/load.ts --procs 2                 only the load, until Ctrl-C (run anything beside it)
 *
 * Each spinning process is a plain `node` busy loop at normal priority: one core's worth of demand
 * that never sleeps. Exit status: 0 when every run passed, else the first failing run's status.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const n = Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name} needs a whole number, got "${process.argv[at + 1]}"`);
    process.exit(2);
  }
  return n;
}

const procs = option('--procs', 2);
const runs = option('--runs', 1);
const dash = process.argv.indexOf('--');
const command = dash >= 0 ? process.argv.slice(dash + 1) : [];

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(', ');

function startSpinners(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

function stopSpinners(spinners: ChildProcess[]): void {
  for (const s of spinners) s.kill('SIGKILL');
}

async function runOnce(n: number): Promise<{ code: number; seconds: number }> {
  const started = performance.now();
  console.log(`\n== load check: run ${n} of ${runs}: ${command.join(' ')} beside ${procs} CPU-bound processes (load average ${load()})`);
  const code = await new Promise<number>((done) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit' });
    child.on('exit', (status, signal) => done(status ?? (signal ? 128 : 1)));
    child.on('error', (e) => {
      console.error(`could not start ${command[0]}: ${e.message}`);
      done(127);
    });
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`== load check: run ${n} ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)} s (load average ${load()})`);
  return { code, seconds };
}

const spinners = startSpinners(procs);
const stop = () => {
  stopSpinners(spinners);
  process.exit(130);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

if (command.length === 0) {
  console.log(`${procs} CPU-bound processes spinning (pids ${spinners.map((s) => s.pid).join(', ')}); Ctrl-C stops them.`);
} else {
  const results: Array<{ code: number; seconds: number }> = [];
  try {
    for (let n = 1; n <= runs; n++) {
      const r = await runOnce(n);
      results.push(r);
      if (r.code !== 0) break;
    }
  } finally {
    stopSpinners(spinners);
  }
  console.log(`\n== load check: ${results.map((r, i) => `run ${i + 1} ${r.code === 0 ? 'passed' : 'FAILED'} ${r.seconds.toFixed(1)} s`).join('; ')}`);
  const failed = results.find((r) => r.code !== 0);
  process.exit(failed ? failed.code : results.length === runs ? 0 : 1);
}
