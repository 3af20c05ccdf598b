/** Test Cycles tab: list and create cycles, add the issue's cases, see and record executions. */
import { callTestKase, guard, openIssueSession, parsePayload, type ResolverRequest } from './session';
import { AddToCyclePayload, CreateCyclePayload, CycleRefPayload, EmptyPayload, ExecutePayload } from './payloads';
import { fail } from './errors';

export const testCycleResolvers = {
  listCycles: (request: ResolverRequest) =>
    guard(async () => {
      parsePayload(EmptyPayload, request.payload);
      const s = await openIssueSession(request, 'read');
      return (await callTestKase(s, false, () => s.client.allCycles(s.project.id))).items;
    }),

  createCycle: (request: ResolverRequest) =>
    guard(async () => {
      const input = parsePayload(CreateCyclePayload, request.payload);
      const s = await openIssueSession(request, 'write');
      return callTestKase(s, true, () =>
        s.client.createCycle({
          projectId: s.project.id,
          name: input.name,
          description: input.description ?? '',
          environment: input.environment?.trim() ? input.environment.trim() : null,
        }),
      );
    }),

  addToCycle: (request: ResolverRequest) =>
    guard(async () => {
      const { cycleId, testCaseIds } = parsePayload(AddToCyclePayload, request.payload);
      const s = await openIssueSession(request, 'write');
      return callTestKase(s, true, () => s.client.addToCycle(cycleId, { projectId: s.project.id, testCaseIds: [...new Set(testCaseIds)] }));
    }),

  /** The cycle's executions of this issue's linked test cases, and which linked cases it lacks. */
  listCycleExecutions: (request: ResolverRequest) =>
    guard(async () => {
      const { cycleId } = parsePayload(CycleRefPayload, request.payload);
      const s = await openIssueSession(request, 'read');
      const [cycles, linked] = await callTestKase(s, false, () =>
        Promise.all([s.client.allCycles(s.project.id), s.client.allTestCases({ projectId: s.project.id, jiraIssueKey: s.ctx.issueKey })]),
      );
      const cycle = cycles.items.find((c) => c.id === cycleId);
      if (!cycle) throw fail('NOT_FOUND', `The test cycle ${cycleId} no longer exists in TestKase. Refresh the list of cycles.`);
      const linkedIds = linked.items.map((t) => t.id);
      const executions = linkedIds.length === 0
        ? { items: [] }
        : await callTestKase(s, false, () => s.client.allCycleExecutions({ cycleId, projectId: s.project.id, testCaseIds: linkedIds }));
      const inCycle = new Set(executions.items.map((e) => e.testCaseId));
      return { cycle, items: executions.items, notInCycle: linkedIds.filter((id) => !inCycle.has(id)) };
    }),

  /** A Fail records the current Jira issue as the defect reference. */
  executeTest: (request: ResolverRequest) =>
    guard(async () => {
      const input = parsePayload(ExecutePayload, request.payload);
      const s = await openIssueSession(request, 'write');
      const comment = input.comment?.trim() ? input.comment.trim() : null;
      return callTestKase(s, true, () =>
        s.client.recordExecution(input.cycleId, {
          projectId: s.project.id,
          testCaseId: input.testCaseId,
          status: input.status,
          comment,
          defects: input.status === 'FAIL' ? [s.ctx.issueKey] : [],
        }),
      );
    }),
};
