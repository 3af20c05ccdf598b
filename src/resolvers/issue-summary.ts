/**
 * getIssueSummary: the issue's test status at a glance, for the issue context module (UI Kit). Read-only.
 * It opens the connection exactly as the panel's first screen does (getState), with the same first
 * request (the linked test cases), so a warm render is answered from the same caches and a token
 * revoked since they were filled is caught by that request.
 */
import type { Coverage, LatestRun, LinkedTests, Result, TestCaseSummary } from '../shared/definitions';
import { openConnection } from '../connection/open-connection';
import type { Implementation } from './envelope';
import { fail, toAppError } from './errors';
import { fetchLinkedTests } from './linked-tests';
import { sentences, withMessage } from './sentences';

/** The newest execution among the cases (by time; the first listed wins a tie). */
function latestRun(items: TestCaseSummary[]): LatestRun | null {
  let newest: LatestRun | null = null;
  let newestAt = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const run = item.latestExecution;
    if (!run) continue;
    const at = Date.parse(run.executedAt);
    if (at > newestAt) {
      newestAt = at;
      newest = { testCaseId: item.id, testCaseTitle: item.title, status: run.status, executedAt: run.executedAt, executedBy: run.executedBy.name };
    }
  }
  return newest;
}

function coverageOf({ items, total, counts }: LinkedTests): Coverage {
  return { total, counts, latest: latestRun(items) };
}

const getIssueSummary: Implementation<'getIssueSummary'> = async (_input, caller) => {
  const { issueKey, jiraProjectKey } = caller;
  if (!issueKey || !jiraProjectKey) throw fail('NO_ISSUE_CONTEXT', sentences.issueOnly);
  const connection = await openConnection<LinkedTests>(
    { accountId: caller.accountId, jiraProjectKey },
    { first: (client, projectId) => fetchLinkedTests(client, projectId, issueKey) },
  );
  const first = connection.first;
  const coverage: Result<Coverage> | null = first ? (first.ok ? { ok: true, data: coverageOf(first.data) } : { ok: false, error: toAppError(first.error) }) : null;
  return { issueKey, config: withMessage(connection.state, { module: caller.module, jiraProjectKey }), coverage };
};

export const issueSummaryResolvers = { getIssueSummary };
