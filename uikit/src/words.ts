/** How the summary names statuses and counts: "4 tests · 2 passed · 1 failed · 0 blocked · 0 skipped · 1 not run". */
import type { ExecutionStatus, StatusCounts } from '../../src/shared/definitions';

/** Left to right as the status bar draws them: results first, then what is still to run. */
export const STATUS_ORDER: readonly ExecutionStatus[] = ['PASS', 'FAIL', 'BLOCKED', 'SKIPPED', 'NOT_EXECUTED'];

/** As a count reads: "2 passed". */
const COUNT_WORD: Record<ExecutionStatus, string> = {
  PASS: 'passed',
  FAIL: 'failed',
  BLOCKED: 'blocked',
  SKIPPED: 'skipped',
  NOT_EXECUTED: 'not run',
};

/** As one result reads, on a lozenge: "Failed". */
export const RESULT_WORD: Record<ExecutionStatus, string> = {
  PASS: 'Passed',
  FAIL: 'Failed',
  BLOCKED: 'Blocked',
  SKIPPED: 'Skipped',
  NOT_EXECUTED: 'Not run',
};

/** A count and its word never part at the end of a line (the right column is narrow): a no-break space. */
const NBSP = '\u00a0';

export function countsLine(total: number, counts: StatusCounts): string {
  const parts = [`${total} ${total === 1 ? 'test' : 'tests'}`, ...STATUS_ORDER.map((s) => `${counts[s]} ${COUNT_WORD[s]}`)];
  return parts.map((p) => p.replace(/ /g, NBSP)).join(' · ');
}

// The verdict is shared with the coverage page and gadget: one function (src/shared/coverage.ts).
import type { Verdict } from '../../src/shared/coverage';
export { verdictOf, type Verdict } from '../../src/shared/coverage';

export const VERDICT_WORD: Record<Verdict, string> = {
  FAILING: 'Failing',
  BLOCKED: 'Blocked',
  INCOMPLETE: 'Not all run',
  PASSING: 'All passed',
};
