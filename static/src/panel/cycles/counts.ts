import type { Cycle, CycleExecutions, Execution, StatusCounts } from '../../../../src/shared/definitions';

/** Cases of the whole cycle with a result other than Not Executed. */
export const executedOf = (c: Cycle) => c.total - c.counts.NOT_EXECUTED;

/** The counts (over every part of its rows) once `execution` replaced a loaded row's result. */
export function recount({ items, counts }: CycleExecutions, execution: Execution): StatusCounts {
  const before = items.find((e) => e.testCaseId === execution.testCaseId);
  if (!before) return counts;
  const next = { ...counts };
  next[before.status] -= 1;
  next[execution.status] += 1;
  return next;
}
