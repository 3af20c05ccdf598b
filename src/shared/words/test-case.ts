/**
 * One test case in the issue panel: creating one, linking an existing one, its details and history.
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 */
import type { TEST_CASE_STATUSES, TEST_CASE_TYPES } from '../facts';
import { words as base, plural, type Parts } from './base';

export const testCaseWords = {
  /** TestKase's test case types and statuses (only a test case's details show them). */
  caseType: {
    FUNCTIONAL: 'Functional',
    REGRESSION: 'Regression',
    SMOKE: 'Smoke',
    ACCESSIBILITY: 'Accessibility',
    PERFORMANCE: 'Performance',
    SECURITY: 'Security',
    OTHER: 'Other',
  } satisfies Record<(typeof TEST_CASE_TYPES)[number], string>,
  caseStatus: { DRAFT: 'Draft', READY: 'Ready', DEPRECATED: 'Deprecated' } satisfies Record<(typeof TEST_CASE_STATUSES)[number], string>,
  createCase: {
    form: 'Create test case',
    title: 'Title',
    description: 'Description',
    priority: 'Priority',
    titleRequired: 'Enter a title for the test case.',
    theTitle: 'The title',
    theDescription: 'The description',
  },
  link: {
    form: 'Search TestKase test cases',
    field: 'Search test cases',
    hint: 'By id (TC-12) or words from the title.',
    empty: 'Enter a test case id (like TC-12) or words from its title.',
    searching: 'Searching TestKase…',
    noMatch: ({ query }: { query: string }) => `No test cases match “${query}”.`,
    showing: ({ shown, total }: { shown: number; total: number }) => `Showing ${shown} of ${total} ${plural(total, 'match', 'matches')}.`,
    linked: 'Linked',
    link: 'Link',
    linking: 'Linking…',
  },
  details: {
    region: ({ id }: { id: string }) => `Details of ${id}`,
    loading: ({ id }: { id: string }) => `Loading ${id}…`,
    loadFailed: ({ id }: { id: string }) => `${id} could not be loaded`,
    close: 'Close details',
    closeWhich: ({ id }: { id: string }) => ` of ${id}`,
    type: 'Type',
    status: 'Status',
    priority: 'Priority',
    automationId: 'Automation id',
    notAutomated: 'Not automated',
    owner: 'Owner',
    updated: 'Updated',
    description: 'Description',
    noDescription: 'No description.',
    preconditions: 'Preconditions',
    noPreconditions: 'None.',
    steps: 'Steps',
    noSteps: 'This test case has no steps.',
    // The history
    history: 'Execution history',
    historyOf: ({ id }: { id: string }) => `Execution history of ${id}`,
    historyLoading: 'Loading the execution history…',
    historyFailed: 'The execution history could not be loaded',
    notRunYet: 'Not run yet.',
    showing: ({ shown, total }: { shown: number; total: number }) => `Showing ${shown} of ${total} ${plural(total, 'result', 'results')}, newest first.`,
    older: 'Show older results',
    // One result
    executedBy: ({ name }: { name: string }) => `Executed by ${name}`,
    setBy: ({ name }: { name: string }) => `Set by ${name}`,
    stepResults: ({ count }: { count: number }) => `Step results: ${count} ${plural(count, 'step', 'steps')}`,
    stepResult: <T>({ order, status }: { order: number; status: T }): Parts<T> => [`Step ${order}: `, status],
    actual: ({ text }: { text: string }) => `Actual: ${text}`,
  },
};

export const words = { ...base, ...testCaseWords };
