/**
 * A cycle's executions for an issue (A40): asked in one paged query filtered by the Jira issue key, and
 * — from a TestKase that ignores the filter (the simulator switched off) — by the linked cases' ids, with
 * the same rows either way; the fallback is remembered, so it costs no wasted request afterwards.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backendForFile, expectOk } from '../../support/backend';

const b = backendForFile();
const alice = 'acc-by-issue';
const infoLines: string[] = [];
beforeAll(async () => {
  vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => void infoLines.push(args.map(String).join(' ')));
  expectOk(await b().call(alice, 'savePat', { token: await b().token('alice') }, 'global'));
});
afterAll(() => {
  vi.restoreAllMocks();
  b().sim.admin.setExecutionsByIssue(true);
});

/** The executions requests of one listCycleExecutions call, and its answer. */
async function listed(issue: string) {
  const master = expectOk(await b().call(alice, 'listCycles', {}, { issue })).items.find((c) => c.isMaster)!;
  b().sim.admin.clearRequests();
  const answer = expectOk(await b().call(alice, 'listCycleExecutions', { cycleId: master.id }, { issue }));
  const asked = b()
    .sim.admin.requests()
    .map((r) => ({ status: r.status, url: new URL(r.path, 'http://sim') }))
    .filter(({ url }) => url.pathname.endsWith('/executions'))
    .map(({ status, url }) => `${status} ${url.searchParams.has('jiraIssueKey') ? 'byIssue' : 'byIds'}`);
  return { answer, asked };
}

describe("a cycle's executions for the issue's tests", () => {
  let filtered: Awaited<ReturnType<typeof listed>>;

  it('are one query filtered by the issue when TestKase filters (A40)', async () => {
    filtered = await listed('DEMO-1');
    expect(filtered.asked).toEqual(['200 byIssue']);
    expect(filtered.answer.items.length).toBeGreaterThan(0);
    const linked = expectOk(await b().call(alice, 'listLinkedTests', undefined, { issue: 'DEMO-1' })).items.map((t) => t.id);
    expect(filtered.answer.items.every((e) => linked.includes(e.testCaseId))).toBe(true);
  });

  it('fall back to the linked ids when TestKase ignores the filter, with the same rows, and remember it', async () => {
    b().sim.admin.setExecutionsByIssue(false);
    const fallback = await listed('DEMO-1');
    expect(fallback.asked).toEqual(['200 byIssue', '200 byIds']);
    expect(fallback.answer).toEqual(filtered.answer);
    expect((await listed('DEMO-1')).asked).toEqual(['200 byIds']);
    expect(infoLines.filter((l) => l.includes('does not filter a cycle'))).toHaveLength(1);
  });
});
