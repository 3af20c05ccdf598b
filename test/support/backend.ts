/**
 * The backend as Forge runs it, in-process: the real resolver handler called with the
 * @forge/resolver convention, the unmodified @forge/kvs against the KVS emulation, and
 * @forge/api's fetch reaching the TestKase simulator over loopback HTTP.
 */
import { installForgeFetch, KvsEmulator } from '../../dev/kvs';
import { startSimulator, type Simulator } from '../../dev/testkase-sim';
import type { Definitions, Result } from '../../src/shared/definitions';
import { contextFor, type Where } from './context';

export interface Backend {
  sim: Simulator;
  kvs: KvsEmulator;
  /** Advances the KVS clock (cache TTLs). */
  advance(ms: number): void;
  call<K extends keyof Definitions>(
    accountId: string | undefined,
    fn: K,
    payload?: unknown,
    where?: Where,
  ): Promise<Awaited<ReturnType<Definitions[K]>>>;
  token(user: 'alice' | 'bob' | 'gina' | 'nora', days?: number): Promise<string>;
  stop(): Promise<void>;
}

export async function startBackend(): Promise<Backend> {
  const sim = await startSimulator({ port: 0, dataDir: null, quiet: true });
  process.env.TESTKASE_BASE_URL = sim.apiBaseUrl;
  let clock = Date.now();
  const kvs = new KvsEmulator({ now: () => clock });
  const restore = installForgeFetch(kvs);
  const { handler } = await import('../../src/index');
  return {
    sim,
    kvs,
    advance(ms) {
      clock += ms;
    },
    async call(accountId, fn, payload, where = { issue: 'DEMO-1' }) {
      const result = await handler(
        { call: { functionKey: fn, payload: payload }, context: contextFor(where) },
        accountId === undefined ? {} : { principal: { accountId } },
      );
      return result as never;
    },
    async token(user, days = 90) {
      return sim.admin.createToken({ user, name: 'Jira Plugin', days }).token;
    },
    async stop() {
      restore();
      await sim.stop();
    },
  };
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}
