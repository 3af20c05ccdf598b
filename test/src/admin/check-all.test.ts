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

beforeAll(async () => {
  b = await startBackend();
});
afterAll(async () => {
  await b.stop();
});
beforeEach(async () => {
  tokens = new Map();
  Object.assign(CHECK_SETTINGS, DEFAULTS, { perSecond: 1000 });
  b.sim.admin.clearFaults();
  // Each test starts from an empty index: earlier tests' users are removed.
  for (const row of (await list()).rows) expectOk(await b.call(ADMIN, 'adminRemoveConnection', { accountId: row.accountId }, 'admin'));
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
    expect(progress).toEqual({ runId: expect.any(String), total: 3, checked: 3, tally: { WORKING: 2, REJECTED: 1, EXPIRED: 0, UNREACHABLE: 0, GONE: 0 }, done: true });
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
    expect(progress.tally).toEqual({ WORKING: 1, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 1, GONE: 1 });
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
