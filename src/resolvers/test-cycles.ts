/** Test Cycles: list and create cycles, add the issue's cases, see and record results (one at a time or several), defects. */
import type { BulkOutcome } from '../shared/definitions';
import { LIMITS } from '../testkase/contract';
import { isTestKaseError } from '../testkase/errors';
import type { Implementation } from './envelope';
import { AppFailure, fail, toAppError } from './errors';
import { callTestKase, openIssueSession, type IssueSession } from './issue-session';
import { words } from '../shared/words/backend';

/**
 * The panel of an issue acts on that issue's tests only: running an unrelated case from it would
 * record a result the tester did not mean for this story. The issue comes from the trusted context;
 * TestKase still checks what the token may do. Checked against each case's own `jiraIssueKeys`, so a
 * TestKase that ignored the issue filter could not widen it.
 */
async function requireLinked(s: IssueSession, testCaseIds: string[], field: string): Promise<void> {
  const { issueKey } = s.caller;
  const linked = await callTestKase(s, false, () => s.client.allTestCases({ projectId: s.project.id, jiraIssueKey: issueKey }));
  const ids = new Set(linked.items.filter((t) => t.jiraIssueKeys.includes(issueKey)).map((t) => t.id));
  const others = testCaseIds.filter((id) => !ids.has(id));
  if (others.length === 0) return;
  throw fail('VALIDATION', words.errors.notLinked({ named: words.errors.someIds({ ids: others }), count: others.length, issueKey }), { field });
}

function batches<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Cycles newest activity first (the ones a tester is working in), optionally searched by name or holding a test case. */
const listCycles: Implementation<'listCycles'> = async ({ search, containing }, caller) => {
  const s = await openIssueSession(caller, 'read');
  const filter = { sort: '-updatedAt' as const, ...(search ? { search } : {}), ...(containing ? { testCaseId: containing } : {}) };
  return callTestKase(s, false, () => s.client.allCycles(s.project.id, filter));
};

const createCycle: Implementation<'createCycle'> = async (input, caller) => {
  const s = await openIssueSession(caller, 'write');
  return callTestKase(s, true, () =>
    s.client.createCycle({
      projectId: s.project.id,
      name: input.name,
      description: input.description ?? '',
      environment: input.environment?.trim() ? input.environment.trim() : null,
    }),
  );
};

/** A selection of any size (up to LIMITS.addToCycleSelectionMax), sent in TestKase-sized batches; one outcome. */
const addToCycle: Implementation<'addToCycle'> = async ({ cycleId, testCaseIds }, caller) => {
  const s = await openIssueSession(caller, 'write');
  const unique = [...new Set(testCaseIds)];
  await requireLinked(s, unique, 'testCaseIds');
  const outcome = { added: [] as string[], alreadyInCycle: [] as string[] };
  for (const batch of batches(unique, LIMITS.addToCycleMax)) {
    try {
      const r = await callTestKase(s, true, () => s.client.addToCycle(cycleId, { projectId: s.project.id, testCaseIds: batch }));
      outcome.added.push(...r.added);
      outcome.alreadyInCycle.push(...r.alreadyInCycle);
    } catch (e) {
      const done = outcome.added.length + outcome.alreadyInCycle.length;
      if (done === 0) throw e;
      throw fail(toAppError(e).code, words.errors.partlyAdded({ done, of: unique.length, why: toAppError(e).message }));
    }
  }
  return outcome;
};

/**
 * The cycle's rows for this issue's linked test cases, and which linked cases it lacks. The cycle, the
 * linked cases and the rows are asked at once: the rows filtered by the issue on TestKase's side (A40,
 * one paged query), or — from a TestKase without that filter — by the linked cases' ids afterwards. Rows
 * of cases that are not linked are dropped either way: a TestKase that ignored the filter cannot widen it.
 */
const listCycleExecutions: Implementation<'listCycleExecutions'> = async ({ cycleId }, caller) => {
  const s = await openIssueSession(caller, 'read');
  const { issueKey } = s.caller;
  const [cycles, linked, byIssue] = await callTestKase(s, false, () =>
    Promise.all([
      s.client.allCycles(s.project.id),
      s.client.allTestCases({ projectId: s.project.id, jiraIssueKey: issueKey }),
      // A cycle that is gone is said by the cycle list below, in the app's own words.
      s.client.cycleExecutionsForIssue({ cycleId, projectId: s.project.id, jiraIssueKey: issueKey }).catch((e: unknown) => {
        if (isTestKaseError(e, 'NOT_FOUND')) return null;
        throw e;
      }),
    ]),
  );
  const cycle = cycles.items.find((c) => c.id === cycleId);
  if (!cycle) throw fail('NOT_FOUND', words.errors.cycleGone({ cycleId }));
  const linkedIds = linked.items.map((t) => t.id);
  const isLinked = new Set(linkedIds);
  const executions = byIssue
    ? byIssue
    : linkedIds.length === 0
      ? { items: [] }
      : await callTestKase(s, false, () => s.client.allCycleExecutions({ cycleId, projectId: s.project.id, testCaseIds: linkedIds }));
  const items = executions.items.filter((e) => isLinked.has(e.testCaseId));
  const inCycle = new Set(items.map((e) => e.testCaseId));
  return { cycle, items, notInCycle: linkedIds.filter((id) => !inCycle.has(id)) };
};

/**
 * One result, with its step results and the bugs the tester names (a Fail does not file the story
 * under test as its own defect). A new record each time: the previous ones stay in the history.
 */
const executeTest: Implementation<'executeTest'> = async (input, caller) => {
  const s = await openIssueSession(caller, 'write');
  await requireLinked(s, [input.testCaseId], 'testCaseId');
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  return callTestKase(s, true, () =>
    s.client.recordExecution(input.cycleId, {
      projectId: s.project.id,
      testCaseId: input.testCaseId,
      status: input.status,
      comment,
      defects: [...new Set(input.defects ?? [])],
      stepResults: (input.stepResults ?? []).map((r) => ({ order: r.order, status: r.status, actualResult: r.actualResult?.trim() ? r.actualResult.trim() : null })),
    }),
  );
};

/** One result for several of the issue's test cases: TestKase's bulk call per batch, an outcome per test case. */
const executeMany: Implementation<'executeMany'> = async ({ cycleId, testCaseIds, status, comment }, caller) => {
  const s = await openIssueSession(caller, 'write');
  const unique = [...new Set(testCaseIds)];
  await requireLinked(s, unique, 'testCaseIds');
  const text = comment?.trim() ? comment.trim() : null;
  const outcome: BulkOutcome = { recorded: [], failed: [] };
  for (const batch of batches(unique, LIMITS.bulkMax)) {
    try {
      const r = await callTestKase(s, true, () => s.client.recordExecutions(cycleId, { projectId: s.project.id, results: batch.map((testCaseId) => ({ testCaseId, status, comment: text })) }));
      outcome.recorded.push(...r.recorded);
      outcome.failed.push(...r.failed.map((f) => ({ testCaseId: f.testCaseId, message: f.code === 'NOT_IN_CYCLE' ? words.errors.notInCycle({ testCaseId: f.testCaseId }) : words.errors.notRecorded({ testCaseId: f.testCaseId }) })));
    } catch (e) {
      // The batch was refused or its answer lost: say so for each of its cases, and keep the others' outcomes.
      const message = e instanceof AppFailure ? e.appError.message : toAppError(e, true).message;
      outcome.failed.push(...batch.map((testCaseId) => ({ testCaseId, message })));
    }
  }
  return outcome;
};

/** Pages of a test case's history searched for a result (newest first: a result just recorded is on the first). */
const RESULT_SEARCH_PAGES = 5;

/** The result must be one of the test case's results in the cycle (its history, newest first). */
async function requireResultOf(s: IssueSession, { cycleId, testCaseId, executionId }: { cycleId: string; testCaseId: string; executionId: string }): Promise<void> {
  for (let page = 1; page <= RESULT_SEARCH_PAGES; page++) {
    const history = await callTestKase(s, false, () => s.client.testCaseHistory(testCaseId, s.project.id, page, LIMITS.pageSizeMax));
    if (history.data.some((run) => run.id === executionId && run.cycleId === cycleId && run.testCaseId === testCaseId)) return;
    if (history.data.length === 0 || page * history.pagination.pageSize >= history.pagination.total) break;
  }
  throw fail('VALIDATION', words.errors.notResultOf({ executionId, testCaseId }), { field: 'executionId' });
}

/**
 * A bug the tester created in Jira (through Jira's own dialog) is recorded on the result it is about —
 * only a result of a test case linked to this issue, like every other write of the panel.
 */
const addDefect: Implementation<'addDefect'> = async ({ cycleId, testCaseId, executionId, issueKey }, caller) => {
  const s = await openIssueSession(caller, 'write');
  // Both reads at once; a test case that is not linked is the error the tester is told first.
  const result = requireResultOf(s, { cycleId, testCaseId, executionId });
  void result.catch(() => undefined);
  await requireLinked(s, [testCaseId], 'testCaseId');
  await result;
  return callTestKase(s, true, () => s.client.addDefect(cycleId, executionId, s.project.id, issueKey));
};

export const testCycleResolvers = { listCycles, createCycle, addToCycle, listCycleExecutions, executeTest, executeMany, addDefect };
