/** Test Cycles tab: list and create cycles, add the issue's cases, see and record executions. */
import type { Implementation } from './envelope';
import { fail } from './errors';
import { callTestKase, openIssueSession, type IssueSession } from './issue-session';
import { sentences } from './sentences';

/**
 * The panel of an issue acts on that issue's tests only: a Fail records the issue as the defect, so
 * running an unrelated case from it would file a wrong defect. The issue comes from the trusted
 * context; TestKase still checks what the token may do. Checked against each case's own
 * `jiraIssueKeys`, so a TestKase that ignored the issue filter could not widen it.
 */
async function requireLinked(s: IssueSession, testCaseIds: string[], field: string): Promise<void> {
  const { issueKey } = s.caller;
  const linked = await callTestKase(s, false, () => s.client.allTestCases({ projectId: s.project.id, jiraIssueKey: issueKey }));
  const ids = new Set(linked.items.filter((t) => t.jiraIssueKeys.includes(issueKey)).map((t) => t.id));
  const others = testCaseIds.filter((id) => !ids.has(id));
  if (others.length === 0) return;
  const named = others.length <= 3 ? others.join(', ') : `${others.slice(0, 3).join(', ')} and ${others.length - 3} more`;
  throw fail('VALIDATION', sentences.notLinked(named, others.length, issueKey), { field });
}

const listCycles: Implementation<'listCycles'> = async (_input, caller) => {
  const s = await openIssueSession(caller, 'read');
  return (await callTestKase(s, false, () => s.client.allCycles(s.project.id))).items;
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

const addToCycle: Implementation<'addToCycle'> = async ({ cycleId, testCaseIds }, caller) => {
  const s = await openIssueSession(caller, 'write');
  const unique = [...new Set(testCaseIds)];
  await requireLinked(s, unique, 'testCaseIds');
  return callTestKase(s, true, () => s.client.addToCycle(cycleId, { projectId: s.project.id, testCaseIds: unique }));
};

/** The cycle's executions of this issue's linked test cases, and which linked cases it lacks. */
const listCycleExecutions: Implementation<'listCycleExecutions'> = async ({ cycleId }, caller) => {
  const s = await openIssueSession(caller, 'read');
  const [cycles, linked] = await callTestKase(s, false, () =>
    Promise.all([s.client.allCycles(s.project.id), s.client.allTestCases({ projectId: s.project.id, jiraIssueKey: s.caller.issueKey })]),
  );
  const cycle = cycles.items.find((c) => c.id === cycleId);
  if (!cycle) throw fail('NOT_FOUND', sentences.cycleGone(cycleId));
  const linkedIds = linked.items.map((t) => t.id);
  const executions = linkedIds.length === 0
    ? { items: [] }
    : await callTestKase(s, false, () => s.client.allCycleExecutions({ cycleId, projectId: s.project.id, testCaseIds: linkedIds }));
  const inCycle = new Set(executions.items.map((e) => e.testCaseId));
  return { cycle, items: executions.items, notInCycle: linkedIds.filter((id) => !inCycle.has(id)) };
};

/** A Fail records the current Jira issue as the defect reference; only the issue's own cases can be run. */
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
      defects: input.status === 'FAIL' ? [s.caller.issueKey] : [],
    }),
  );
};

export const testCycleResolvers = { listCycles, createCycle, addToCycle, listCycleExecutions, executeTest };
