/**
 * "Check all now", through the real handler as the local Jira admin: every stored token is checked
 * with TestKase once, its state recorded (never the token returned), with bounded concurrency and
 * rate, honouring 429 Retry-After, and continued over as many invocations as it takes.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHECK_SETTINGS } from '../../../src/admin/check-all';
import { keys } from '../../../src/storage/keys';
import type { AdminConnectionsPage, CheckProgress } from '../../../src/shared/definitions';
import { expectOk, startBackend, type Backend } from '../../support/backend';
import { AUDIT_CAP } from '../../../src/admin/audit-guard';

let b: Backend;
const ADMIN = 'local-diana';
const DEFAULTS = { ...CHECK_SETTINGS };
let n = 0;
/** Token ids (in the simulator) by account, for the users of the current test. */
let tokens: Map<string, { id: string; token: string }>;

async function connectMany(count: number, user: 'alice' | 'bob' | 'gina' | 'nora' = 'alice'): Promise<string[]> {
  const accounts: string[] = [];
  for (let i = 0; i < count; i++) {
    const accountId = `acc-check-${++n}`;
    const minted = b.sim.admin.createToken({ user, name: `Jira ${accountId}`, days: 90 });
    expectOk(await b.call(accountId, 'savePat', { token: minted.token }, 'global'));
    tokens.set(accountId, { id: minted.id, token: minted.token });
    accounts.push(accountId);
  }
  return accounts;
}
const check = async (runId?: string): Promise<CheckProgress> => expectOk(await b.call(ADMIN, 'adminCheckAll', runId ? { runId } : {}, 'admin'));
const list = async (): Promise<AdminConnectionsPage> => expectOk(await b.call(ADMIN, 'adminListConnections', { pageSize: 100 }, 'admin'));
const checkRequests = () => b.sim.admin.requests().filter((r) => r.route === 'whoAmI');

const AUDIT_DEFAULTS = { ...AUDIT_CAP };
beforeAll(async () => {
  b = await startBackend();
  // These tests remove and check many times a minute; the cap has its own test (audit-log.test.ts).
  AUDIT_CAP.perMinute = 10_000;
});
afterAll(async () => {
  Object.assign(AUDIT_CAP, AUDIT_DEFAULTS);
  await b.stop();
});
beforeEach(async () => {
  tokens = new Map();
  Object.assign(CHECK_SETTINGS, DEFAULTS, { perSecond: 1000 });
  b.sim.admin.clearFaults();
  // Each test starts its own run: the one an earlier test left going (a start would join it) is let go.
  b.kvs.handle('/api/v1/delete', { key: keys.checkActive });
  // Each test starts from an empty index: earlier tests' users are removed.
  // Page after page: one page holds at most 100, and the 120-token test leaves 120.
  for (let rows = (await list()).rows; rows.length > 0; rows = (await list()).rows) {
    for (const row of rows) expectOk(await b.call(ADMIN, 'adminRemoveConnection', { accountId: row.accountId }, 'admin'));
  }
  b.sim.admin.clearRequests();
});
afterEach(() => {
  Object.assign(CHECK_SETTINGS, DEFAULTS);
  b.sim.admin.clearFaults();
});

describe('check all now', () => {
  it('checks every stored token once and records working and rejected, never returning a token', async () => {
    const [alice, bob, gina] = await connectMany(3);
    b.sim.admin.revokeToken(tokens.get(bob!)!.id);
    expectOk(await b.call(bob, 'getState')); // bob's panel has a cached validation from before the revocation
    b.sim.admin.clearRequests();

    const progress = await check();
    expect(progress).toEqual({
      runId: expect.any(String),
      total: 3,
      checked: 3,
      tally: { WORKING: 2, REJECTED: 1, EXPIRED: 0, UNREACHABLE: 0, GONE: 0, SUSPENDED: 0 },
      done: true,
      startedAt: expect.any(String),
      startedByCaller: true,
      unreachableSince: null,
    });
    // One request per token (TestKase logs a revoked token's request as nobody's).
    expect(checkRequests()).toHaveLength(3);
    expect(checkRequests().map((r) => r.tokenId).filter(Boolean).sort()).toEqual([alice, gina].map((a) => tokens.get(a!)!.id).sort());
    for (const t of tokens.values()) expect(JSON.stringify(progress)).not.toContain(t.token.slice(7));

    const rows = new Map((await list()).rows.map((r) => [r.accountId, r]));
    expect(rows.get(bob!)).toMatchObject({ health: 'REJECTED', lastCheckedAt: expect.any(String) });
    expect(rows.get(alice!)).toMatchObject({ health: 'WORKING' });
    expect(Date.parse(rows.get(alice!)!.lastValidatedAt!)).toBeGreaterThan(Date.parse(rows.get(alice!)!.savedAt));
    // Bob's own panel does not trust its cached validation any more: it says the token was rejected at once.
    expect(expectOk(await b.call(bob, 'getState')).connection).toMatchObject({ kind: 'PAT_SAVED', reason: 'TOKEN_REJECTED' });

    const audit = expectOk(await b.call(ADMIN, 'adminAuditLog', {}, 'admin')).entries[0];
    expect(audit).toMatchObject({ action: 'CHECK_ALL', outcome: 'DONE', actor: { displayName: 'Diana Evans' }, check: { total: 3, checked: 3, tally: progress.tally } });
    // Done is done: asking again changes nothing.
    b.sim.admin.clearRequests();
    expect(await check(progress.runId)).toEqual(progress);
    expect(checkRequests()).toEqual([]);
  });

  it('continues over further invocations when there are more tokens than fit in one, checking each once', async () => {
    const accounts = await connectMany(9);
    b.sim.admin.clearRequests();
    Object.assign(CHECK_SETTINGS, { concurrency: 2, perSecond: 20, budgetMs: 150 });
    let progress = await check();
    const seen = [progress.checked];
    while (!progress.done) {
      progress = await check(progress.runId);
      seen.push(progress.checked);
    }
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(progress).toMatchObject({ total: 9, checked: 9, tally: { WORKING: 9 } });
    const checkedIds = checkRequests().map((r) => r.tokenId);
    expect(new Set(checkedIds)).toEqual(new Set(accounts.map((a) => tokens.get(a)!.id)));
    // A check a later invocation redid (it ran past a gap) is the only way to see a token twice; none here.
    expect(checkedIds).toHaveLength(9);
  });

  it('keeps to the concurrency and rate bounds', async () => {
    await connectMany(12);
    b.sim.admin.clearRequests();
    b.sim.admin.addFault({ route: 'whoAmI', latencyMs: 60 });
    Object.assign(CHECK_SETTINGS, { concurrency: 3, perSecond: 40 });
    expect(await check()).toMatchObject({ done: true, tally: { WORKING: 12 } });
    const spans = checkRequests().map((r) => [r.startMs, r.startMs + r.ms] as const);
    const mostAtOnce = Math.max(...spans.map(([s]) => spans.filter(([a, z]) => a <= s && s < z).length));
    expect(mostAtOnce).toBeLessThanOrEqual(3);
    expect(mostAtOnce).toBeGreaterThan(1); // it does run checks in parallel
    const starts = spans.map(([s]) => s).sort((x, y) => x - y);
    // 40 a second: 12 starts take at least 11 intervals of 25 ms (a few ms of timer slack allowed).
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(11 * 25 - 15);
  });

  it('honours a 429 Retry-After: every check waits, then the run goes on and nothing is marked rejected', async () => {
    await connectMany(5);
    b.sim.admin.clearRequests();
    Object.assign(CHECK_SETTINGS, { concurrency: 2 });
    b.sim.admin.addFault({ route: 'whoAmI', status: 429, retryAfterSeconds: 1, times: 1 });
    const progress = await check();
    expect(progress).toMatchObject({ done: true, tally: { WORKING: 5, REJECTED: 0, UNREACHABLE: 0 } });
    const requests = checkRequests();
    const limited = requests.find((r) => r.status === 429)!;
    const after = requests.filter((r) => r.startMs > limited.startMs + limited.ms && r !== limited);
    expect(after.length).toBeGreaterThanOrEqual(4);
    // Nothing started in the second TestKase asked to wait (allowing for the request already in flight).
    const early = after.filter((r) => r.startMs < limited.startMs + 1000 - 20);
    expect(early.length).toBeLessThanOrEqual(1);
  });

  it('when TestKase asks to wait longer than the invocation has, says when to call again, and keeps to it', async () => {
    await connectMany(3);
    b.sim.admin.clearRequests();
    Object.assign(CHECK_SETTINGS, { concurrency: 1, budgetMs: 1_000 });
    b.sim.admin.addFault({ route: 'whoAmI', status: 429, retryAfterSeconds: 30, times: 1 });
    const first = await check();
    expect(first).toMatchObject({ done: false, checked: 0, retryAfterSeconds: expect.any(Number) });
    expect(first.retryAfterSeconds).toBeGreaterThan(25);
    expect(first.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(checkRequests()).toHaveLength(1);
    // Called again at once: nothing is sent to TestKase before the 30 seconds have passed.
    const again = await check(first.runId);
    expect(again).toMatchObject({ done: false, checked: 0, retryAfterSeconds: expect.any(Number) });
    expect(checkRequests()).toHaveLength(1);
  });

  it('counts a token TestKase could not be asked about as unreachable and leaves its state; one removed meanwhile as gone', async () => {
    const [first, second, third] = await connectMany(3);
    b.sim.admin.clearRequests();
    Object.assign(CHECK_SETTINGS, { concurrency: 1, budgetMs: 50, perSecond: 10 });
    let progress = await check(); // checks the first one (the next may start only 100 ms later), then stops
    expect(progress).toMatchObject({ done: false, checked: 1 });
    expectOk(await b.call(third, 'deletePat', undefined, 'global'));
    b.sim.admin.addFault({ route: 'whoAmI', status: 503 });
    Object.assign(CHECK_SETTINGS, { budgetMs: 5_000, perSecond: 1000 });
    progress = await check(progress.runId);
    expect(progress.done).toBe(true);
    expect(progress.tally).toEqual({ WORKING: 1, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 1, GONE: 1, SUSPENDED: 0 });
    const rows = new Map((await list()).rows.map((r) => [r.accountId, r]));
    expect([...rows.keys()].sort()).toEqual([first!, second!].sort());
    expect([...rows.values()].every((r) => r.health === 'WORKING')).toBe(true);
  });

  it('drops an index entry with no token behind it (a delete interrupted after its commit), unless a save got in', async () => {
    const [ghost] = await connectMany(1);
    const entry = b.kvs.snapshot().data[keys.connection(ghost!)];
    expectOk(await b.call(ghost, 'deletePat', undefined, 'global'));
    b.kvs.handle('/api/v1/set', { key: keys.connection(ghost!), value: entry }); // what the interrupted delete left
    expect((await list()).rows.map((r) => r.accountId)).toEqual([ghost]);
    expect(await check()).toMatchObject({ done: true, tally: { GONE: 1 } });
    expect((await list()).rows).toEqual([]);
  });

  it('moves on in every invocation, even one whose budget is gone before its first check', async () => {
    await connectMany(3);
    Object.assign(CHECK_SETTINGS, { budgetMs: 0 });
    let progress = await check();
    const seen = [progress.checked];
    while (!progress.done) {
      progress = await check(progress.runId);
      seen.push(progress.checked);
    }
    expect(seen).toEqual([1, 2, 3]);
  });

  it('is done at once, and audited as done, when no one is connected', async () => {
    expect(await check()).toMatchObject({ total: 0, checked: 0, done: true });
    const audit = expectOk(await b.call(ADMIN, 'adminAuditLog', {}, 'admin')).entries[0];
    expect(audit).toMatchObject({ action: 'CHECK_ALL', outcome: 'DONE', check: { total: 0, checked: 0 } });
  });

  it('says a run it no longer has is gone, with a typed error', async () => {
    const r = await b.call(ADMIN, 'adminCheckAll', { runId: '0b0a4a0e-9b0f-4a9e-8f1e-1a2b3c4d5e6f' }, 'admin');
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/no longer running/) } });
  });
});

describe('check all now, measured', () => {
  it('checks 120 tokens at TestKase 100 ms and storage 10 ms a call, continuing across invocations', async () => {
    const accounts = await connectMany(120);
    b.sim.admin.clearRequests();
    b.sim.admin.addFault({ route: 'whoAmI', latencyMs: 100 });
    b.kvs.latencyMs = 10;
    // Unthrottled to see what the concurrency gives; a 2 s budget stands in for 17 s to force continuing.
    Object.assign(CHECK_SETTINGS, { perSecond: 1000, budgetMs: 2_000 });
    try {
      const started = performance.now();
      let progress = await check();
      let invocations = 1;
      while (!progress.done) {
        progress = await check(progress.runId);
        invocations += 1;
      }
      const seconds = (performance.now() - started) / 1000;
      expect(progress).toMatchObject({ total: 120, checked: 120, tally: { WORKING: 120 } });
      expect(invocations).toBeGreaterThanOrEqual(2);
      expect(checkRequests()).toHaveLength(accounts.length);
      console.info(
        `check all: 120 tokens in ${invocations} invocations, ${seconds.toFixed(1)} s, ${(120 / seconds).toFixed(1)} tokens/s at concurrency ${CHECK_SETTINGS.concurrency} ` +
          `(production caps it at ${DEFAULTS.perSecond}/s: ~${Math.floor((DEFAULTS.perSecond * DEFAULTS.budgetMs) / 1000)} tokens per invocation)`,
      );
    } finally {
      b.kvs.latencyMs = 0;
    }
  });
});

/** The most requests started within any `windowMs` (a sliding window over their start times). */
function mostStartedWithin(starts: readonly number[], windowMs: number): number {
  const sorted = [...starts].sort((x, y) => x - y);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** One tab of the admin page: starts (or joins) the site's check and calls again until it is done, waiting when busy. */
async function tab(options: { runId?: string } = {}): Promise<{ runIds: Set<string>; last: CheckProgress; busy: number }> {
  let progress = await check(options.runId);
  const runIds = new Set([progress.runId]);
  let busy = progress.busy ? 1 : 0;
  while (!progress.done) {
    if (progress.busy || progress.retryAfterSeconds) await new Promise((r) => setTimeout(r, progress.retryAfterSeconds ? progress.retryAfterSeconds * 1000 : 100));
    progress = await check(progress.runId);
    runIds.add(progress.runId);
    if (progress.busy) busy += 1;
  }
  return { runIds, last: progress, busy };
}

describe('one check per site', () => {
  it('four starts at once (tabs, admins) run one check: each token is checked once, at most 8 started in any second', async () => {
    const accounts = await connectMany(24);
    b.sim.admin.clearRequests();
    b.sim.admin.addFault({ route: 'whoAmI', latencyMs: 40 });
    // The documented cap, 8 a second; a short budget, so the tabs' invocations interleave.
    Object.assign(CHECK_SETTINGS, { perSecond: DEFAULTS.perSecond, budgetMs: 700 });
    const started = performance.now();
    const tabs = await Promise.all([tab(), tab(), tab(), tab()]);
    const seconds = (performance.now() - started) / 1000;

    expect(new Set(tabs.flatMap((t) => [...t.runIds])).size).toBe(1);
    for (const t of tabs) expect(t.last).toMatchObject({ done: true, total: 24, checked: 24, tally: { WORKING: 24 } });
    const checked = checkRequests().map((r) => r.tokenId);
    expect(checked).toHaveLength(24);
    expect(new Set(checked)).toEqual(new Set(accounts.map((a) => tokens.get(a)!.id)));
    const starts = checkRequests().map((r) => r.startMs);
    expect(mostStartedWithin(starts, 1000)).toBeLessThanOrEqual(DEFAULTS.perSecond);
    // Waiting tabs said so instead of checking.
    expect(tabs.reduce((n, t) => n + t.busy, 0)).toBeGreaterThan(0);
    const audit = expectOk(await b.call(ADMIN, 'adminAuditLog', {}, 'admin')).entries.filter((e) => e.action === 'CHECK_ALL' && Date.parse(e.at) >= Date.now() - seconds * 1000 - 1000);
    expect(audit).toHaveLength(1); // one run, one entry
    console.info(`one check per site: 4 tabs, 24 tokens in ${seconds.toFixed(1)} s (${(24 / seconds).toFixed(1)} tokens/s), most started in a second: ${mostStartedWithin(starts, 1000)}`);
  }, 60_000);

  it('two tabs continuing the same run never check a token twice', async () => {
    await connectMany(16);
    b.sim.admin.clearRequests();
    Object.assign(CHECK_SETTINGS, { perSecond: 40, budgetMs: 150, concurrency: 2 });
    b.sim.admin.addFault({ route: 'whoAmI', latencyMs: 20 });
    const first = await check();
    const [a, c] = await Promise.all([tab({ runId: first.runId }), tab({ runId: first.runId })]);
    expect(a.last).toMatchObject({ done: true, checked: 16 });
    expect(c.last).toMatchObject({ done: true, checked: 16 });
    const checked = checkRequests().map((r) => r.tokenId);
    expect(checked).toHaveLength(16);
    expect(new Set(checked).size).toBe(16);
  }, 60_000);

  it('a second start while a run is going joins it and says so; a stale tab continuing a replaced run follows the current one', async () => {
    await connectMany(6);
    Object.assign(CHECK_SETTINGS, { perSecond: 1000, budgetMs: 0 });
    const mine = await check();
    expect(mine).toMatchObject({ startedByCaller: true, done: false });
    const other = expectOk(await b.call('local-diana', 'adminCheckAll', {}, 'admin'));
    expect(other.runId).toBe(mine.runId);
    // The run is abandoned after an hour without progress: a start then begins a new one.
    const old = mine.runId;
    b.kvs.handle('/api/v1/delete', { key: keys.checkActive });
    const fresh = await check();
    expect(fresh.runId).not.toBe(old);
    expect((await check(old)).runId).toBe(fresh.runId);
  });

  it('Stop takes effect within about a second, between checks, not at the end of the invocation', async () => {
    await connectMany(30);
    b.sim.admin.clearRequests();
    Object.assign(CHECK_SETTINGS, { perSecond: 10, budgetMs: 10_000, concurrency: 1 });
    const running = check(); // would check ~30 tokens over 3 s
    await new Promise((r) => setTimeout(r, 150));
    const runId = b.kvs.snapshot().data[keys.checkActive] as { holder: string };
    const stopped = await b.call(ADMIN, 'adminCheckAll', { runId: runId.holder, stop: true }, 'admin');
    expect(expectOk(stopped).stopped).toEqual({ at: expect.any(String) });
    const progress = await running;
    expect(progress).toMatchObject({ done: false, stopped: { at: expect.any(String) } });
    // Stop is read about once a second: ~1 s of checks at 10 a second, not the 30 of the invocation.
    expect(progress.checked).toBeLessThanOrEqual(15);
    expect(checkRequests()).toHaveLength(progress.checked);
    // Continuing (with its run id) stays stopped; "Check all now" continues it.
    expect(await check(progress.runId)).toMatchObject({ stopped: expect.anything(), checked: progress.checked });
    Object.assign(CHECK_SETTINGS, { perSecond: 1000 });
    const resumed = await tab();
    expect(resumed.last).toMatchObject({ done: true, checked: 30 });
    expect(checkRequests()).toHaveLength(30);
  }, 30_000);

  it('when TestKase is down nothing is checked, every state is kept, and the answer says when those states were last checked', async () => {
    const accounts = await connectMany(3);
    const before = (await list()).rows.map((r) => r.lastCheckedAt).sort();
    b.sim.admin.addFault({ route: 'whoAmI', status: 503 });
    const progress = await check();
    expect(progress).toMatchObject({ done: true, total: 3, checked: 3, tally: { WORKING: 0, UNREACHABLE: 3 } });
    expect(progress.unreachableSince).toEqual({ oldest: before[0], newest: before.at(-1) });
    const rows = (await list()).rows;
    expect(rows.map((r) => r.health)).toEqual(accounts.map(() => 'WORKING'));
    expect(rows.map((r) => r.lastCheckedAt).sort()).toEqual(before);
  });

  it('does not use a suspended connection’s token, not even to check it', async () => {
    const [kept, held] = await connectMany(2);
    expectOk(await b.call(ADMIN, 'adminSuspendConnection', { accountId: held }, 'admin'));
    b.sim.admin.clearRequests();
    const progress = await check();
    expect(progress).toMatchObject({ done: true, tally: { WORKING: 1, SUSPENDED: 1 } });
    expect(checkRequests().map((r) => r.tokenId)).toEqual([tokens.get(kept!)!.id]);
  });
});
