/** The test cases linked to a Jira issue, as the list shows them, with a count per latest execution status. */
import type { LinkedTests, StatusCounts, TestCaseSummary } from '../shared/definitions';
import type { TestKaseClient } from '../testkase/client';
import type { TestCase } from '../testkase/contract';

/** What a list row shows of a test case: details (description, steps) are fetched when the row is opened. */
export function summaryOf(tc: TestCase): TestCaseSummary {
  const { id, title, priority, type, status, automationId, updatedAt, latestExecution } = tc;
  return { id, title, priority, type, status, automationId, updatedAt, latestExecution };
}

function countLatestStatuses(items: TestCaseSummary[]): StatusCounts {
  const counts: StatusCounts = { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 };
  for (const item of items) counts[item.latestExecution?.status ?? 'NOT_EXECUTED'] += 1;
  return counts;
}

export async function fetchLinkedTests(client: TestKaseClient, projectId: string, issueKey: string): Promise<LinkedTests> {
  const { items, total } = await client.allTestCases({ projectId, jiraIssueKey: issueKey });
  const summaries = items.map(summaryOf);
  return { items: summaries, total, counts: countLatestStatuses(summaries) };
}
