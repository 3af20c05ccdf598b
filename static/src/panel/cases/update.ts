/** A recorded result shown in the linked list at once, without fetching the list again. */
import type { Execution, LinkedTests } from '../../../../src/shared/definitions';
import { countLatest } from '../../../../src/shared/results';

/**
 * The row's latest result becomes `execution` (an execution: Pass, Fail, Blocked, Skipped). A case put
 * back to Not Executed is not an execution, so its latest one is whatever TestKase says: `null` asks the
 * caller to fetch the list.
 */
export function withExecution(list: LinkedTests, execution: Execution): LinkedTests | null {
  if (!execution.executedAt || !execution.executedBy) return null;
  const latest = { status: execution.status, cycleId: execution.cycleId, executedAt: execution.executedAt, executedBy: execution.executedBy };
  const items = list.items.map((tc) => (tc.id === execution.testCaseId ? { ...tc, latestExecution: latest } : tc));
  return { ...list, items, counts: countLatest(items) };
}
