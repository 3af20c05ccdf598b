/** Test Cases tab: the issue's linked test cases, search, details and history, link, unlink, create. */
import { jsonBytes, REQUEST_BODY_MAX_BYTES } from '../testkase/batches';
import { LIMITS } from '../testkase/contract';
import { words } from '../shared/words/backend';
import { fail } from './errors';
import type { Implementation } from './envelope';
import { callTestKase, openIssueSession } from './issue-session';
import { fetchLinkedTests, summaryOf } from './linked-tests';

const SEARCH_PAGE_SIZE = 20;
const HISTORY_PAGE_SIZE = 20;

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
  return { items: result.data.slice(0, pageSize).map(summaryOf), total: result.pagination.total, page, pageSize };
};

const getTestCase: Implementation<'getTestCase'> = async ({ testCaseId }, caller) => {
  const s = await openIssueSession(caller, 'read');
  return callTestKase(s, false, () => s.client.testCase(testCaseId, s.project.id));
};

const listTestCaseHistory: Implementation<'listTestCaseHistory'> = async ({ testCaseId, page = 1 }, caller) => {
  const s = await openIssueSession(caller, 'read');
  const result = await callTestKase(s, false, () => s.client.testCaseHistory(testCaseId, s.project.id, page, HISTORY_PAGE_SIZE));
  return { items: result.data.slice(0, HISTORY_PAGE_SIZE), total: result.pagination.total, page, pageSize: HISTORY_PAGE_SIZE };
};

const linkTestCase: Implementation<'linkTestCase'> = async ({ testCaseId }, caller) => {
  const s = await openIssueSession(caller, 'write');
  return summaryOf(await callTestKase(s, true, () => s.client.linkIssue(testCaseId, s.project.id, s.caller.issueKey)));
};

const unlinkTestCase: Implementation<'unlinkTestCase'> = async ({ testCaseId }, caller) => {
  const s = await openIssueSession(caller, 'write');
  return summaryOf(await callTestKase(s, true, () => s.client.unlinkIssue(testCaseId, s.project.id, s.caller.issueKey)));
};

/** A test case written in the panel: title, description, type, priority, preconditions and ordered steps (A30). */
const createTestCase: Implementation<'createTestCase'> = async (input, caller) => {
  const s = await openIssueSession(caller, 'write');
  const body = {
    projectId: s.project.id,
    title: input.title,
    description: input.description ?? '',
    priority: input.priority ?? 'MEDIUM',
    jiraIssueKeys: [s.caller.issueKey],
    type: input.type ?? 'FUNCTIONAL',
    preconditions: input.preconditions?.trim() ?? '',
    steps: input.steps ?? [],
  };
  // One request carries it all: say so before sending one TestKase would refuse (413).
  const bytes = jsonBytes(body);
  if (bytes > REQUEST_BODY_MAX_BYTES) throw fail('VALIDATION', words.errors.caseTooLarge({ kb: Math.ceil(bytes / 1024), maxKb: REQUEST_BODY_MAX_BYTES / 1024 }));
  return summaryOf(await callTestKase(s, true, () => s.client.createTestCase(body)));
};

export const testCaseResolvers = { listLinkedTests, searchTestCases, getTestCase, listTestCaseHistory, linkTestCase, unlinkTestCase, createTestCase };
