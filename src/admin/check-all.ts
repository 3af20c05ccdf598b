/**
 * "Check all now": every stored token is validated against TestKase (GET /auth/token-info, one
 * request each) and its state recorded in the connection index — never shown or returned. A run
 * covers the accounts indexed when it starts and goes on over as many invocations as it needs: each
 * checks what fits in CHECK_SETTINGS.budgetMs (Forge gives an invocation 25 s), records how far it got
 * (storage/check-runs.ts), and the admin page calls again with the run id until it is done.
 *
 * Bounded: CHECK_SETTINGS.concurrency checks at once and at most CHECK_SETTINGS.perSecond per second.
 * A 429 from TestKase pauses every check until its Retry-After has passed (TestKase may limit by
 * origin, not only by token); when that outlasts the invocation, the answer says when to call again.
 */
import { randomUUID } from 'node:crypto';
import type { CheckProgress } from '../shared/definitions';
import { clientFactory } from '../connection/client-factory';
import { checkToken } from '../connection/validate-token';
import { appendAudit, updateAudit } from '../storage/audit-log';
import { accountsOf, createRun, emptyTally, readRun, saveRun, type CheckRun, type Tally } from '../storage/check-runs';
import { forgetValidation } from '../storage/connection-cache';
import { indexedAccounts } from '../storage/connection-index';
import { dropEntryWithoutToken, loadToken, recordCheck } from '../storage/token-store';
import { log } from '../log';
import { healthOf } from './connection-health';

export const CHECK_SETTINGS = {
  /** Tokens checked at once. */
  concurrency: 4,
  /**
   * Tokens started per second. A check makes 3 storage reads and 1 write; Forge allows an installation
   * 4,000 reads a minute, shared with every user's panel: 8 a second uses about a third of it.
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
};

type Outcome = { kind: keyof Tally } | { kind: 'RATE_LIMITED'; retryAfterSeconds: number };

export class CheckRunNotFound extends Error {}

/** Starts a run (no runId) or continues one; either way checks what fits in this invocation. */
export async function checkAll(adminAccountId: string, runId: string | undefined, started = Date.now()): Promise<CheckProgress> {
  const run = runId ? await readRun(runId) : await startRun(adminAccountId, started);
  if (!run) throw new CheckRunNotFound(`no check run ${runId}`);
  if (run.next >= run.total) {
    // Nothing to check (no one is connected): the run is done as it starts, and the audit log says so.
    if (!runId) await reportInAudit(run, Date.now());
    return progressOf(run);
  }
  // Called again before TestKase's Retry-After has passed (the page should have waited): still wait.
  if (Date.now() < run.notBefore) return { ...progressOf(run), retryAfterSeconds: Math.ceil((run.notBefore - Date.now()) / 1000) };

  const batch = Math.min(run.total - run.next, Math.ceil((CHECK_SETTINGS.perSecond * CHECK_SETTINGS.budgetMs) / 1000) + CHECK_SETTINGS.concurrency);
  const accounts = await accountsOf(run.runId, run.next, batch);
  const { outcomes, waitUntil } = await checkInTurn(accounts, started + CHECK_SETTINGS.budgetMs);

  // Only the checks up to the first one not done count: the run resumes there next time.
  let done = 0;
  while (done < outcomes.length && outcomes[done]) {
    const outcome = outcomes[done]!;
    if (outcome.kind !== 'RATE_LIMITED') run.tally[outcome.kind] += 1;
    done += 1;
  }
  run.next += done;
  run.notBefore = Math.max(run.notBefore, waitUntil);
  const now = Date.now();
  await Promise.all([saveRun(run), reportInAudit(run, now)]);
  const progress = progressOf(run);
  const waitMs = waitUntil - now;
  return waitMs > 0 && !progress.done ? { ...progress, retryAfterSeconds: Math.ceil(waitMs / 1000) } : progress;
}

async function startRun(by: string, started: number): Promise<CheckRun> {
  const accounts = await indexedAccounts();
  const tally = emptyTally();
  const { key, record } = await appendAudit(
    { action: 'CHECK_ALL', actor: by, target: null, outcome: 'RUNNING', token: null, check: { total: accounts.length, checked: 0, tally, updatedAt: new Date(started).toISOString() } },
    started,
  );
  return createRun({ runId: randomUUID(), by, startedAt: record.at, auditKey: key }, accounts);
}

function progressOf(run: CheckRun): CheckProgress {
  return { runId: run.runId, total: run.total, checked: run.next, tally: { ...run.tally }, done: run.next >= run.total };
}

async function reportInAudit(run: CheckRun, now: number): Promise<void> {
  const done = run.next >= run.total;
  await updateAudit(run.auditKey, {
    id: run.auditKey.slice(run.auditKey.lastIndexOf(':') + 1),
    at: run.startedAt,
    action: 'CHECK_ALL',
    actor: run.by,
    target: null,
    outcome: done ? 'DONE' : 'RUNNING',
    token: null,
    check: { total: run.total, checked: run.next, tally: run.tally, updatedAt: new Date(now).toISOString() },
  });
}

/**
 * Checks the accounts in order with bounded concurrency and rate until `deadline` (no check starts
 * after it). Returns each account's outcome (undefined: not done) and, after a 429, until when
 * TestKase asked to wait.
 */
async function checkInTurn(accounts: readonly string[], deadline: number): Promise<{ outcomes: (Outcome | undefined)[]; waitUntil: number }> {
  const outcomes: (Outcome | undefined)[] = accounts.map(() => undefined);
  const queue = accounts.map((_, i) => i);
  const interval = 1000 / CHECK_SETTINGS.perSecond;
  let nextSlot = Date.now();
  let waitUntil = 0;
  let startedAny = false;

  const worker = async () => {
    for (;;) {
      const i = queue.shift();
      if (i === undefined) return;
      const startAt = Math.max(nextSlot, waitUntil, Date.now());
      // Every invocation checks at least one token (when TestKase lets it), so a run always moves on.
      if (startAt >= deadline && (startedAny || startAt > Date.now())) {
        queue.unshift(i);
        return;
      }
      startedAny = true;
      nextSlot = startAt + interval;
      if (startAt > Date.now()) await sleep(startAt - Date.now());
      if (Date.now() < waitUntil) {
        // Another check hit a 429 meanwhile: wait with everyone else.
        queue.unshift(i);
        continue;
      }
      const outcome = await checkOne(accounts[i]!);
      if (outcome.kind === 'RATE_LIMITED') {
        waitUntil = Math.max(waitUntil, Date.now() + outcome.retryAfterSeconds * 1000);
        queue.unshift(i); // this one again first, once TestKase allows it
        continue;
      }
      outcomes[i] = outcome;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECK_SETTINGS.concurrency, accounts.length) }, worker));
  return { outcomes, waitUntil };
}

async function checkOne(accountId: string): Promise<Outcome> {
  const stored = await loadToken(accountId);
  if (!stored) {
    await dropEntryWithoutToken(accountId);
    return { kind: 'GONE' };
  }
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
      return { kind: 'UNREACHABLE' };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
