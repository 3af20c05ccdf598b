/**
 * `npm run bench`: how fast the panel is against its physical floor, and how the backend holds up.
 * Options (or environment): --latency ms (BENCH_LATENCY_MS, default 100), --runs n (BENCH_RUNS, 15),
 * --users n (BENCH_USERS, 50), --rounds n (BENCH_ROUNDS, 5), --no-browser (backend figures only).
 * Prints a table and writes bench/results.json. See docs/performance.md for how to read it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { startSimulator } from '../dev/testkase-sim';
import { backendHarness, measureOverhead, measureStorage, measureThroughput } from './backend';
import type { PanelResult } from './panel';

const { values } = parseArgs({
  options: {
    latency: { type: 'string' },
    runs: { type: 'string' },
    users: { type: 'string' },
    rounds: { type: 'string' },
    'no-browser': { type: 'boolean' },
  },
});
const num = (v: string | undefined, env: string, dflt: number) => {
  const n = Number(v ?? process.env[env] ?? dflt);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${env} must be a number`);
  return n;
};
const latencyMs = num(values.latency, 'BENCH_LATENCY_MS', 100);
const runs = num(values.runs, 'BENCH_RUNS', 15);
const users = num(values.users, 'BENCH_USERS', 50);
const rounds = num(values.rounds, 'BENCH_ROUNDS', 5);

const GOALS = { warmRatio: 1.25, coldRatio: 2.2, overheadP95Ms: 5, panelJsKb: 50, warmInvokes: 1, warmStorageRoundTrips: 1 };

async function main(): Promise<void> {
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
  process.stdout.write(`TestKase for Jira benchmark — TestKase latency ${latencyMs} ms, ${runs} runs, ${users} users × ${rounds} rounds\n`);
  process.stdout.write(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}\n\n`);

  // ---- backend, in-process ----
  const sim = await startSimulator({ port: 0, dataDir: null, quiet: true, rateLimit: { limit: 0, windowSeconds: 60 } });
  const b = await backendHarness(sim);
  sim.admin.addFault({ latencyMs });
  const me = 'bench-overhead';
  const token = sim.admin.createToken({ user: 'alice', name: 'bench', days: 30 }).token;
  const saved = await b.call(me, 'savePat', { token }, 'global');
  if (!saved.ok) throw new Error('could not save the benchmark token');
  await b.call(me, 'getState');
  const warmStorage = await measureStorage(b, me);
  const warmOverhead = await measureOverhead(sim, b, me, 'getState', runs);
  const coldOverhead = await measureOverhead(sim, b, me, 'getState', runs, async () => {
    await b.call(me, 'savePat', { token }, 'global');
  });
  const throughput = await measureThroughput(sim, b, users, rounds);
  b.stop();
  await sim.stop();

  // ---- the panel in headless Chromium, through the local runtime ----
  let panel: PanelResult | null = null;
  if (!values['no-browser']) panel = await (await import('./panel')).measurePanel({ latencyMs, runs });

  const results = { at: new Date().toISOString(), machine, settings: { latencyMs, runs, users, rounds }, goals: GOALS, panel, resolverOverhead: { warm: warmOverhead, cold: coldOverhead }, warmStorage, throughput };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

  const rows: Array<[string, string, string]> = [];
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  if (panel) {
    for (const kind of ['warm', 'cold'] as const) {
      const p = panel[kind];
      const goal = kind === 'warm' ? GOALS.warmRatio : GOALS.coldRatio;
      rows.push([`${kind} panel load (nav → linked cases visible)`, `median ${p.loadMs.p50} ms, p95 ${p.loadMs.p95} ms`, '']);
      rows.push([`${kind} ratio load / floor (median)`, `${p.ratio}`, `≤ ${goal} ${mark(p.ratio <= goal)}`]);
      rows.push([`${kind} invokes on the critical path`, `${p.invokes}`, kind === 'warm' ? `= ${GOALS.warmInvokes} ${mark(p.invokes === GOALS.warmInvokes)}` : '']);
      rows.push([`${kind} TestKase requests (routes)`, `${p.testkaseRequests} (${p.routes.join(', ')})`, kind === 'warm' ? `0 re-validations ${mark(p.revalidations === 0)}` : '']);
    }
    rows.push(['floor: bare invoke + 1 TestKase request', `median ${panel.floorMs.p50} ms, p95 ${panel.floorMs.p95} ms`, '']);
    rows.push(['panel JS before first data render (gzip)', `${panel.initialJsKb} KB JS + ${panel.initialCssKb} KB CSS`, `≤ ${GOALS.panelJsKb} KB ${mark(panel.initialJsKb <= GOALS.panelJsKb)}`]);
  }
  for (const kind of ['warm', 'cold'] as const) {
    const o = results.resolverOverhead[kind];
    rows.push([`resolver overhead, ${kind} getState`, `p50 ${o.overheadMs.p50} ms, p95 ${o.overheadMs.p95} ms (handler p50 ${o.handlerMs.p50} ms)`, kind === 'warm' ? `p95 ≤ ${GOALS.overheadP95Ms} ms ${mark(o.overheadMs.p95 <= GOALS.overheadP95Ms)}` : '']);
  }
  rows.push(['storage, warm getState', `${warmStorage.calls} calls in ${warmStorage.roundTrips} round trip(s)`, `= ${GOALS.warmStorageRoundTrips} round trip ${mark(warmStorage.roundTrips === GOALS.warmStorageRoundTrips)}`]);
  rows.push([`throughput: ${throughput.users} users × ${throughput.rounds} rounds`, `${throughput.requestsPerSecond} invokes/s, ${throughput.errors} errors`, `0 errors ${mark(throughput.errors === 0)}, isolation ${throughput.isolationIntact ? 'intact' : 'BROKEN'}`]);
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  for (const [a, c, d] of rows) process.stdout.write(`${a.padEnd(w[0]!)}  ${c.padEnd(w[1]!)}  ${d}\n`);
  process.stdout.write('\nwrote bench/results.json\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`benchmark failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
