/**
 * Several of the issue's test cases at once: which cycles already hold a selection, and one result for
 * all of them in a cycle — adding the missing ones first when asked — in one call of the person's.
 *
 * - The answer is ids and statuses only (2,000 results with long comments made a 12 MB answer); the UI
 *   re-reads what it shows.
 * - Every result carries an idempotency key derived from the request's id (A31), so trying the same
 *   request again — after an answer lost between TestKase and the backend, or between the backend and
 *   the browser (the UI's own 30 s clock) — records only what is missing, never a result twice.
 * - Batches are split by body bytes (TestKase's body limit) and by count; a batch that would not fit in
 *   what is left of the call's time, or past the invocation's share of outbound requests, is not sent,
 *   and its cases are said to be "not recorded".
 */
import { randomUUID } from 'node:crypto';
import type { BulkFailureReason, BulkOutcome } from '../shared/definitions';
import { words } from '../shared/words/backend';
import { splitBatches } from '../testkase/batches';
import { endpoints, LIMITS } from '../testkase/contract';
import { isTestKaseError } from '../testkase/errors';
import type { Implementation } from './envelope';
import { AppFailure, toAppError } from './errors';
import { callTestKase, openIssueSession, type IssueSession } from './issue-session';
import { requireLinked } from './test-cycles';

/** A batch is not started with less time than this left of the call's TestKase budget. */
const BATCH_TIME_MS = 2_500;
/**
 * Write requests one call sends at most: Forge allows 100 outbound requests per invocation, and the
 * session, the linked-cases check and the adds need their share.
 */
const MAX_WRITE_REQUESTS = 60;

type Groups = Map<string, { reason: BulkFailureReason; ids: string[]; why: string }>;

function note(groups: Groups, reason: BulkFailureReason, ids: readonly string[], why = ''): void {
  const key = `${reason}|${why}`;
  const group = groups.get(key) ?? { reason, ids: [], why };
  group.ids.push(...ids);
  groups.set(key, group);
}

function sentence(reason: BulkFailureReason, ids: string[], why: string): string {
  const named = words.errors.manyIds({ ids });
  switch (reason) {
    case 'NOT_IN_CYCLE':
      return words.errors.bulkNotInCycle({ ids: named });
    case 'REFUSED':
      return words.errors.bulkRefused({ ids: named, why });
    case 'UNKNOWN':
      return words.errors.bulkUnknown({ ids: named });
    case 'NOT_SENT':
      return words.errors.bulkNotSent({ ids: named });
  }
}

/** A batch's failure: its answer lost (it may have been recorded), never sent, or a refusal that every later batch would meet too. */
function classify(e: unknown): { reason: BulkFailureReason; stop: boolean; why: string } {
  const why = e instanceof AppFailure ? e.appError.message : toAppError(e, true).message;
  if (isTestKaseError(e, 'UNAVAILABLE')) {
    if (e.details.noAnswer === 'NOT_SENT') return { reason: 'NOT_SENT', stop: true, why };
    if (e.details.noAnswer === 'TIMEOUT' || e.details.noAnswer === 'NETWORK') return { reason: 'UNKNOWN', stop: false, why };
    return { reason: 'REFUSED', stop: false, why }; // a 5xx: TestKase answered that it did not record them
  }
  // 401, 403, 404, 400, 429…: the same for the next batch.
  return { reason: 'REFUSED', stop: true, why };
}

interface Budget {
  session: IssueSession;
  requests: number;
}

const canSend = (b: Budget) => b.requests < MAX_WRITE_REQUESTS && b.session.client.remainingMs() > BATCH_TIME_MS;

/** Adds what the cycle lacks; a failure here leaves those cases to be reported NOT_IN_CYCLE by the record. */
async function addMissing(b: Budget, cycleId: string, ids: string[], outcome: BulkOutcome): Promise<void> {
  const s = b.session;
  let first = true;
  for (const { body } of splitBatches(endpoints.addToCycle, ids, (testCaseIds) => ({ projectId: s.project.id, testCaseIds }), { maxItems: LIMITS.addToCycleMax })) {
    if (!canSend(b)) return;
    b.requests += 1;
    try {
      const r = await callTestKase(s, true, () => s.client.addToCycle(cycleId, body));
      outcome.added.push(...r.added);
    } catch (e) {
      // Nothing done yet and TestKase refused outright (the token, the role, the cycle): the whole request fails as one.
      if (first && !isTestKaseError(e instanceof AppFailure ? e.cause : e, 'UNAVAILABLE')) throw e;
      return;
    }
    first = false;
  }
}

/** One result for several of the issue's test cases (optionally added to the cycle first): an outcome per group of cases. */
const executeMany: Implementation<'executeMany'> = async ({ requestId, cycleId, testCaseIds, status, comment, addMissing: add }, caller) => {
  const s = await openIssueSession(caller, 'write');
  const unique = [...new Set(testCaseIds)];
  await requireLinked(s, unique, 'testCaseIds');
  const text = comment?.trim() ? comment.trim() : null;
  const run = requestId ?? randomUUID();
  const outcome: BulkOutcome = { recorded: [], added: [], failed: [] };
  const budget: Budget = { session: s, requests: 0 };
  if (add) await addMissing(budget, cycleId, unique, outcome);

  const results = unique.map((testCaseId) => ({ idempotencyKey: `${run}:${testCaseId}`, testCaseId, status, comment: text }));
  // Batches TestKase accepts by count (A18) and by body size (A20), each body exactly as it is sent.
  const batches = splitBatches(endpoints.recordExecutions, results, (batch) => ({ projectId: s.project.id, results: batch }), { maxItems: LIMITS.bulkMax });
  const groups: Groups = new Map();
  let stopped = false;
  for (const { items, body } of batches) {
    const ids = items.map((r) => r.testCaseId);
    if (stopped || !canSend(budget)) {
      stopped = true;
      note(groups, 'NOT_SENT', ids);
      continue;
    }
    budget.requests += 1;
    try {
      const r = await callTestKase(s, true, () => s.client.recordExecutions(cycleId, body));
      outcome.recorded.push(...r.recorded.map((e) => ({ testCaseId: e.testCaseId, executionId: e.id, status: e.status })));
      for (const f of r.failed) {
        if (f.code === 'NOT_IN_CYCLE') note(groups, 'NOT_IN_CYCLE', [f.testCaseId]);
        else note(groups, 'REFUSED', [f.testCaseId], words.errors.bulkNoReason);
      }
    } catch (e) {
      const cause = e instanceof AppFailure && e.cause !== undefined ? e.cause : e;
      // Nothing recorded yet and TestKase refused outright: the request fails as one (the panel then
      // learns, say, that the token is gone).
      const c = classify(cause);
      if (c.stop && c.reason === 'REFUSED' && outcome.recorded.length === 0 && groups.size === 0) throw e;
      note(groups, c.reason, ids, c.why);
      if (c.stop) stopped = true;
    }
  }
  outcome.failed = [...groups.values()].map((g) => ({ reason: g.reason, testCaseIds: g.ids, message: sentence(g.reason, g.ids, g.why) }));
  return outcome;
};

/** How many of the selection each cycle already holds (A32). */
const listCyclesHolding: Implementation<'listCyclesHolding'> = async ({ testCaseIds }, caller) => {
  const s = await openIssueSession(caller, 'read');
  const held = await callTestKase(s, false, () => s.client.cycleMembership(s.project.id, testCaseIds));
  return { items: [...held].map(([cycleId, ids]) => ({ cycleId, held: ids.size })) };
};

export const bulkResolvers = { executeMany, listCyclesHolding };
