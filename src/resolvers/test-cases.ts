/** Test Cases tab: the issue's linked test cases, search, link, unlink, create. */
import { LIMITS } from '../testkase/contract';
import type { Implementation } from './envelope';
import { callTestKase, openIssueSession } from './issue-session';
import { fetchLinkedTests } from './linked-tests';

const SEARCH_PAGE_SIZE = 20;

const listLinkedTests: Implementation<'listLinkedTests'> = async (_input, caller) => {
  const s = await openIssueSession(caller, 'read');
  return callTestKase(s, false, () => fetchLinkedTests(s.client, s.project.id, s.caller.issueKey));
};

const searchTestCases: Implementation<'searchTestCases'> = async ({ query, page = 1 }, caller) => {
  const s = await openIssueSession(caller, 'read');
  const pageSize = Math.min(SEARCH_PAGE_SIZE, LIMITS.pageSizeMax);
  const result = await callTestKase(s, false, () =>
    s.client.testCasesPage({ projectId: s.project.id, page, pageSize, ...(query ? { search: query } : {}) }),
  );
  // The page the view asked for, whatever TestKase sent: a longer page would all go to the browser.
  return { items: result.data.slice(0, pageSize), total: result.pagination.total, page, pageSize };
};

const linkTestCase: Implementation<'linkTestCase'> = async ({ testCaseId }, caller) => {
  const s = await openIssueSession(caller, 'write');
  return callTestKase(s, true, () => s.client.linkIssue(testCaseId, s.project.id, s.caller.issueKey));
};

const unlinkTestCase: Implementation<'unlinkTestCase'> = async ({ testCaseId }, caller) => {
  const s = await openIssueSession(caller, 'write');
  return callTestKase(s, true, () => s.client.unlinkIssue(testCaseId, s.project.id, s.caller.issueKey));
};

const createTestCase: Implementation<'createTestCase'> = async (input, caller) => {
  const s = await openIssueSession(caller, 'write');
  return callTestKase(s, true, () =>
    s.client.createTestCase({
      projectId: s.project.id,
      title: input.title,
      description: input.description ?? '',
      priority: input.priority ?? 'MEDIUM',
      jiraIssueKeys: [s.caller.issueKey],
    }),
  );
};

export const testCaseResolvers = { listLinkedTests, searchTestCases, linkTestCase, unlinkTestCase, createTestCase };
