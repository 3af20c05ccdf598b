/**
 * Backend measurements in-process: the real resolver handler, @forge/kvs against the KVS emulation,
 * @forge/api fetch over loopback to the simulator on its own thread (bench/sim-thread.ts), with injected
 * TestKase latency.
 */
import { installForgeFetch, KvsEmulator } from '../dev/kvs';
import type { Definitions } from '../src/shared/definitions';
import type { SimThread } from './sim-thread';
import { median, p95, round, unionLength } from './stats';

type Handler = (request: unknown, ctx: unknown) => Promise<unknown>;

const panelContext = (issue: string) => ({
  cloudId: 'bench-cloud',
  localId: 'bench',
  moduleKey: 'testkase-issue-panel',
  extension: { type: 'jira:issuePanel', issue: { id: '10001', key: issue, type: 'Story', typeId: '10002' }, project: { id: '10000', key: issue.split('-')[0], type: 'software' } },
});
const globalContext = { cloudId: 'bench-cloud', localId: 'bench', moduleKey: 'testkase-global-page', extension: { type: 'jira:globalPage' } };

export interface BackendBench {
  call(accountId: string, fn: keyof Definitions, payload?: unknown, where?: string): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;
  /** TestKase requests as the handler saw them (fetch called → response headers), since the last call. */
  fetches(): Array<[number, number]>;
  stop(): void;
}

const now = () => performance.timeOrigin + performance.now();

export async function backendHarness(sim: Pick<SimThread, 'apiBaseUrl'>): Promise<BackendBench> {
  process.env.TESTKASE_BASE_URL = sim.apiBaseUrl;
  const restoreKvs = installForgeFetch(new KvsEmulator());
  // Wrapped before the resolver loads: @forge/api keeps the global fetch it finds then.
  const plainFetch = globalThis.fetch;
  let fetches: Array<[number, number]> = [];
  globalThis.fetch = async (input, init) => {
    const start = now();
    const response = await plainFetch(input, init);
    if (String(input instanceof Request ? input.url : input).startsWith(sim.apiBaseUrl)) fetches.push([start, now()]);
    return response;
  };
  const { handler } = (await import('../src/index')) as unknown as { handler: Handler };
  return {
    async call(accountId, fn, payload, where = 'DEMO-1') {
      fetches = [];
      const context = where === 'global' ? globalContext : panelContext(where);
      return (await handler({ call: { functionKey: fn, payload }, context }, { principal: { accountId } })) as never;
    },
    fetches: () => fetches,
    stop() {
      globalThis.fetch = plainFetch;
      restoreKvs();
    },
  };
}

export interface OverheadResult {
  samples: number;
  handlerMs: { p50: number; p95: number };
  testkaseMs: { p50: number; p95: number };
  /** Handler wall time minus the time it was waiting on TestKase (its fetch called → response headers). */
  overheadMs: { p50: number; p95: number };
  /** The same minus only the simulator's own handling time: adds loopback transport and the thread hop. */
  overheadWithTransportMs: { p50: number; p95: number };
}

/**
 * The resolver's own cost per call: wall time minus the union of the intervals in which at least one
 * TestKase request was in flight, seen from the handler (the fetch) and, more strictly, from the simulator.
 */
export async function measureOverhead(sim: SimThread, b: BackendBench, accountId: string, fn: keyof Definitions, runs: number): Promise<OverheadResult> {
  const handlerMs: number[] = [];
  const testkaseMs: number[] = [];
  const overhead: number[] = [];
  const withTransport: number[] = [];
  for (let i = 0; i < runs; i++) {
    await sim.admin.clearRequests();
    const t0 = now();
    const r = await b.call(accountId, fn);
    const t1 = now();
    if (!r.ok) throw new Error(`${fn} failed during the benchmark: ${JSON.stringify(r.error)}`);
    const waited = unionLength(b.fetches());
    const served = unionLength((await sim.admin.requests()).map((q) => [q.startMs, q.startMs + q.ms] as [number, number]));
    handlerMs.push(t1 - t0);
    testkaseMs.push(waited);
    overhead.push(t1 - t0 - waited);
    withTransport.push(t1 - t0 - served);
  }
  const pair = (v: number[]) => ({ p50: round(median(v), 2), p95: round(p95(v), 2) });
  return { samples: runs, handlerMs: pair(handlerMs), testkaseMs: pair(testkaseMs), overheadMs: pair(overhead), overheadWithTransportMs: pair(withTransport) };
}

export interface ThroughputResult {
  users: number;
  rounds: number;
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  isolationIntact: boolean;
}

/** N users with their own tokens render the panel and open Test Cycles, concurrently, for some rounds. */
export async function measureThroughput(sim: SimThread, b: BackendBench, users: number, rounds: number): Promise<ThroughputResult> {
  const demo = ['alice', 'bob', 'gina'] as const;
  const people = [];
  for (let i = 0; i < users; i++) {
    const accountId = `bench-user-${i}`;
    const minted = await sim.admin.createToken({ user: demo[i % demo.length]!, name: `bench ${i}`, days: 30 });
    const saved = await b.call(accountId, 'savePat', { token: minted.token }, 'global');
    if (!saved.ok) throw new Error(`could not save a token for ${accountId}: ${JSON.stringify(saved.error)}`);
    people.push({ accountId, tokenId: minted.id });
  }
  // Warm-up: first renders look the mapping up; measured rounds then do the same, cached work per user.
  await Promise.all(people.map((p) => b.call(p.accountId, 'getState')));
  await sim.admin.clearRequests();
  let errors = 0;
  let requests = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    const results = await Promise.all(people.flatMap((p) => [b.call(p.accountId, 'getState'), b.call(p.accountId, 'listCycles')]));
    requests += results.length;
    errors += results.filter((x) => !x.ok || ((x.data as { linked?: { ok: boolean } | null })?.linked?.ok === false)).length;
  }
  const seconds = (performance.now() - t0) / 1000;
  // Isolation: every simulator request came from one of these tokens, and each token did the same work.
  const perToken = new Map<string, number>();
  for (const q of await sim.admin.requests()) perToken.set(String(q.tokenId), (perToken.get(String(q.tokenId)) ?? 0) + 1);
  const expected = new Set(people.map((p) => p.tokenId));
  const isolationIntact = perToken.size === expected.size && [...perToken.keys()].every((k) => expected.has(k)) && new Set(perToken.values()).size === 1;
  return { users, rounds, requests, errors, seconds: round(seconds, 2), requestsPerSecond: round(requests / seconds, 1), isolationIntact };
}
