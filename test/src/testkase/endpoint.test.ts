/** The endpoint table's wire forms: what the client encodes is what the simulator decodes, and nothing else. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoints, ExecutionsQuery, TestCasesQuery } from '../../../src/testkase/contract';
import { pathsOf, requestBody, requestPath } from '../../../src/testkase/endpoint';

describe('request paths from the endpoint table', () => {
  it('fills the template with encoded params and writes the query once: numbers as digits, id lists comma-separated', () => {
    expect(requestPath(endpoints.whoAmI, {})).toBe('/auth/token-info');
    expect(requestPath(endpoints.testCases, { query: { projectId: 'PRJ-1', jiraIssueKey: 'DEMO-1', page: 2, pageSize: 100 } }))
      .toBe('/test-cases?projectId=PRJ-1&jiraIssueKey=DEMO-1&page=2&pageSize=100');
    expect(requestPath(endpoints.cycleExecutions, { params: { cycleId: 'TCYCLE-2' }, query: { projectId: 'PRJ-1', testCaseIds: ['TC-1', 'TC-2'] } }))
      .toBe('/test-cycles/TCYCLE-2/executions?projectId=PRJ-1&testCaseIds=TC-1%2CTC-2');
    expect(requestPath(endpoints.unlinkIssue, { params: { testCaseId: 'TC-3', jiraIssueKey: 'DEMO-1' }, query: { projectId: 'PRJ-1' } }))
      .toBe('/test-cases/TC-3/jira-links/DEMO-1?projectId=PRJ-1');
    expect(requestPath(endpoints.testCases, { query: { projectId: 'PRJ-1', search: 'a&b c' } })).toBe('/test-cases?projectId=PRJ-1&search=a%26b+c');
  });

  it('decodes on the server side exactly what the client encoded', () => {
    const sent = { projectId: 'PRJ-1', testCaseIds: ['TC-1', 'TC-20'], page: 3, pageSize: 50 };
    const wire = Object.fromEntries(new URL(requestPath(endpoints.cycleExecutions, { params: { cycleId: 'TCYCLE-1' }, query: sent }), 'http://x').searchParams);
    expect(wire).toEqual({ projectId: 'PRJ-1', testCaseIds: 'TC-1,TC-20', page: '3', pageSize: '50' });
    expect(ExecutionsQuery.parse(wire)).toEqual(sent);
    expect(TestCasesQuery.parse({ projectId: 'PRJ-1' })).toEqual({ projectId: 'PRJ-1' });
  });

  it('refuses a query or params the contract does not allow, naming the field, before anything is built', () => {
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof z.ZodError) return e.issues[0]?.path.join('.');
        throw e;
      }
      throw new Error('expected a ZodError');
    };
    expect(issue(() => requestPath(endpoints.testCases, { query: { projectId: 'PRJ-1', pageSize: 101 } }))).toBe('pageSize');
    expect(issue(() => requestPath(endpoints.testCases, { query: { projectId: 'nope' } }))).toBe('projectId');
    expect(issue(() => requestPath(endpoints.linkIssue, { params: { testCaseId: '../admin' } }))).toBe('testCaseId');
    expect(issue(() => requestPath(endpoints.cycleExecutions, { params: { cycleId: 'TCYCLE-1' }, query: { projectId: 'PRJ-1', testCaseIds: ['TC-1', 'x'] } }))).toBe('testCaseIds.1');
    expect(ExecutionsQuery.safeParse({ projectId: 'PRJ-1', page: '1.5' }).success).toBe(false);
  });

  it('sends bodies as their schema leaves them: trimmed, with defaults, unknown fields refused', () => {
    expect(requestBody(endpoints.createCycle, { body: { projectId: 'PRJ-1', name: '  Nightly ' } }))
      .toEqual({ projectId: 'PRJ-1', name: 'Nightly', description: '', environment: null });
    expect(() => requestBody(endpoints.createCycle, { body: { projectId: 'PRJ-1', name: 'x', extra: 1 } as never })).toThrow(z.ZodError);
    expect(requestBody(endpoints.whoAmI, {})).toBeUndefined();
  });

  it('lists every documented path of an endpoint, the template first', () => {
    expect(pathsOf(endpoints.userProjects)).toEqual(['/projects/user-projects', '/projects/user/my-projects']);
    expect(pathsOf(endpoints.testCases)).toEqual(['/test-cases']);
  });
});
