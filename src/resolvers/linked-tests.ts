/** The test cases linked to a Jira issue, as the list shows them, with a count per latest execution status. */
import type { LinkedTests, TestCaseSummary } from '../shared/definitions';
import { countLatest } from '../shared/results';
import type { TestKaseClient } from '../testkase/client';
import type { TestCase } from '../testkase/contract';

/** What a list row shows of a test case: details (description, steps) are fetched when the row is opened. */
export function summaryOf(tc: TestCase): TestCaseSummary {
  const { id, title, priority, type, status, automationId, updatedAt, latestExecution } = tc;
  return { id, title, priority, type, status, automationId, updatedAt, latestExecution };
}

export async function fetchLinkedTests(client: TestKaseClient, projectId: string, issueKey: string): Promise<LinkedTests> {
  const { items, total } = await client.allTestCases({ projectId, jiraIssueKey: issueKey });
  const summaries = items.map(summaryOf);
  return { items: summaries, total, counts: countLatest(summaries) };
}
