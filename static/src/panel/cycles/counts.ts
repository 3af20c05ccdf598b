import type { Cycle, Execution } from '../../../../src/shared/definitions';

/** Cases of the whole cycle with a result other than Not Executed. */
export const executedOf = (c: Cycle) => c.total - c.counts.NOT_EXECUTED;

/** This rows in the cycle that have been executed. */
export const executedRows = (rows: readonly Execution[]) => rows.filter((e) => e.status !== 'NOT_EXECUTED').length;
