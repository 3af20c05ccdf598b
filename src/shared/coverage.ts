/**
 * Test coverage across a release, as the backend and every UI (the coverage page, the gadget, the
 * issue's glance) compute it: zod-free, imported as values by the UIs.
 *
 * The verdict of an issue is the glance's verdict of its linked tests' latest results (results.ts), or
 * UNCOVERED when it has no test at all. The tally of a list is the one function behind every count a
 * person reads about it (the page's header, the gadget's chart, the CSV's totals), so a count and the
 * list it describes never disagree.
 */
import type { ConnectionView, StatusCounts } from './definitions';
import { verdictOf, type Verdict } from './results';

/** An issue of a scope: the glance's verdict, or no test at all. */
export type CoverageVerdict = 'UNCOVERED' | Verdict;
export const COVERAGE_VERDICTS: readonly CoverageVerdict[] = ['UNCOVERED', 'FAILING', 'BLOCKED', 'INCOMPLETE', 'PASSING'];

export function coverageVerdictOf({ total, counts }: { total: number; counts: StatusCounts }): CoverageVerdict {
  return total === 0 ? 'UNCOVERED' : verdictOf(counts);
}

/** What the coverage page lists: a fix version, a sprint, an epic, or the issues TestKase links. */
export type CoverageScope = { kind: 'LINKED' } | { kind: 'VERSION'; id: string } | { kind: 'SPRINT'; id: number } | { kind: 'EPIC'; key: string };

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface CoverageBug {
  key: string;
  status: string;
}

/** One issue of a scope, as a row of the coverage page. */
export interface CoverageRow {
  key: string;
  summary: string;
  type: string;
  status: { name: string; category: StatusCategory | null };
  /** Linked test cases. */
  tests: number;
  /** The linked tests by latest result. */
  counts: StatusCounts;
  verdict: CoverageVerdict;
  /**
   * Bugs recorded on the failing results whose Jira status is not Done, or null when Jira could not
   * be asked (the UI says it could not check); bugs the user cannot see in Jira are counted apart.
   */
  openBugs: CoverageBug[] | null;
  bugsNotVisible: number;
}

/** The counts of a list of rows: what the header, the gadget and the CSV's totals say. */
export interface CoverageTally {
  issues: number;
  covered: number;
  verdicts: Record<CoverageVerdict, number>;
  /** Open bugs on failing results (each bug once). */
  openBugs: number;
}

export function emptyTally(): CoverageTally {
  return { issues: 0, covered: 0, verdicts: { UNCOVERED: 0, FAILING: 0, BLOCKED: 0, INCOMPLETE: 0, PASSING: 0 }, openBugs: 0 };
}

export function tallyOf(rows: readonly Pick<CoverageRow, 'verdict' | 'openBugs'>[]): CoverageTally {
  const tally = emptyTally();
  const bugs = new Set<string>();
  for (const row of rows) {
    tally.issues += 1;
    tally.verdicts[row.verdict] += 1;
    if (row.verdict !== 'UNCOVERED') tally.covered += 1;
    for (const bug of row.openBugs ?? []) bugs.add(bug.key);
  }
  tally.openBugs = bugs.size;
  return tally;
}

/** Two tallies of disjoint lists (the gadget sums a scope's pages); open bugs shared by both are counted in each. */
export function addTallies(a: CoverageTally, b: CoverageTally): CoverageTally {
  const verdicts = { ...a.verdicts };
  for (const v of COVERAGE_VERDICTS) verdicts[v] += b.verdicts[v];
  return { issues: a.issues + b.issues, covered: a.covered + b.covered, verdicts, openBugs: a.openBugs + b.openBugs };
}

/** Whole percentages that never round a part up to the whole: 199 of 200 is 99 %, not 100 %. */
export function percentOf(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.floor((part * 100) / whole);
}

/** One bounded step of a scope (getCoveragePage). */
export interface CoveragePage {
  connection: ConnectionView;
  /** The project the page is about (from the Forge context, or the gadget's configuration). */
  jiraProjectKey: string;
  /** The issues of this step (empty with detail COUNTS). */
  rows: CoverageRow[];
  /** The tally of this step's issues (with detail COUNTS; the rows' own tally otherwise). */
  tally: CoverageTally;
  /** Pass back for the next step; null when the scope is complete. */
  next: string | null;
  /** About how many issues the scope holds (the first step only: Jira's approximate count). */
  approximateTotal: number | null;
  /** Issues TestKase links that Jira does not show this user (deleted, or not theirs to see): not listed. */
  notVisible: number;
}

export interface CoverageScopeOptions {
  connection: ConnectionView;
  jiraProjectKey: string;
  /** null when Jira could not say (the note says why). */
  versions: Array<{ id: string; name: string; released: boolean }> | null;
  sprints: Array<{ id: number; name: string; state: 'closed' | 'active' | 'future' }> | null;
  epics: Array<{ key: string; summary: string }> | null;
  /** What could not be listed, in plain words. */
  notes: string[];
}

/** The gadget's projects: Jira projects mapped to a TestKase project the user's token can read. */
export interface CoverageProjects {
  connection: ConnectionView;
  projects: Array<{ jiraProjectKey: string; testkaseProject: string }>;
}
