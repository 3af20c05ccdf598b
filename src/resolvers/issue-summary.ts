/**
 * getIssueSummary: the issue's test status at a glance, for the issue context module (UI Kit). Read-only.
 * It is the panel's first screen (first-screen.ts, as getState answers it) with the linked test cases
 * summed up, so a warm render is answered from the same caches and a token revoked since they were
 * filled is caught by the same request.
 */
import type { Coverage, LatestRun, LinkedTests, Result, TestCaseSummary } from '../shared/definitions';
import type { Implementation } from './envelope';
import { firstScreen } from './first-screen';

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
  const { connection, linked } = await firstScreen(caller);
  const coverage: Result<Coverage> | null = linked && (linked.ok ? { ok: true, data: coverageOf(linked.data) } : linked);
  return { issueKey: caller.issueKey, connection, coverage };
};

export const issueSummaryResolvers = { getIssueSummary };
