/** Latest results counted, and the one verdict on them, for the backend and every module that shows them. Zod-free. */
import type { Coverage, LatestRun, LinkedTests, StatusCounts, TestCaseSummary } from './definitions';
import type { ExecutionStatus } from './facts';

/** Anything failing wins, then anything blocked, then anything not executed or skipped; else all passed. */
export type Verdict = 'FAILING' | 'BLOCKED' | 'INCOMPLETE' | 'PASSING';

export function verdictOf(counts: StatusCounts): Verdict {
  if (counts.FAIL > 0) return 'FAILING';
  if (counts.BLOCKED > 0) return 'BLOCKED';
  if (counts.NOT_EXECUTED > 0 || counts.SKIPPED > 0) return 'INCOMPLETE';
  return 'PASSING';
}

/** A test case's latest result; one never run counts as Not Executed. */
export const latestStatus = (tc: { latestExecution: { status: ExecutionStatus } | null }): ExecutionStatus => tc.latestExecution?.status ?? 'NOT_EXECUTED';

/** How many of `items` have each latest result (the backend's linked list, the panel's filtered one). */
export function countLatest(items: readonly { latestExecution: { status: ExecutionStatus } | null }[]): StatusCounts {
  const counts: StatusCounts = { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 };
  for (const item of items) counts[latestStatus(item)] += 1;
  return counts;
}

/** The newest execution among the cases (by time; the first listed wins a tie). */
function latestRun(items: readonly TestCaseSummary[]): LatestRun | null {
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

/**
 * The linked test cases at a glance: what getIssueSummary answers, and what the panel hands the glance
 * on the same page from its own answer (one read for both modules).
 */
export function coverageOf({ items, total, counts }: LinkedTests): Coverage {
  return { total, counts, latest: latestRun(items) };
}
