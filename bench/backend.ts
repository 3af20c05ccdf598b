/**
 * Backend measurements in-process: the real resolver handler, @forge/kvs against the KVS emulation,
 * @forge/api fetch to the simulator over loopback, with injected TestKase latency.
 */
import { installForgeFetch, KvsEmulator } from '../dev/kvs';
import { meterStorage, type StorageMeter } from '../dev/kvs/meter';
import type { Simulator } from '../dev/testkase-sim';
import type { Definitions } from '../src/shared/definitions';
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
  kvs: KvsEmulator;
  call(accountId: string, fn: keyof Definitions, payload?: unknown, where?: string): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;
  stop(): void;
}

export async function backendHarness(sim: Simulator): Promise<BackendBench> {
  process.env.TESTKASE_BASE_URL = sim.apiBaseUrl;
  const kvs = new KvsEmulator();
  const restore = installForgeFetch(kvs);
  const { handler } = (await import('../src/index')) as unknown as { handler: Handler };
  return {
    kvs,
    async call(accountId, fn, payload, where = 'DEMO-1') {
      const context = where === 'global' ? globalContext : panelContext(where);
      return (await handler({ call: { functionKey: fn, payload }, context }, { principal: { accountId } })) as never;
    },
    stop: restore,
  };
}

export interface OverheadResult {
  samples: number;
  handlerMs: { p50: number; p95: number };
  testkaseMs: { p50: number; p95: number };
  overheadMs: { p50: number; p95: number };
}

/** Handler wall time minus the time at least one simulator request of that call was in flight. */
export async function measureOverhead(sim: Simulator, b: BackendBench, accountId: string, fn: keyof Definitions, runs: number, before?: () => Promise<void>): Promise<OverheadResult> {
  const handlerMs: number[] = [];
  const testkaseMs: number[] = [];
  const overhead: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    sim.admin.clearRequests();
    const t0 = performance.timeOrigin + performance.now();
    const r = await b.call(accountId, fn);
    const t1 = performance.timeOrigin + performance.now();
    if (!r.ok) throw new Error(`${fn} failed during the benchmark: ${JSON.stringify(r.error)}`);
    const busy = unionLength(sim.admin.requests().map((q) => [q.startMs, q.startMs + q.ms] as [number, number]));
    handlerMs.push(t1 - t0);
    testkaseMs.push(busy);
    overhead.push(t1 - t0 - busy);
  }
  const pair = (v: number[]) => ({ p50: round(median(v), 2), p95: round(p95(v), 2) });
  return { samples: runs, handlerMs: pair(handlerMs), testkaseMs: pair(testkaseMs), overheadMs: pair(overhead) };
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
export async function measureThroughput(sim: Simulator, b: BackendBench, users: number, rounds: number): Promise<ThroughputResult> {
  const demo = ['alice', 'bob', 'gina'] as const;
  const people = [];
  for (let i = 0; i < users; i++) {
    const accountId = `bench-user-${i}`;
    const minted = sim.admin.createToken({ user: demo[i % demo.length]!, name: `bench ${i}`, days: 30 });
    const saved = await b.call(accountId, 'savePat', { token: minted.token }, 'global');
    if (!saved.ok) throw new Error(`could not save a token for ${accountId}: ${JSON.stringify(saved.error)}`);
    people.push({ accountId, tokenId: minted.id });
  }
  // Warm-up: first renders look the mapping up; measured rounds then do the same, cached work per user.
  await Promise.all(people.map((p) => b.call(p.accountId, 'getState')));
  sim.admin.clearRequests();
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
  for (const q of sim.admin.requests()) perToken.set(String(q.tokenId), (perToken.get(String(q.tokenId)) ?? 0) + 1);
  const expected = new Set(people.map((p) => p.tokenId));
  const isolationIntact = perToken.size === expected.size && [...perToken.keys()].every((k) => expected.has(k)) && new Set(perToken.values()).size === 1;
  return { users, rounds, requests, errors, seconds: round(seconds, 2), requestsPerSecond: round(requests / seconds, 1), isolationIntact };
}

/**
 * What a warm getState asks of Forge storage: calls and round trips (the longest chain of calls each
 * waiting for another). Counted with a few ms of storage latency so parallel calls overlap as in Forge.
 */
export async function measureStorage(b: BackendBench, accountId: string): Promise<StorageMeter> {
  b.kvs.latencyMs = 5;
  try {
    const { result, meter } = await meterStorage(() => b.call(accountId, 'getState'));
    if (!result.ok) throw new Error(`getState failed during the benchmark: ${JSON.stringify(result.error)}`);
    return meter;
  } finally {
    b.kvs.latencyMs = 0;
  }
}
