/** Test Cycles: list and create cycles, add the issue's cases, see and record results (one at a time or several), defects. */
import type { StatusCounts } from '../shared/definitions';
import { endpoints, LIMITS } from '../testkase/contract';
import { splitBatches } from '../testkase/batches';
import { isTestKaseError } from '../testkase/errors';
import type { Implementation } from './envelope';
import { AppFailure, fail, toAppError } from './errors';
import { callTestKase, openIssueSession, type IssueSession } from './issue-session';
import { words } from '../shared/words/backend';
import { partOf } from './list-part';

/**
 * The panel of an issue acts on that issue's tests only: running an unrelated case from it would
 * record a result the tester did not mean for this story. The issue comes from the trusted context;
 * TestKase still checks what the token may do. Checked against each case's own `jiraIssueKeys`, so a
 * TestKase that ignored the issue filter could not widen it.
 */
export async function requireLinked(s: IssueSession, testCaseIds: string[], field: string): Promise<void> {
  const { issueKey } = s.caller;
  const linked = await callTestKase(s, false, () => s.client.allTestCases({ projectId: s.project.id, jiraIssueKey: issueKey }));
  const ids = new Set(linked.items.filter((t) => t.jiraIssueKeys.includes(issueKey)).map((t) => t.id));
  const others = testCaseIds.filter((id) => !ids.has(id));
  if (others.length === 0) return;
  throw fail('VALIDATION', words.errors.notLinked({ named: words.errors.someIds({ ids: others }), count: others.length, issueKey }), { field });
}

/** Cycles newest activity first (the ones a tester is working in), optionally searched by name or holding a test case. */
const listCycles: Implementation<'listCycles'> = async ({ search, containing, from = 0 }, caller) => {
  const s = await openIssueSession(caller, 'read');
  const filter = { sort: '-updatedAt' as const, ...(search ? { search } : {}), ...(containing ? { testCaseId: containing } : {}) };
  const { items, total } = await callTestKase(s, false, () => s.client.allCycles(s.project.id, filter, from));
  return partOf(items, total, from);
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
  // Batches TestKase accepts by count (A10) and by body size (A20).
  const sized = splitBatches(endpoints.addToCycle, unique, (testCaseIds) => ({ projectId: s.project.id, testCaseIds }), { maxItems: LIMITS.addToCycleMax });
  for (const { body } of sized) {
    try {
      const r = await callTestKase(s, true, () => s.client.addToCycle(cycleId, body));
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
 * The cycle's rows for this issue's linked test cases (or for one of them), and which linked cases it
 * lacks. The cycle, the linked cases and the rows are asked at once: the rows filtered by the issue on
 * TestKase's side (A40, one paged query), or — from a TestKase without that filter, or for one case — by
 * the linked cases' ids. Rows of cases that are not linked are dropped either way: a TestKase that
 * ignored the filter cannot widen it. The rows are answered in parts from the `from`-th on; `counts`
 * and `notInCycle` are over all of them.
 */
const listCycleExecutions: Implementation<'listCycleExecutions'> = async ({ cycleId, testCaseId, from = 0 }, caller) => {
  const s = await openIssueSession(caller, 'read');
  const { issueKey } = s.caller;
  const [cycles, linked, byIssue] = await callTestKase(s, false, () =>
    Promise.all([
      s.client.allCycles(s.project.id),
      s.client.allTestCases({ projectId: s.project.id, jiraIssueKey: issueKey }),
      // A cycle that is gone is said by the cycle list below, in the app's own words.
      // One case's row is one query by its id; the issue's rows are one filtered query.
      testCaseId !== undefined
        ? null
        : s.client.cycleExecutionsForIssue({ cycleId, projectId: s.project.id, jiraIssueKey: issueKey }).catch((e: unknown) => {
            if (isTestKaseError(e, 'NOT_FOUND')) return null;
            throw e;
          }),
    ]),
  );
  const cycle = cycles.items.find((c) => c.id === cycleId);
  if (!cycle) throw fail('NOT_FOUND', words.errors.cycleGone({ cycleId }));
  const linkedIds = linked.items.map((t) => t.id).filter((id) => testCaseId === undefined || id === testCaseId);
  const isLinked = new Set(linkedIds);
  const executions = byIssue
    ? byIssue
    : linkedIds.length === 0
      ? { items: [] }
      : await callTestKase(s, false, () => s.client.allCycleExecutions({ cycleId, projectId: s.project.id, testCaseIds: linkedIds }));
  const rows = executions.items.filter((e) => isLinked.has(e.testCaseId));
  const inCycle = new Set(rows.map((e) => e.testCaseId));
  const counts: StatusCounts = { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { cycle, ...partOf(rows.slice(from, from + LIMITS.listMax), rows.length, from), counts, notInCycle: linkedIds.filter((id) => !inCycle.has(id)) };
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
      // The same Save tried again (its answer lost) is not recorded twice (A31).
      ...(input.requestId ? { idempotencyKey: `${input.requestId}:${input.testCaseId}` } : {}),
      projectId: s.project.id,
      testCaseId: input.testCaseId,
      status: input.status,
      comment,
      defects: [...new Set(input.defects ?? [])],
      stepResults: (input.stepResults ?? []).map((r) => ({ order: r.order, status: r.status, actualResult: r.actualResult?.trim() ? r.actualResult.trim() : null })),
    }),
  );
};

/**
 * The result must be one of the test case's results in the cycle: asked of TestKase by its id (A60), so
 * a result older than any page of the history is found as surely as the newest.
 */
async function requireResultOf(s: IssueSession, { cycleId, testCaseId, executionId }: { cycleId: string; testCaseId: string; executionId: string }): Promise<void> {
  const run = await callTestKase(s, false, () => s.client.execution(cycleId, executionId, s.project.id)).catch((e: unknown) => {
    if (e instanceof AppFailure && e.appError.code === 'NOT_FOUND') return null;
    throw e;
  });
  if (run && run.cycleId === cycleId && run.testCaseId === testCaseId) return;
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

export const testCycleResolvers = { listCycles, createCycle, addToCycle, listCycleExecutions, executeTest, addDefect };
