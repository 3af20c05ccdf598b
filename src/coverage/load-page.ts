/**
 * One bounded step of a coverage scope: the next issues from Jira (as the user), their coverage from
 * TestKase in batches of 100 (A50), and the Jira status of the bugs recorded on their failing results,
 * made into rows with the glance's verdict.
 *
 * A scope of 5,000 issues is read in several steps (several invocations), each well inside Forge's
 * limits: the first step is small so the first rows show at once, later ones take up to 1,000 issues;
 * a step stops asking Jira for more after JIRA_BUDGET_MS and makes at most ~50 outbound requests (Forge
 * allows 100: one keys page, ten bulk fetches, ten coverage requests, up to ten bug lookups), and a
 * step's answer stays far below 5 MB (a row is a few hundred bytes). The cursor
 * chains the steps; nothing is kept between invocations.
 *
 * Scopes: a version, sprint or epic is a JQL search (Jira pages it by token, in key order). The
 * default scope, "issues with linked tests", comes from TestKase (A51, which Jira cannot search for),
 * its issues' details from Jira's bulk fetch; linked issues Jira does not show the user are counted as
 * not visible, never listed.
 */
import type { CoverageBug, CoverageRow, CoverageScope, CoverageTally } from '../shared/coverage';
import { coverageVerdictOf, tallyOf } from '../shared/coverage';
import type { TestKaseClient } from '../testkase/client';
import { LIMITS, type IssueCoverage } from '../testkase/contract';
import { BULK_FETCH_MAX, fetchIssues } from '../jira/bulk-issues';
import type { IssueSummary } from '../jira/issue-fields';
import { approximateCount, searchIssueKeys } from '../jira/search';
import { chunk, mapLimited } from '../batches';
import { readCursor, scopeId, scopeJql, writeCursor, type Position } from './scope';

/** Issues in the first step: one Jira page and one TestKase request, whatever the size of the scope. */
const FIRST_STEP_ISSUES = 100;
/** Issues in each later step: one page of keys, ten bulk fetches, ten TestKase requests, a few bug lookups. */
const LATER_STEP_ISSUES = 1_000;
/** After this long, a step asks Jira for no further page (Forge stops an invocation at 25 s). */
const JIRA_BUDGET_MS = 8_000;
/** Bulk fetches of issue fields in flight at once (100 issues each). */
const DETAIL_CONCURRENCY = 4;
/** Bug lookups a step makes at most (100 bugs each); beyond, the rows say the bugs were not checked. */
const BUG_LOOKUPS_MAX = 10;
/** TestKase coverage requests in flight at once: overlaps round trips without a burst against the rate limit. */
const COVERAGE_CONCURRENCY = 4;

/** A cursor that is not one of this scope's (another scope's, or from before the list changed). */
export class StaleCursor extends Error {}

export interface StepRequest {
  jiraProjectKey: string;
  /** The TestKase project mapped to it. */
  projectId: string;
  scope: CoverageScope;
  cursor: string | null;
}

export interface Step {
  rows: CoverageRow[];
  tally: CoverageTally;
  next: string | null;
  approximateTotal: number | null;
  notVisible: number;
}

export async function loadStep(client: TestKaseClient, request: StepRequest, now: () => number = Date.now): Promise<Step> {
  const id = scopeId(request.jiraProjectKey, request.scope);
  const position = request.cursor === null ? null : readCursor(id, request.cursor);
  if (request.cursor !== null && position === null) throw new StaleCursor();
  const target = position ? LATER_STEP_ISSUES : FIRST_STEP_ISSUES;
  const coverage = new CoverageRequests(client, request.projectId);

  const found =
    request.scope.kind === 'LINKED'
      ? await linkedIssues(client, request, position, target, coverage)
      : await searchedIssues(scopeJql(request.jiraProjectKey, request.scope), position, target, coverage, now);
  const entries = await coverage.all();
  const bugs = await bugStatuses(entries);
  const rows = found.issues.map((issue) => rowOf(issue, entries.get(issue.key), bugs));
  return { rows, tally: tallyOf(rows), next: found.next ? writeCursor(id, found.next) : null, approximateTotal: found.approximateTotal, notVisible: found.notVisible };
}

interface Found {
  issues: IssueSummary[];
  next: Position | null;
  approximateTotal: number | null;
  notVisible: number;
}

async function searchedIssues(jql: string, position: Position | null, target: number, coverage: CoverageRequests, now: () => number): Promise<Found> {
  const started = now();
  // Only the first step says how big the scope is (Jira's estimate, asked while the first page loads).
  const count = position ? null : approximateCount(jql).catch(() => null);
  // Keys first (Jira's big pages: up to 5,000 keys a request), then their fields by bulk fetch, 100 at a
  // time and a few at once, while TestKase is asked about the same keys: the step costs one Jira page
  // in sequence instead of ten.
  const keys: string[] = [];
  let token = position?.kind === 'jql' ? position.token : null;
  do {
    const page = await searchIssueKeys(jql, token, target - keys.length);
    keys.push(...page.keys);
    token = page.nextPageToken;
    if (page.keys.length === 0) break; // a token with nothing behind it must not loop
  } while (token && keys.length < target && now() - started < JIRA_BUDGET_MS);
  const chunks = chunk(keys, BULK_FETCH_MAX);
  for (const chunk of chunks) coverage.ask(chunk);
  const details = new Map((await mapLimited(chunks, DETAIL_CONCURRENCY, fetchIssues)).flat().map((i) => [i.key, i]));
  // An issue deleted (or hidden from the user) between the search and the fetch is not listed.
  const issues = keys.map((k) => details.get(k)).filter((i): i is IssueSummary => Boolean(i));
  return { issues, next: token ? { kind: 'jql', token } : null, approximateTotal: count ? await count : null, notVisible: 0 };
}

async function linkedIssues(client: TestKaseClient, request: StepRequest, position: Position | null, target: number, coverage: CoverageRequests): Promise<Found> {
  const pageSize = LIMITS.coverageKeysMax; // one linked page = one bulk fetch = one coverage request
  let offset = position?.kind === 'linked' ? position.offset : 0;
  const issues: IssueSummary[] = [];
  let total: number;
  let notVisible = 0;
  let read = 0;
  do {
    const linked = await client.jiraLinkedIssues(request.projectId, request.jiraProjectKey, Math.floor(offset / pageSize) + 1, pageSize);
    total = linked.pagination.total;
    const keys = linked.data.map((l) => l.jiraIssueKey);
    const shown = new Map((await fetchIssues(keys.slice(0, BULK_FETCH_MAX))).map((i) => [i.key, i]));
    const visible = keys.map((k) => shown.get(k)).filter((i): i is IssueSummary => Boolean(i));
    notVisible += keys.length - visible.length;
    issues.push(...visible);
    coverage.ask(visible.map((i) => i.key));
    offset += keys.length;
    read += keys.length;
    if (keys.length === 0) break;
  } while (offset < total && read < target);
  return { issues, next: offset < total ? { kind: 'linked', offset } : null, approximateTotal: position ? null : total, notVisible };
}

/** TestKase coverage requests of one step, 100 keys each, a few at a time. */
class CoverageRequests {
  private readonly pending: Array<Promise<IssueCoverage[]>> = [];
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly client: TestKaseClient,
    private readonly projectId: string,
  ) {}

  ask(keys: string[]): void {
    for (let i = 0; i < keys.length; i += LIMITS.coverageKeysMax) {
      const chunk = keys.slice(i, i + LIMITS.coverageKeysMax);
      const answer = this.slot().then(() => this.client.jiraCoverage(this.projectId, chunk)).finally(() => this.release());
      answer.catch(() => undefined); // awaited in all(); a failure must not be an unhandled rejection meanwhile
      this.pending.push(answer);
    }
  }

  async all(): Promise<Map<string, IssueCoverage>> {
    const parts = await Promise.all(this.pending);
    return new Map(parts.flat().map((e) => [e.jiraIssueKey, e]));
  }

  private slot(): Promise<void> {
    if (this.running < COVERAGE_CONCURRENCY) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => resolve()));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}

/** The Jira status of every bug on a failing result (null: Jira was not asked, or could not say). */
type Bugs = { known: Map<string, IssueSummary>; checked: Set<string> };

async function bugStatuses(entries: Map<string, IssueCoverage>): Promise<Bugs> {
  const keys = [...new Set([...entries.values()].flatMap((e) => e.failingDefects))];
  const known = new Map<string, IssueSummary>();
  const checked = new Set<string>();
  const chunks = chunk(keys, BULK_FETCH_MAX).slice(0, BUG_LOOKUPS_MAX);
  await Promise.all(
    chunks.map(async (chunk) => {
      try {
        for (const issue of await fetchIssues(chunk)) known.set(issue.key, issue);
        for (const key of chunk) checked.add(key);
      } catch (e) {
        if (e instanceof Error && e.name === 'NEEDS_AUTHENTICATION_ERR') throw e;
        // Jira could not say: the rows show these bugs as not checked, never as open or closed.
      }
    }),
  );
  return { known, checked };
}

const NO_TESTS: IssueCoverage['counts'] = { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 };

function rowOf(issue: IssueSummary, entry: IssueCoverage | undefined, bugs: Bugs): CoverageRow {
  const total = entry?.total ?? 0;
  const counts = entry?.counts ?? NO_TESTS;
  const defects = entry?.failingDefects ?? [];
  const unchecked = defects.some((d) => !bugs.checked.has(d)) || (entry ? entry.failingDefectsTotal > defects.length : false);
  const openBugs: CoverageBug[] = [];
  for (const d of defects) {
    const bug = bugs.known.get(d);
    if (bug && bug.status.category !== 'done') openBugs.push({ key: bug.key, status: bug.status.name });
  }
  const notVisible = defects.filter((d) => bugs.checked.has(d) && !bugs.known.has(d)).length;
  return {
    key: issue.key,
    summary: issue.summary,
    type: issue.type,
    status: issue.status,
    tests: total,
    counts,
    verdict: coverageVerdictOf({ total, counts }),
    openBugs: unchecked ? null : openBugs,
    bugsNotVisible: notVisible,
  };
}
