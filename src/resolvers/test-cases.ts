/** Test Cases tab: the issue's linked test cases, search, link, unlink, create. */
import { LIMITS } from '../testkase/contract';
import { callTestKase, guard, openIssueSession, parsePayload, type ResolverRequest } from './session';
import { CreateTestCasePayload, EmptyPayload, SearchPayload, TestCaseRefPayload } from './payloads';
import { fetchLinkedTests } from './linked-tests';

const SEARCH_PAGE_SIZE = 20;

export const testCaseResolvers = {
  listLinkedTests: (request: ResolverRequest) =>
    guard(async () => {
      parsePayload(EmptyPayload, request.payload);
      const s = await openIssueSession(request, 'read');
      return callTestKase(s, false, () => fetchLinkedTests(s.client, s.project.id, s.ctx.issueKey));
    }),

  searchTestCases: (request: ResolverRequest) =>
    guard(async () => {
      const { query, page = 1 } = parsePayload(SearchPayload, request.payload);
      const s = await openIssueSession(request, 'read');
      const pageSize = Math.min(SEARCH_PAGE_SIZE, LIMITS.pageSizeMax);
      const result = await callTestKase(s, false, () =>
        s.client.testCasesPage({ projectId: s.project.id, page, pageSize, ...(query ? { search: query } : {}) }),
      );
      // The page the view asked for, whatever TestKase sent: a longer page would all go to the browser.
      return { items: result.data.slice(0, pageSize), total: result.pagination.total, page, pageSize };
    }),

  linkTestCase: (request: ResolverRequest) =>
    guard(async () => {
      const { testCaseId } = parsePayload(TestCaseRefPayload, request.payload);
      const s = await openIssueSession(request, 'write');
      return callTestKase(s, true, () => s.client.linkIssue(testCaseId, s.project.id, s.ctx.issueKey));
    }),

  unlinkTestCase: (request: ResolverRequest) =>
    guard(async () => {
      const { testCaseId } = parsePayload(TestCaseRefPayload, request.payload);
      const s = await openIssueSession(request, 'write');
      return callTestKase(s, true, () => s.client.unlinkIssue(testCaseId, s.project.id, s.ctx.issueKey));
    }),

  createTestCase: (request: ResolverRequest) =>
    guard(async () => {
      const input = parsePayload(CreateTestCasePayload, request.payload);
      const s = await openIssueSession(request, 'write');
      return callTestKase(s, true, () =>
        s.client.createTestCase({
          projectId: s.project.id,
          title: input.title,
          description: input.description ?? '',
          priority: input.priority ?? 'MEDIUM',
          jiraIssueKeys: [s.ctx.issueKey],
        }),
      );
    }),
};
