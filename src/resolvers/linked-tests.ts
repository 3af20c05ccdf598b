/** The test cases linked to a Jira issue, with a count per latest execution status. */
import type { LinkedTests, StatusCounts } from '../shared/definitions';
import type { TestKaseClient } from '../testkase/client';
import type { TestCase } from '../testkase/contract';

function countLatestStatuses(items: TestCase[]): StatusCounts {
  const counts: StatusCounts = { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 };
  for (const item of items) counts[item.latestExecution?.status ?? 'NOT_EXECUTED'] += 1;
  return counts;
}

export async function fetchLinkedTests(client: TestKaseClient, projectId: string, issueKey: string): Promise<LinkedTests> {
  const { items, total } = await client.allTestCases({ projectId, jiraIssueKey: issueKey });
  return { items, total, counts: countLatestStatuses(items) };
}
