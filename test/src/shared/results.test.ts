/** The one verdict on an issue's latest results, and the one way they are counted (backend and UIs alike). */
import { describe, expect, it } from 'vitest';
import { countLatest, latestStatus, verdictOf } from '../../../src/shared/results';
import type { StatusCounts } from '../../../src/shared/definitions';

const counts = (c: Partial<StatusCounts>): StatusCounts => ({ NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0, ...c });

describe('verdictOf', () => {
  it('lets anything failing win, then anything blocked, then anything not executed or skipped', () => {
    expect(verdictOf(counts({ PASS: 5, FAIL: 1, BLOCKED: 2, NOT_EXECUTED: 1 }))).toBe('FAILING');
    expect(verdictOf(counts({ PASS: 5, BLOCKED: 1, SKIPPED: 1 }))).toBe('BLOCKED');
    expect(verdictOf(counts({ PASS: 5, NOT_EXECUTED: 1 }))).toBe('INCOMPLETE');
    expect(verdictOf(counts({ PASS: 5, SKIPPED: 1 }))).toBe('INCOMPLETE');
    expect(verdictOf(counts({ PASS: 5 }))).toBe('PASSING');
  });
});

describe('countLatest', () => {
  it('counts each case by its latest result, one never run as Not Executed', () => {
    const run = (status: 'PASS' | 'FAIL') => ({ latestExecution: { status } });
    const items = [run('PASS'), run('FAIL'), run('PASS'), { latestExecution: null }];
    expect(countLatest(items)).toEqual(counts({ PASS: 2, FAIL: 1, NOT_EXECUTED: 1 }));
    expect(latestStatus({ latestExecution: null })).toBe('NOT_EXECUTED');
  });
});
