/**
 * `npm start -- --connections N [--seed S]`: the local world at QA scale — N Jira users of the local
 * site, each a TestKase user of the simulator with a connection saved in the app (seed-people.ts says
 * who they are and what happens to each), so the Jira admin page's paging, search, state filters and
 * "Check all now" can be tried by hand.
 *
 * Everything the app stores comes from the app itself, as a browser would make it: the bundled backend
 * in Forge's sandbox is invoked as each user — `savePat` then `checkIdentity` on the global page (what
 * the settings page calls on a save), `deletePat` — and as a seeded Jira admin on the admin page —
 * `adminCheckAll`, `adminSuspendConnection`, `adminSetNote`. So the connection index, the admin marks,
 * the audit log and the listing are exactly what real saves and admin actions produce; TestKase is
 * the simulator, asked by the app over HTTP. Tokens are minted in the simulator while it runs.
 *
 * In the runtime's own process (the storage it holds is the one written): `cli.ts` runs it once the
 * runtime is up, the test runs it against a runtime it started.
 */
import type { AnswerOf, FunctionKey, PayloadOf } from '../../src/shared/functions';
import type { CreatedToken } from '../testkase-sim';
import { MODULE_KEYS, adminPagePath, globalPagePath, type JiraUser, type ModuleKey } from './fixtures';
import { moduleTypeOf, resolverContext, type FrameSession, type FrameSite } from './frames';
import type { Runtime } from './index';
import { planSeeding, type SeededPerson, type SeededState } from './seed-people';

/** The most a seeding creates: every user is held in memory; 5,000 take about three minutes here (2,000 took 66 s). */
const MAX_CONNECTIONS = 5_000;

export interface SeedOptions {
  count: number;
  /** The same count and seed make the same people in the same states. Default 1. */
  seed?: number;
  /** Invocations at once (default 8). */
  concurrency?: number;
  /** How long after it is saved an "expired" token expires (default 10 s): long enough for the save to validate it. */
  expireAfterMs?: number;
  /** Progress lines. */
  say?: (line: string) => void;
}

export interface SeedReport {
  count: number;
  seed: number;
  ms: number;
  /** Nothing was done: this site already holds exactly this seeding. */
  already: boolean;
  people: SeededPerson[];
  admins: string[];
  byState: Record<SeededState, number>;
  /** What the seeding's own "Check all now" found (null: it had nothing to check). */
  check: AnswerOf<'adminCheckAll'> | null;
}

/** A refusal to seed, with the sentence that says why. */
export class SeedRefused extends Error {}

/** Refuses a count or seed the seeding does not take (before anything starts). */
export function checkSeedOptions(count: number, seed: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_CONNECTIONS) {
    throw new SeedRefused(`--connections takes a whole number of users from 1 to ${MAX_CONNECTIONS.toLocaleString('en')} (got ${String(count)}): the local runtime holds every one in memory. Listing at 20,000 and 100,000 connections is measured by test/src/admin/listing-scale.test.ts.`);
  }
  if (!Number.isInteger(seed)) throw new SeedRefused(`--seed takes a whole number (got ${String(seed)}).`);
}

export async function seedConnections(runtime: Runtime, options: SeedOptions): Promise<SeedReport> {
  const { count } = options;
  const seed = options.seed ?? 1;
  const say = options.say ?? (() => undefined);
  checkSeedOptions(count, seed);
  const before = runtime.users.seeded();
  const plan = planSeeding(count, seed);
  if (before.seeding) {
    if (before.seeding.count === count && before.seeding.seed === seed) return report(plan, seed, 0, true, null);
    throw new SeedRefused(`This data folder already holds ${before.seeding.count} seeded users (seed ${before.seeding.seed}, ${before.seeding.at}). Start again with another TESTKASE_DATA_DIR, or delete the folder, to seed ${count} with seed ${seed}.`);
  }
  if (before.users.length > 0) throw new SeedRefused('A seeding is already running in this runtime.');

  const started = performance.now();
  const act = actor(runtime);
  const byName = new Map(plan.people.map((p) => [p.jira.name, p]));
  const admin = (name: string) => byName.get(name)!.jira;
  const inState = (...states: SeededState[]) => plan.people.filter((p) => states.includes(p.state));
  // Thousands of saves: the storage file is written once at the end instead of after every write.
  const release = runtime.kvs.deferSaves();
  try {
    runtime.users.addSeeded(plan.people.map((p) => p.jira));
    runtime.sim.admin.addUsers(plan.people.map((p) => p.testkase));
    const concurrency = options.concurrency ?? 8;
    let saved = 0;
    const connect = async (people: SeededPerson[], expiresInMs: (p: SeededPerson) => number): Promise<CreatedToken[]> => {
      const tokens = runtime.sim.admin.createTokens(people.map((p) => ({ user: p.tokenOf, name: p.tokenName, expiresInMs: expiresInMs(p) })));
      await inTurn(people, concurrency, async (p, i) => {
        // What the settings page does: save the token, then ask whether it is the user's own.
        await act(p.jira, MODULE_KEYS.globalPage, 'savePat', { token: tokens[i]!.token });
        await act(p.jira, MODULE_KEYS.globalPage, 'checkIdentity', {});
        saved += 1;
        if (saved % 250 === 0) say(`  ${saved} of ${count} connections saved`);
      });
      return tokens;
    };
    const lasting = (p: SeededPerson) => (p.days ?? 0) * 86_400_000;

    // 1. Saved, then revoked in TestKase, then found by an admin's "Check all now". Its run takes the
    //    connections indexed when it starts (these) and goes on at its pace while the rest is saved.
    const rejected = inState('REJECTED');
    runtime.sim.admin.revokeTokens((await connect(rejected, lasting)).map((t) => t.id));
    const revokedAt = performance.timeOrigin + performance.now();
    const checking = rejected.length > 0 ? checkAll(act, admin(plan.admins[0]!)) : Promise.resolve(null);
    checking.catch(() => undefined); // awaited below
    // A run fixes its accounts before its first request to TestKase: once that request is in the
    // simulator's log, nothing saved from now on is in the run.
    if (rejected.length > 0) await firstRequestSince(runtime, revokedAt, checking);
    // 2. Tokens that expire seconds after their save (the soonest done, so they have expired by the end).
    const expireAfterMs = options.expireAfterMs ?? 10_000;
    const expiring = await connect(inState('EXPIRED'), () => expireAfterMs);
    // 3. Everyone else; those revoked since stay "working" until someone checks again.
    const rest = inState('WORKING', 'EXPIRING_SOON', 'REVOKED_UNCHECKED', 'NOT_YOURS', 'SUSPENDED', 'SUSPENDED_NO_TOKEN');
    const restTokens = await connect(rest, lasting);
    runtime.sim.admin.revokeTokens(restTokens.filter((_, i) => rest[i]!.state === 'REVOKED_UNCHECKED').map((t) => t.id));
    // 4. The admins' marks, then the users who delete their token while suspended.
    const marked = plan.people.filter((p) => p.markedBy);
    if (marked.length > 0) say(`  ${count} connections saved; ${plan.admins.length} Jira admins suspend and annotate ${marked.length} of them`);
    await inTurn(marked, concurrency, async (p) => {
      const by = admin(p.markedBy!);
      if (p.state === 'SUSPENDED' || p.state === 'SUSPENDED_NO_TOKEN') await act(by, MODULE_KEYS.adminPage, 'adminSuspendConnection', { accountId: p.jira.accountId });
      if (p.note) await act(by, MODULE_KEYS.adminPage, 'adminSetNote', { accountId: p.jira.accountId, text: p.note });
    });
    await inTurn(inState('SUSPENDED_NO_TOKEN'), concurrency, (p) => act(p.jira, MODULE_KEYS.globalPage, 'deletePat', {}).then(() => undefined));
    const check = await checking;
    const lastExpiry = Math.max(0, ...expiring.map((t) => Date.parse(t.expiresAt)));
    if (lastExpiry > Date.now()) await new Promise((resolve) => setTimeout(resolve, lastExpiry - Date.now() + 50));
    runtime.users.keep({ count, seed, at: new Date().toISOString() });
    return report(plan, seed, performance.now() - started, false, check);
  } finally {
    release();
  }
}

function report(plan: ReturnType<typeof planSeeding>, seed: number, ms: number, already: boolean, check: AnswerOf<'adminCheckAll'> | null): SeedReport {
  const byState = { WORKING: 0, EXPIRING_SOON: 0, REJECTED: 0, REVOKED_UNCHECKED: 0, EXPIRED: 0, NOT_YOURS: 0, SUSPENDED: 0, SUSPENDED_NO_TOKEN: 0 } satisfies Record<SeededState, number>;
  for (const p of plan.people) byState[p.state] += 1;
  return { count: plan.people.length, seed, ms: Math.round(ms), already, people: plan.people, admins: plan.admins, byState, check };
}

type Act = <K extends FunctionKey>(user: JiraUser, moduleKey: ModuleKey, fn: K, payload: PayloadOf<K>) => Promise<AnswerOf<K>>;

/**
 * Invokes the bundled backend as `user` from a module, with the context the host gives that module's
 * frame (frames.ts), as the bridge's invoke does; answers the function's data or throws its error.
 */
function actor(runtime: Runtime): Act {
  const site: FrameSite = { manifest: runtime.manifest, origin: () => runtime.url, globalPagePath: globalPagePath(runtime.manifest), adminPagePath: adminPagePath(runtime.manifest) };
  return async (user, moduleKey, fn, payload) => {
    const session: FrameSession = { id: 'seeding', user, moduleKey, issue: null, theme: 'light', initialPath: '/', invokes: [], project: null, gadget: null };
    const outcome = await runtime.functions.invoke({
      accountId: user.accountId,
      functionKey: runtime.manifest.resolvers[moduleKey]!,
      moduleKey,
      moduleType: moduleTypeOf(moduleKey),
      body: { call: { functionKey: fn, payload }, context: resolverContext(session, site) },
    });
    if (!outcome.ok) throw new Error(`${fn} as ${user.name} failed: ${outcome.message}`);
    const result = outcome.body as { ok: true; data: AnswerOf<typeof fn> } | { ok: false; error: { code: string; message: string } };
    if (!result.ok) throw new Error(`${fn} as ${user.name} answered ${result.error.code}: ${result.error.message}`);
    return result.data;
  };
}

/** "Check all now" as `admin`, continued as the admin page continues it, until the run is done (or someone pressed Stop). */
async function checkAll(act: Act, admin: JiraUser): Promise<AnswerOf<'adminCheckAll'>> {
  let progress = await act(admin, MODULE_KEYS.adminPage, 'adminCheckAll', {});
  while (!progress.done && !progress.stopped) {
    const waitMs = progress.retryAfterSeconds ? progress.retryAfterSeconds * 1000 : progress.busy ? 1000 : 0;
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    progress = await act(admin, MODULE_KEYS.adminPage, 'adminCheckAll', { runId: progress.runId });
  }
  return progress;
}

/** Waits until the simulator has been asked about a token since `since` (epoch ms), or `meanwhile` has ended. */
async function firstRequestSince(runtime: Runtime, since: number, meanwhile: Promise<unknown>): Promise<void> {
  let ended = false;
  void meanwhile.finally(() => (ended = true)).catch(() => undefined);
  const asked = () => runtime.sim.admin.requests().some((r) => r.path.endsWith('/auth/token-info') && r.startMs >= since);
  while (!ended && !asked()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Runs `work` over `items`, `concurrency` at a time; the first failure stops it and is thrown. */
async function inTurn<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        await work(items[i]!, i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
