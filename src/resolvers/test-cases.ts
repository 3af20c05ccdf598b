/** Test Cases tab: the issue's linked test cases, search, details and history, link, unlink, create. */
import { jsonBytes } from '../testkase/batches';
import { REQUEST_BODY_MAX_BYTES } from '../testkase/sizes';
import { LIMITS } from '../testkase/contract';
import { words } from '../shared/words/backend';
import { fail } from './errors';
import type { Implementation } from './envelope';
import { callTestKase, openIssueSession } from './issue-session';
import { fetchLinkedTests, summaryOf } from './linked-tests';
import { partOf } from './list-part';

const SEARCH_PAGE_SIZE = 20;
const HISTORY_PAGE_SIZE = 20;

const listLinkedTests: Implementation<'listLinkedTests'> = async ({ from = 0 }, caller) => {
  const s = await openIssueSession(caller, 'read');
  return callTestKase(s, false, () => fetchLinkedTests(s.client, s.project.id, s.caller.issueKey, from));
};

/** A page of matches (SEARCH_PAGE_SIZE of them from the `from`-th on). */
const searchTestCases: Implementation<'searchTestCases'> = async ({ query, from = 0 }, caller) => {
  const s = await openIssueSession(caller, 'read');
  const pageSize = Math.min(SEARCH_PAGE_SIZE, LIMITS.pageSizeMax);
  const { items, total } = await callTestKase(s, false, () => s.client.testCasesFrom({ projectId: s.project.id, ...(query ? { search: query } : {}) }, from, pageSize));
  return partOf(items.map(summaryOf), total, from);
};

const getTestCase: Implementation<'getTestCase'> = async ({ testCaseId }, caller) => {
  const s = await openIssueSession(caller, 'read');
  return callTestKase(s, false, () => s.client.testCase(testCaseId, s.project.id));
};

/** A page of results, newest first (HISTORY_PAGE_SIZE of them from the `from`-th on). */
const listTestCaseHistory: Implementation<'listTestCaseHistory'> = async ({ testCaseId, from = 0 }, caller) => {
  const s = await openIssueSession(caller, 'read');
  const { items, total } = await callTestKase(s, false, () => s.client.historyFrom(testCaseId, s.project.id, from, HISTORY_PAGE_SIZE));
  return partOf(items, total, from);
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
