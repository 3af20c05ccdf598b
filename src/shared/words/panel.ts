/**
 * The issue panel's first screen: its head, tabs and the linked test cases.
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 */
import { words as base, plural, type Parts } from './base';

export const panelWords = {
  // ---------- the issue panel ----------
  panel: {
    loadFailed: 'TestKase could not be loaded',
    openSettings: 'Open TestKase settings',
    tabs: 'TestKase',
    tabCases: 'Test Cases',
    tabCycles: 'Test Cycles',
    project: <T>({ name }: { name: T }): Parts<T> => ['TestKase project ', name],
    actingAs: <T>({ name }: { name: T }): Parts<T> => ['Acting in TestKase as ', name],
    separator: ' · ',
    readOnly: ' · read-only (Guest)',
  },
  cases: {
    region: 'Test cases linked to this issue',
    thisIssue: 'this issue',
    create: 'Create test case',
    linkExisting: 'Link existing',
    loading: 'Loading linked test cases…',
    loadFailed: 'Linked test cases could not be loaded',
    none: ({ issue }: { issue: string }) => `No test cases are linked to ${issue} yet.`,
    noneHint: 'Create a test case or link an existing one.',
    count: ({ count }: { count: number }) => `${count} linked test ${plural(count, 'case', 'cases')}`,
    countFiltered: ({ shown, count }: { shown: number; count: number }) => `Showing ${shown} of ${count} linked test ${plural(count, 'case', 'cases')}`,
    clearFilters: 'Clear filters',
    latestResults: 'Latest results',
    latestResultsFiltered: 'Latest results of the filtered test cases',
    firstOf: ({ shown, total }: { shown: string; total: string }) => `Showing the first ${shown} of ${total} test cases linked in TestKase.`,
    selectAll: ({ count }: { count: number }) => `Select all ${count} shown`,
    noMatch: 'No linked test case matches these filters.',
    unlinked: ({ id, issue }: { id: string; issue: string }) => `Unlinked ${id} from ${issue}.`,
    created: ({ id, issue }: { id: string; issue: string }) => `Created ${id} and linked it to ${issue}.`,
    linked: ({ id, issue }: { id: string; issue: string }) => `Linked ${id} to ${issue}.`,
    // A row
    select: ({ id }: { id: string }) => `Select ${id}`,
    unlink: 'Unlink',
    unlinking: 'Unlinking…',
    // The filter bar
    filters: 'Filter linked test cases',
    filter: 'Filter',
    filterPlaceholder: 'Id or words of the title',
    latestResult: 'Latest result',
    priority: 'Priority',
  },
};

export const words = { ...base, ...panelWords };
