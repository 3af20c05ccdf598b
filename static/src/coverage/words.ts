/**
 * Every word and sentence the coverage page and the gadget show, in one file: it moves into the shared
 * words catalog as it is (one entry per sentence, counts and names as parameters, never a sentence
 * assembled from fragments in components). The verdict and result words are the glance's
 * (uikit/src/words.ts), so an issue reads the same in both.
 */
import type { CoverageVerdict } from '../../../src/shared/coverage';
import type { ExecutionStatus } from '../../../src/shared/definitions';

const n = (count: number) => count.toLocaleString('en-US');
const issues = (count: number) => (count === 1 ? `${n(count)} issue` : `${n(count)} issues`);

export const VERDICT_WORD: Record<CoverageVerdict, string> = {
  UNCOVERED: 'No test',
  FAILING: 'Failing',
  BLOCKED: 'Blocked',
  INCOMPLETE: 'Not all run',
  PASSING: 'All passed',
};

/** Failing issues first, uncovered ones next: the order "sort by verdict" uses. */
export const VERDICT_ORDER: readonly CoverageVerdict[] = ['FAILING', 'UNCOVERED', 'BLOCKED', 'INCOMPLETE', 'PASSING'];

/** As one count reads, beside the results bar: "2 passed". */
export const RESULT_COUNT_WORD: Record<ExecutionStatus, string> = {
  PASS: 'passed',
  FAIL: 'failed',
  BLOCKED: 'blocked',
  SKIPPED: 'skipped',
  NOT_EXECUTED: 'not run',
};

/** CSV column headers for the five counts of the results bar. */
export const RESULT_COLUMN: Record<ExecutionStatus, string> = {
  PASS: 'Passed',
  FAIL: 'Failed',
  BLOCKED: 'Blocked',
  SKIPPED: 'Skipped',
  NOT_EXECUTED: 'Not run',
};

export const coverageWords = {
  pageTitle: 'Test coverage',
  loading: 'Loading test coverage…',
  scopeLabel: 'Scope',
  scopeLinked: 'Issues with linked tests',
  scopeVersions: 'Fix versions',
  scopeSprints: 'Sprints',
  scopeEpics: 'Epics',
  versionOption: (name: string, released: boolean) => (released ? `${name} (released)` : name),
  sprintOption: (name: string, state: 'closed' | 'active' | 'future') => (state === 'active' ? `${name} (active)` : state === 'future' ? `${name} (future)` : `${name} (closed)`),
  epicOption: (key: string, summary: string) => `${key} ${summary}`,
  scopesUnavailable: 'Jira could not list this project’s versions, sprints or epics. Reload the page to try again.',

  // The header: counts of the loaded issues, complete or "so far".
  uncoveredLine: (uncovered: number, total: number) => `${n(uncovered)} of ${issues(total)} have no test`,
  uncoveredLineSoFar: (uncovered: number, total: number) => `${n(uncovered)} of ${issues(total)} loaded so far have no test`,
  coveredPercent: (percent: number) => `${percent} % covered`,
  passingPercent: (percent: number) => `${percent} % passing`,
  percentNote: 'Covered: issues with at least one linked test. Passing: issues whose linked tests all passed, of all issues.',
  verdictCount: (word: string, count: number) => `${word}: ${n(count)}`,
  openBugsCount: (count: number) => (count === 1 ? '1 open bug on failing results' : `${n(count)} open bugs on failing results`),

  // The progress line: never a count the list contradicts.
  progressLoading: (loaded: number, about: number | null) => (about === null ? `Loaded ${issues(loaded)} so far…` : `Loaded ${n(loaded)} of about ${issues(about)}…`),
  progressComplete: (loaded: number) => (loaded === 1 ? 'All 1 issue of this scope is loaded.' : `All ${issues(loaded)} of this scope are loaded.`),
  progressStopped: (loaded: number) => `Loading stopped after ${issues(loaded)}: the counts above cover only these.`,
  notVisible: (count: number) =>
    count === 1
      ? '1 issue linked in TestKase is not visible to you in Jira (deleted, or in a project you cannot see), so it is not listed.'
      : `${n(count)} issues linked in TestKase are not visible to you in Jira (deleted, or in a project you cannot see), so they are not listed.`,
  tryAgain: 'Try again',
  emptyScope: 'This scope has no issues.',
  emptyLinked: 'No issue of this project has a TestKase test linked yet.',
  noMatch: 'No loaded issue matches these filters.',

  // Filters, sort, paging, export.
  filtersLabel: 'Filters',
  filterVerdict: 'Verdict',
  filterType: 'Issue type',
  filterStatus: 'Jira status',
  filterAll: 'All',
  uncoveredFirst: 'Uncovered first',
  clearFilters: 'Clear filters',
  showing: (first: number, last: number, total: number) => `Showing ${n(first)}–${n(last)} of ${issues(total)}`,
  showingFiltered: (first: number, last: number, total: number, loaded: number) => `Showing ${n(first)}–${n(last)} of ${issues(total)} matching (${issues(loaded)} loaded)`,
  previousPage: 'Previous',
  nextPage: 'Next',
  pageOf: (page: number, pages: number) => `Page ${n(page)} of ${n(pages)}`,
  exportCsv: (count: number) => `Export CSV (${issues(count)})`,
  csvFileName: (project: string, scope: string) => `test-coverage-${project}-${scope}.csv`.replace(/[^A-Za-z0-9._-]+/g, '-'),

  // The table.
  tableCaption: (scope: string) => `Test coverage of ${scope}`,
  colKey: 'Key',
  colSummary: 'Summary',
  colType: 'Type',
  colStatus: 'Status',
  colTests: 'Linked tests',
  colResults: 'Results',
  colVerdict: 'Verdict',
  colBugs: 'Open bugs',
  sortBy: (column: string) => `Sort by ${column}`,
  resultsLabel: (key: string) => `Results of the tests linked to ${key}`,
  noResults: 'No test',
  bugsUnchecked: 'Not checked',
  bugsUncheckedHint: 'Jira could not say whether these bugs are still open.',
  bugsNotVisible: (count: number) => (count === 1 ? '1 bug not visible to you' : `${n(count)} bugs not visible to you`),
  noBugs: 'None',
  openIssue: (key: string) => `Open ${key}`,

  // The gadget.
  gadgetLoading: 'Loading…',
  gadgetNotConfigured: 'This gadget has no scope yet. Choose Edit in the gadget’s menu to pick a project and a version, sprint or epic.',
  gadgetScope: (project: string, scope: string) => `${project} · ${scope}`,
  gadgetCovered: (covered: number, total: number) => `${n(covered)} of ${issues(total)} covered`,
  gadgetStats: (uncovered: number, coveredPercent: number, passingPercent: number) => `${n(uncovered)} without a test · ${coveredPercent} % covered · ${passingPercent} % passing`,
  gadgetChartLabel: (covered: number, uncovered: number) => `${n(covered)} covered, ${n(uncovered)} without a test`,
  gadgetVerdictsLabel: 'Verdicts',
  gadgetOpenPage: 'Open the Test coverage page',
  gadgetSoFar: (loaded: number, about: number | null) => (about === null ? `Counting: ${issues(loaded)} so far…` : `Counting: ${n(loaded)} of about ${issues(about)}…`),
  gadgetEmpty: 'This scope has no issues.',
  editTitle: 'Test coverage gadget',
  editProject: 'Project',
  editProjectHint: 'Jira projects connected to a TestKase project you can open.',
  editChooseProject: 'Choose a project',
  editProjectOption: (jiraProjectKey: string, testkaseProject: string) => `${jiraProjectKey} (${testkaseProject})`,
  editScope: 'Scope',
  editNoProjects: 'None of your TestKase projects is connected to a Jira project. Ask a TestKase admin to connect one in TestKase Settings → Jira Integration.',
  editSave: 'Save',
  editSaving: 'Saving…',
  editCancel: 'Cancel',
  editSaveFailed: 'Jira did not save the gadget’s settings. Try again.',
} as const;
