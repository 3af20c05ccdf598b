/**
 * `npm run bench:trace`: where a warm getState spends its time, call by call. Runs the resolver in-process
 * (as the overhead row of `npm run bench` does) with the simulator on its own thread, and prints the
 * timeline of the median call and of the slowest ones: each storage call (at the `__forge_fetch__` seam),
 * each TestKase request as the handler's fetch saw it (call → response headers) and as the simulator saw
 * it (its own start and duration), relative to the handler's start.
 *   --latency ms (TestKase latency, default 100)   --calls n (default 200)   --slowest n (default 3)
 */
import { parseArgs } from 'node:util';
import { backendHarness } from './backend';
import { startSimThread } from './sim-thread';
import { unionLength } from './stats';

const { values } = parseArgs({ options: { latency: { type: 'string' }, calls: { type: 'string' }, slowest: { type: 'string' } } });
const latencyMs = Number(values.latency ?? 100);
const calls = Number(values.calls ?? 200);
const slowest = Number(values.slowest ?? 3);

type Span = { what: string; start: number; end: number };
const now = () => performance.timeOrigin + performance.now();

let spans: Span[] = [];

const sim = await startSimThread({ rateLimit: { limit: 0, windowSeconds: 60 } });
const b = await backendHarness(sim);
await sim.admin.addFault({ latencyMs });
const { token } = await sim.admin.createToken({ user: 'alice', name: 'trace', days: 30 });
await b.call('trace', 'savePat', { token }, 'global');
await b.call('trace', 'getState');

const storage = globalThis.__forge_fetch__!;
globalThis.__forge_fetch__ = async (target, path, init) => {
  const start = now();
  try {
    return await storage(target, path, init);
  } finally {
    spans.push({ what: `storage ${String(path)}`, start, end: now() });
  }
};

const traced: Array<{ overhead: number; total: number; spans: Span[]; t0: number }> = [];
for (let i = 0; i < calls; i++) {
  spans = [];
  await sim.admin.clearRequests();
  const t0 = now();
  const r = await b.call('trace', 'getState');
  const total = now() - t0;
  if (!r.ok) throw new Error(`getState failed: ${JSON.stringify(r.error)}`);
  const requests = (await sim.admin.requests()).map((q) => ({ what: `TestKase ${q.method} ${q.route ?? q.path} → ${q.status}`, start: q.startMs, end: q.startMs + q.ms }));
  const fetches = b.fetches().map(([start, end]) => ({ what: 'fetch → response headers', start, end }));
  const waiting = unionLength(b.fetches());
  traced.push({ overhead: total - waiting, total, spans: [...spans, ...fetches, ...requests].sort((x, y) => x.start - y.start), t0 });
}
globalThis.__forge_fetch__ = storage;
b.stop();
await sim.stop();

const show = (label: string, t: (typeof traced)[number]) => {
  process.stdout.write(`${label}: ${t.total.toFixed(1)} ms, of which ${t.overhead.toFixed(1)} ms not waiting on a TestKase fetch\n`);
  for (const s of t.spans) process.stdout.write(`  ${(s.start - t.t0).toFixed(1).padStart(7)} → ${(s.end - t.t0).toFixed(1).padStart(7)} ms  ${s.what}\n`);
};
const byOverhead = [...traced].sort((x, y) => x.overhead - y.overhead);
process.stdout.write(`warm getState × ${calls}, TestKase latency ${latencyMs} ms, storage without injected latency\n\n`);
show('median call', byOverhead[Math.floor(calls / 2)]!);
for (const t of byOverhead.slice(-slowest).reverse()) show('slow call', t);
