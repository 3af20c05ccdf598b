/**
 * Test coverage: the project page "Test coverage", its dashboard gadget (view and edit mode), and what
 * the backend says about them. Loaded with the coverage chunk (and by the backend), never by the panel.
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 * The verdicts and statuses are the base part's, so an issue reads the same here and in its glance.
 */
import type { CoverageVerdict } from '../coverage';
import { words as base, plural } from './base';

const n = (count: number) => count.toLocaleString('en-US');
const issues = (count: number) => `${n(count)} ${plural(count, 'issue', 'issues')}`;

export const coverageWords = {
  // ---------- test coverage across a release ----------
  coverage: {
    /** The verdicts as the coverage page names them: the glance's, and "No test" for an issue without one. */
    verdict: { UNCOVERED: 'No test', ...base.verdict } satisfies Record<CoverageVerdict, string>,
    pageTitle: 'Test coverage',
    loading: 'Loading test coverage…',
    scopeLabel: 'Scope',
    scopeLinked: 'Issues with linked tests',
    scopeVersions: 'Fix versions',
    scopeSprints: 'Sprints',
    scopeEpics: 'Epics',
    versionOption: ({ name, released }: { name: string; released: boolean }) => (released ? `${name} (released)` : name),
    sprintOption: ({ name, state }: { name: string; state: 'closed' | 'active' | 'future' }) => `${name} (${state})`,
    epicOption: ({ key, summary }: { key: string; summary: string }) => `${key} ${summary}`,

    // The header: counts of the loaded issues, complete or "so far".
    uncoveredLine: ({ uncovered, total }: { uncovered: number; total: number }) => `${n(uncovered)} of ${issues(total)} have no test`,
    uncoveredLineSoFar: ({ uncovered, total }: { uncovered: number; total: number }) => `${n(uncovered)} of ${issues(total)} loaded so far have no test`,
    coveredPercent: ({ percent }: { percent: number }) => `${percent} % covered`,
    passingPercent: ({ percent }: { percent: number }) => `${percent} % passing`,
    percentNote: 'Covered: issues with at least one linked test. Passing: issues whose linked tests all passed, of all issues.',
    verdictCount: ({ verdict, count }: { verdict: string; count: number }) => `${verdict}: ${n(count)}`,
    openBugsCount: ({ count }: { count: number }) => `${n(count)} open ${plural(count, 'bug', 'bugs')} on failing results`,

    // The progress line: never a count the list contradicts.
    progressLoading: ({ loaded, about }: { loaded: number; about: number | null }) => (about === null ? `Loaded ${issues(loaded)} so far…` : `Loaded ${n(loaded)} of about ${issues(about)}…`),
    progressComplete: ({ loaded }: { loaded: number }) => (loaded === 1 ? 'All 1 issue of this scope is loaded.' : `All ${issues(loaded)} of this scope are loaded.`),
    progressStopped: ({ loaded }: { loaded: number }) => `Loading stopped after ${issues(loaded)}: the counts above cover only these.`,
    notVisible: ({ count }: { count: number }) =>
      count === 1
        ? '1 issue linked in TestKase is not visible to you in Jira (deleted, or in a project you cannot see), so it is not listed.'
        : `${n(count)} issues linked in TestKase are not visible to you in Jira (deleted, or in a project you cannot see), so they are not listed.`,
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
    showing: ({ first, last, total }: { first: number; last: number; total: number }) => `Showing ${n(first)}–${n(last)} of ${issues(total)}`,
    showingFiltered: ({ first, last, total, loaded }: { first: number; last: number; total: number; loaded: number }) => `Showing ${n(first)}–${n(last)} of ${issues(total)} matching (${issues(loaded)} loaded)`,
    previousPage: 'Previous',
    nextPage: 'Next',
    pageOf: ({ page, pages }: { page: number; pages: number }) => `Page ${n(page)} of ${n(pages)}`,
    exportCsv: ({ count }: { count: number }) => `Export CSV (${issues(count)})`,
    csvFileName: ({ project, scope }: { project: string; scope: string }) => `test-coverage-${project}-${scope}.csv`.replace(/[^A-Za-z0-9._-]+/g, '-'),

    // The table (and the CSV's header: the same columns).
    tableCaption: ({ scope }: { scope: string }) => `Test coverage of ${scope}`,
    colKey: 'Key',
    colSummary: 'Summary',
    colType: 'Type',
    colStatus: 'Status',
    colTests: 'Linked tests',
    colResults: 'Results',
    colVerdict: 'Verdict',
    colBugs: 'Open bugs',
    sortBy: ({ column }: { column: string }) => `Sort by ${column}`,
    resultsLabel: ({ key, summary }: { key: string; summary: readonly string[] }) => `Results of the tests linked to ${key}: ${summary.join(', ')}`,
    noResults: 'No test',
    bugsUnchecked: 'Not checked',
    bugsUncheckedHint: 'Jira could not say whether these bugs are still open.',
    bugsNotVisible: ({ count }: { count: number }) => `${n(count)} ${plural(count, 'bug', 'bugs')} not visible to you`,
    noBugs: 'None',
    openIssue: ({ key }: { key: string }) => `Open ${key}`,
    /** A bug in the CSV's last column: "DEMO-3 (To Do)". */
    bugWithStatus: ({ key, status }: { key: string; status: string }) => `${key} (${status})`,

    // The gadget.
    gadgetNotConfigured: 'This gadget has no scope yet. Choose Edit in the gadget’s menu to pick a project and a version, sprint or epic.',
    gadgetScope: ({ project, scope }: { project: string; scope: string }) => `${project} · ${scope}`,
    gadgetCovered: ({ covered, total }: { covered: number; total: number }) => `${n(covered)} of ${issues(total)} covered`,
    gadgetStats: ({ uncovered, covered, passing }: { uncovered: number; covered: number; passing: number }) => `${n(uncovered)} without a test · ${covered} % covered · ${passing} % passing`,
    gadgetChartLabel: ({ covered, uncovered }: { covered: number; uncovered: number }) => `${n(covered)} covered, ${n(uncovered)} without a test`,
    gadgetVerdictsLabel: 'Verdicts',
    gadgetOpenPage: 'Open the Test coverage page',
    gadgetSoFar: ({ loaded, about }: { loaded: number; about: number | null }) => (about === null ? `Counting: ${issues(loaded)} so far…` : `Counting: ${n(loaded)} of about ${issues(about)}…`),
    editTitle: 'Test coverage gadget',
    editProject: 'Project',
    editProjectHint: 'Jira projects connected to a TestKase project you can open.',
    editChooseProject: 'Choose a project',
    editProjectOption: ({ jiraProjectKey, testkaseProject }: { jiraProjectKey: string; testkaseProject: string }) => `${jiraProjectKey} (${testkaseProject})`,
    editNoProjects: 'None of your TestKase projects is connected to a Jira project. Ask a TestKase admin to connect one in TestKase Settings → Jira Integration.',
    editSaveFailed: 'Jira did not save the gadget’s settings. Try again.',

    // What the backend says (src/resolvers/coverage.ts).
    errors: {
      gadgetNeedsProject: 'This gadget has no project yet. Edit the gadget and choose a project and a scope.',
      otherProject: 'This page shows the test coverage of its own project only. Open the Test coverage page of the other project instead.',
      staleCursor: 'This list changed since it started loading. Reload it to start again from the first issue.',
      jiraRefused: 'Jira refused to list the issues of this scope for you. Check that you can open this project in Jira, then try again.',
      jiraUnavailable: 'Jira could not list the issues of this scope. Try again in a moment; the issues loaded so far are still shown.',
      versionsUnavailable: 'Jira could not list this project’s versions.',
      sprintsUnavailable: 'Jira could not list this project’s sprints: they need Jira Software and a Scrum board.',
      epicsUnavailable: 'Jira could not list this project’s epics.',
    },
  },
};

export const words = { ...base, ...coverageWords };
