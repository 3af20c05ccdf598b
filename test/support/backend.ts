/**
 * The backend as Forge runs it, in-process: the real resolver handler called with the
 * @forge/resolver convention, the unmodified @forge/kvs against the KVS emulation, @forge/api's fetch
 * reaching the TestKase simulator over loopback HTTP, and its `asUser().requestJira(…)` answered by
 * the local Jira site's API (dev/runtime/jira-api.ts) as the account of the call in progress.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { afterAll, beforeAll } from 'vitest';
import { installForgeFetch, KvsEmulator } from '../../dev/kvs';
import { startSimulator, type Simulator } from '../../dev/testkase-sim';
import { USERS, readManifest, type JiraUser } from '../../dev/runtime/fixtures';
import { createJiraApi } from '../../dev/runtime/jira-api';
import { LocalIssues } from '../../dev/runtime/jira-issues';
import type { Definitions, Result } from '../../src/shared/definitions';
import { contextFor, type Where } from './context';

export const JIRA_SITE = 'http://jira.test';

export interface Backend {
  sim: Simulator;
  kvs: KvsEmulator;
  /** The Jira site's accounts (the local users to start with): add users, or make one a Jira admin. */
  jiraUsers: JiraUser[];
  /** The Jira site's issues (grow a scope with `jiraIssues.grow(…)`). */
  jiraIssues: LocalIssues;
  /** Every Jira REST call the backend made, as `METHOD path as accountId`. */
  jiraCalls: string[];
  /** Answers a Jira REST call instead of the local site (e.g. a failure); undefined: the site answers. */
  jiraOverride: ((path: string, body: string) => { status: number; body: unknown; headers?: Record<string, string> } | undefined) | undefined;
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

/** A Jira account for tests; `jiraAdmin` makes it hold Administer Jira. */
export function jiraUser(accountId: string, jiraAdmin = false): JiraUser {
  return { name: 'alice', accountId, displayName: `User ${accountId}`, timezone: 'UTC', testkaseRole: 'none', jiraAdmin };
}

/**
 * The test file's backend: started before its tests, stopped after them. Returns an accessor, to use
 * inside hooks and tests (hooks the file registers after this call run after the start and before the stop).
 */
export function backendForFile(): () => Backend {
  let backend: Backend | undefined;
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(async () => {
    await backend?.stop();
  });
  return () => {
    if (!backend) throw new Error('the backend is not started (use it inside hooks and tests)');
    return backend;
  };
}

export async function startBackend(): Promise<Backend> {
  const sim = await startSimulator({ port: 0, dataDir: null, quiet: true });
  process.env.TESTKASE_BASE_URL = sim.apiBaseUrl;
  let clock = Date.now();
  const kvs = new KvsEmulator({ now: () => clock });
  const caller = new AsyncLocalStorage<string | undefined>();
  const jiraUsers: JiraUser[] = [...USERS];
  const jiraIssues = new LocalIssues();
  const jira = createJiraApi({ scopes: readManifest().scopes, siteOrigin: () => JIRA_SITE, users: () => jiraUsers, issues: jiraIssues });
  const backend: Pick<Backend, 'jiraCalls' | 'jiraOverride'> = { jiraCalls: [], jiraOverride: undefined };
  const restore = installForgeFetch(kvs, {
    product: async ({ target, method, path, body }) => {
      const accountId = caller.getStore() ?? '';
      backend.jiraCalls.push(`${method} ${path} as ${target.provider === 'user' ? accountId : 'the app'}`);
      return backend.jiraOverride?.(path, body) ?? jira({ accountId, target, method, path, body });
    },
  });
  const { handler } = await import('../../src/index');
  return Object.assign(backend, {
    sim,
    kvs,
    jiraUsers,
    jiraIssues,
    advance(ms: number) {
      clock += ms;
    },
    async call(accountId: string | undefined, fn: keyof Definitions, payload?: unknown, where: Where = { issue: 'DEMO-1' }) {
      // The platform makes a function's product calls as the account it was invoked for.
      const result = await caller.run(accountId, () =>
        handler({ call: { functionKey: fn, payload: payload }, context: contextFor(where) }, accountId === undefined ? {} : { principal: { accountId } }),
      );
      return result as never;
    },
    async token(user: 'alice' | 'bob' | 'gina' | 'nora', days = 90) {
      return sim.admin.createToken({ user, name: 'Jira Plugin', days }).token;
    },
    async stop() {
      restore();
      await sim.stop();
    },
  });
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}
