/**
 * "Check all now": every stored token is validated against TestKase (GET /auth/token-info, one
 * request each) and its state recorded in the connection index — never shown or returned. A run
 * covers the accounts indexed when it starts and goes on over as many invocations as it needs: each
 * checks what fits in CHECK_SETTINGS.budgetMs (Forge gives an invocation 25 s), records how far it got
 * (storage/check-runs.ts), and the admin page calls again with the run id until it is done.
 *
 * One run per site, one worker at a time (leases in storage, storage/lease.ts): a start while a run
 * is going joins it, from any tab or admin; a call while another invocation is checking checks
 * nothing and says so (`busy`), so two tabs continuing one run never check a token twice, and the
 * site-wide rate is the one worker's: at most CHECK_SETTINGS.perSecond started per second, the pace
 * carried from one invocation to the next. A 429 from TestKase pauses every check until its
 * Retry-After has passed; when that outlasts the invocation, the answer says when to call again.
 * Stop is read by the worker about once a second: no check starts after it, the ones running finish.
 */
import { randomUUID } from 'node:crypto';
import type { CheckProgress } from '../shared/definitions';
import { clientFactory } from '../connection/client-factory';
import { checkToken } from '../connection/validate-token';
import { appendAudit, updateAudit } from '../storage/audit-log';
import { accountsOf, clearStop, createRun, emptyTally, readRun, readStop, requestStop, saveRun, type CheckRun, type Tally } from '../storage/check-runs';
import { forgetValidation } from '../storage/connection-cache';
import { indexedAccounts } from '../storage/connection-index';
import { keys } from '../storage/keys';
import { acquireLease, readLease, releaseLease } from '../storage/lease';
import { dropEntryWithoutToken, loadToken, recordCheck } from '../storage/token-store';
import { readSuspension } from '../storage/admin-marks';
import { log } from '../log';
import { healthOf } from './connection-health';
import { guardAuditRate } from './audit-guard';

export const CHECK_SETTINGS = {
  /** Tokens checked at once. */
  concurrency: 4,
  /**
   * Tokens started per second, site-wide. A check makes 3 storage reads and 1 write; Forge allows an
   * installation 4,000 reads a minute, shared with every user's panel: 8 a second uses about a third of it.
   */
  perSecond: 8,
  /** No check starts later than this into the invocation, so the last ones end well within 25 s. */
  budgetMs: 17_000,
  /** One attempt per token and check: TestKase must answer within this. */
  timeoutMs: 5_000,
  /** When a 429 says nothing about how long to wait. */
  defaultRetryAfterSeconds: 5,
  /** The least a 429 pauses the run, whatever it says ("Retry-After: 0" repeated must not become a loop). */
  minRetryAfterSeconds: 1,
  /** The worker's lease outlives any invocation (25 s), so it is never held by two. */
  workerLeaseSeconds: 40,
  /** How often the worker looks whether someone pressed Stop. */
  stopPollMs: 1_000,
  /** A run that has not moved for this long is abandoned: the next start begins a new one. */
  abandonedAfterMs: 60 * 60 * 1000,
};

type Outcome = { kind: keyof Tally; lastCheckedAt?: string | null } | { kind: 'RATE_LIMITED'; retryAfterSeconds: number };

export class CheckRunNotFound extends Error {}

const ACTIVE_KEEP_SECONDS = 24 * 60 * 60;
const isDone = (run: CheckRun) => run.next >= run.total;

/**
 * Starts a run or joins the site's run going (no runId), continues one (runId), or asks it to stop;
 * then checks what fits in this invocation, if no other invocation is checking.
 */
export async function checkAll(admin: string, request: { runId?: string | undefined; stop?: true | undefined }, started = Date.now()): Promise<CheckProgress> {
  const opened = request.runId ? await continued(request.runId) : await startOrJoin(admin, started);
  if (opened.kind === 'STARTING') return starting(opened.runId, opened.at);
  let run = opened.run;
  const startedByCaller = opened.kind === 'STARTED' || run.by === admin;
  const progress = (extra: Partial<CheckProgress> = {}): CheckProgress => ({ ...progressOf(run, startedByCaller), ...extra });

  if (request.stop) {
    if (isDone(run)) return progress();
    const at = new Date().toISOString();
    await requestStop(run.runId, { by: admin, at });
    return progress({ stopped: { at } });
  }
  if (isDone(run)) {
    // Nothing to check (no one is connected): the run is done as it starts, and the audit log says so.
    if (opened.kind === 'STARTED') await Promise.all([reportInAudit(run, Date.now()), releaseLease(keys.checkActive, run.runId)]);
    return progress();
  }
  // Pressing "Check all now" again continues a stopped run; a continue of a stopped run stays stopped.
  if (opened.kind === 'JOINED') await clearStop(run.runId);
  else {
    const stop = await readStop(run.runId);
    if (stop) return progress({ stopped: { at: stop.at } });
  }
  // Called again before TestKase's Retry-After has passed (the page should have waited): still wait.
  if (Date.now() < run.notBefore) return progress({ retryAfterSeconds: Math.ceil((run.notBefore - Date.now()) / 1000) });

  const worker = randomUUID();
  const lease = await acquireLease(keys.checkWorker, worker, CHECK_SETTINGS.workerLeaseSeconds);
  if (!lease.acquired) return progress({ busy: true });
  try {
    // The previous worker may have moved the run on since it was read.
    run = (await readRun(run.runId)) ?? run;
    if (isDone(run)) return progress();
    const result = await work(run, started);
    run = result.run;
    return progress(result.extra);
  } finally {
    await releaseLease(keys.checkWorker, worker);
  }
}

type Opened = { kind: 'STARTED' | 'JOINED' | 'CONTINUED'; run: CheckRun } | { kind: 'STARTING'; runId: string; at: number };

async function continued(runId: string): Promise<Opened> {
  const run = await readRun(runId);
  const active = await readLease(keys.checkActive);
  // A stale tab continuing a run another one replaced: it follows the run now going.
  if (active && active.holder !== runId) {
    const current = await readRun(active.holder);
    if (current) return { kind: 'CONTINUED', run: current };
  }
  if (!run) {
    if (active?.holder === runId) return { kind: 'STARTING', runId, at: active.at };
    throw new CheckRunNotFound(`no check run ${runId}`);
  }
  return { kind: 'CONTINUED', run };
}

async function startOrJoin(admin: string, started: number): Promise<Opened> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const active = await readLease(keys.checkActive);
    if (active) {
      const run = await readRun(active.holder);
      if (run && !isDone(run) && started - run.updatedAt < CHECK_SETTINGS.abandonedAfterMs) return { kind: 'JOINED', run };
      // Its creator is still writing it (a start a moment ago): wait with it.
      if (!run && started - active.at < 2 * 60_000) return { kind: 'STARTING', runId: active.holder, at: active.at };
      // Done, abandoned or broken: it no longer holds the site.
      await releaseLease(keys.checkActive, active.holder);
    }
    await guardAuditRate(admin);
    const runId = randomUUID();
    const lease = await acquireLease(keys.checkActive, runId, ACTIVE_KEEP_SECONDS, undefined, started);
    if (!lease.acquired) continue; // another start got in first: join it
    const accounts = await indexedAccounts();
    const tally = emptyTally();
    const { key, record } = await appendAudit(
      { action: 'CHECK_ALL', actor: admin, target: null, outcome: 'RUNNING', token: null, note: null, check: { total: accounts.length, checked: 0, tally, updatedAt: new Date(started).toISOString() } },
      started,
    );
    return { kind: 'STARTED', run: await createRun({ runId, by: admin, startedAt: record.at, auditKey: key }, accounts, started) };
  }
  throw new Error('could not start or join a check run');
}

/** This invocation's share of the run: a batch checked in turn, then the run and its audit entry updated. */
async function work(run: CheckRun, started: number): Promise<{ run: CheckRun; extra: Partial<CheckProgress> }> {
  const batch = Math.min(run.total - run.next, Math.ceil((CHECK_SETTINGS.perSecond * CHECK_SETTINGS.budgetMs) / 1000) + CHECK_SETTINGS.concurrency);
  const accounts = await accountsOf(run.runId, run.next, batch);
  const turn = await checkInTurn(run.runId, accounts, started + CHECK_SETTINGS.budgetMs, run.nextSlotAt);

  // Only the checks up to the first one not done count: the run resumes there next time.
  let done = 0;
  while (done < turn.outcomes.length && turn.outcomes[done]) {
    const outcome = turn.outcomes[done]!;
    if (outcome.kind !== 'RATE_LIMITED') {
      run.tally[outcome.kind] += 1;
      if (outcome.kind === 'UNREACHABLE') run.unreachableSince = widen(run.unreachableSince, outcome.lastCheckedAt ?? null);
    }
    done += 1;
  }
  run.next += done;
  run.notBefore = Math.max(run.notBefore, turn.waitUntil);
  run.nextSlotAt = turn.nextSlot;
  const now = Date.now();
  run.updatedAt = now;
  const finished = isDone(run);
  await Promise.all([saveRun(run), reportInAudit(run, now), finished ? releaseLease(keys.checkActive, run.runId) : Promise.resolve()]);
  const extra: Partial<CheckProgress> = {};
  if (turn.stopped) extra.stopped = { at: turn.stopped };
  const waitMs = turn.waitUntil - now;
  if (waitMs > 0 && !finished) extra.retryAfterSeconds = Math.ceil(waitMs / 1000);
  return { run, extra };
}

/** The oldest and newest of the last-check times of the tokens TestKase did not answer about. */
function widen(range: CheckRun['unreachableSince'], at: string | null): NonNullable<CheckRun['unreachableSince']> {
  const oldest = range?.oldest ?? null;
  const newest = range?.newest ?? null;
  if (!at) return { oldest, newest };
  return { oldest: !oldest || at < oldest ? at : oldest, newest: !newest || at > newest ? at : newest };
}

function progressOf(run: CheckRun, startedByCaller: boolean): CheckProgress {
  return {
    runId: run.runId,
    total: run.total,
    checked: run.next,
    tally: { ...run.tally },
    done: isDone(run),
    startedAt: run.startedAt,
    startedByCaller,
    unreachableSince: run.unreachableSince,
  };
}

/** A run whose creator is still writing it: nothing to show yet but that it is starting. */
function starting(runId: string, at: number): CheckProgress {
  return { runId, total: 0, checked: 0, tally: emptyTally(), done: false, busy: true, startedAt: new Date(at).toISOString(), startedByCaller: false, unreachableSince: null };
}

async function reportInAudit(run: CheckRun, now: number): Promise<void> {
  await updateAudit(run.auditKey, {
    id: run.auditKey.slice(run.auditKey.lastIndexOf(':') + 1),
    at: run.startedAt,
    action: 'CHECK_ALL',
    actor: run.by,
    target: null,
    outcome: isDone(run) ? 'DONE' : 'RUNNING',
    token: null,
    note: null,
    check: { total: run.total, checked: run.next, tally: run.tally, updatedAt: new Date(now).toISOString() },
  });
}

/**
 * Checks the accounts in order with bounded concurrency and rate until `deadline` (no check starts
 * after it) or Stop. Returns each account's outcome (undefined: not done), until when TestKase asked
 * to wait after a 429, when the next check may start, and when Stop was seen.
 */
async function checkInTurn(
  runId: string,
  accounts: readonly string[],
  deadline: number,
  firstSlot: number,
): Promise<{ outcomes: (Outcome | undefined)[]; waitUntil: number; nextSlot: number; stopped: string | null }> {
  const outcomes: (Outcome | undefined)[] = accounts.map(() => undefined);
  const queue = accounts.map((_, i) => i);
  // A tenth more than 1/perSecond between requests: what TestKase sees stays within the cap in any
  // second even when a request travels a little slower than the next one.
  const interval = (1000 / CHECK_SETTINGS.perSecond) * 1.1;
  let nextSlot = Math.max(Date.now(), firstSlot);
  let waitUntil = 0;
  let startedAny = false;
  let stopped: string | null = null;
  let polling = true;
  const poll = (async () => {
    while (polling && !stopped) {
      await sleep(CHECK_SETTINGS.stopPollMs);
      if (!polling) return;
      const stop = await readStop(runId).catch(() => undefined);
      if (stop) stopped = stop.at;
    }
  })();

  /**
   * The site-wide pace, taken right before each TestKase request (after its storage reads, which take
   * varying time): requests start at least `interval` apart, in the order they become ready.
   */
  const slot = async (): Promise<void> => {
    // A slot is taken when it has come, counted from the start actually made: a timer that fires late
    // (a busy event loop) must not let the next request start right behind it (9 in a second, measured
    // under load). Whoever wakes first takes the slot; the others wait for the next one.
    for (;;) {
      const now = Date.now();
      const at = Math.max(nextSlot, waitUntil, now);
      if (at <= now) {
        nextSlot = now + interval;
        return;
      }
      await sleep(at - now);
    }
  };

  // A check taken from the queue always finishes (Stop and the deadline stop the taking), so the
  // checks done are always the first ones of the batch: the run resumes right after them.
  const worker = async () => {
    for (;;) {
      if (stopped) return;
      const i = queue.shift();
      if (i === undefined) return;
      // Every invocation checks at least one token (when TestKase lets it), so a run always moves on.
      if (Math.max(nextSlot, waitUntil, Date.now()) >= deadline && startedAny) {
        queue.unshift(i);
        return;
      }
      startedAny = true;
      const outcome = await checkOne(accounts[i]!, slot);
      if (outcome.kind === 'RATE_LIMITED') {
        waitUntil = Math.max(waitUntil, Date.now() + outcome.retryAfterSeconds * 1000);
        queue.unshift(i); // this one again first, once TestKase allows it
        continue;
      }
      outcomes[i] = outcome;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(CHECK_SETTINGS.concurrency, accounts.length) }, worker));
  } finally {
    polling = false;
  }
  void poll;
  return { outcomes, waitUntil, nextSlot, stopped };
}

/** One token's check; `slot` waits for its turn in the site-wide pace right before TestKase is asked. */
async function checkOne(accountId: string, slot: () => Promise<void>): Promise<Outcome> {
  const [stored, suspension] = await Promise.all([loadToken(accountId), readSuspension(accountId)]);
  // A suspended connection's token is not used, not even to check it.
  if (suspension) return { kind: 'SUSPENDED' };
  if (!stored) {
    await dropEntryWithoutToken(accountId);
    return { kind: 'GONE' };
  }
  await slot();
  const client = clientFactory.create(stored.token, { maxRetries: 0, timeoutMs: CHECK_SETTINGS.timeoutMs, budgetMs: CHECK_SETTINGS.timeoutMs });
  const at = new Date().toISOString();
  const check = await checkToken(client, { projects: false });
  switch (check.kind) {
    case 'VALID':
      await recordCheck(accountId, stored, at, { result: 'OK', refreshed: check.facts });
      return { kind: healthOf({ expiresAt: check.facts.expiresAt, lastCheckResult: 'OK' }, Date.now()).health === 'EXPIRED' ? 'EXPIRED' : 'WORKING' };
    case 'RATE_LIMITED': {
      const asked = check.retryAfterSeconds ?? CHECK_SETTINGS.defaultRetryAfterSeconds;
      return { kind: 'RATE_LIMITED', retryAfterSeconds: Math.max(CHECK_SETTINGS.minRetryAfterSeconds, asked) };
    }
    case 'REJECTED':
      // The user's own panel re-checks at once instead of trusting its cached validation.
      await Promise.all([recordCheck(accountId, stored, at, { result: 'REJECTED' }), forgetValidation(accountId)]);
      return { kind: healthOf({ expiresAt: stored.details.expiresAt, lastCheckResult: 'REJECTED' }, Date.now()).health === 'EXPIRED' ? 'EXPIRED' : 'REJECTED' };
    case 'FAILED':
      log.warn('a token could not be checked with TestKase', check.error);
      return { kind: 'UNREACHABLE', lastCheckedAt: stored.activity.lastCheckedAt };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
