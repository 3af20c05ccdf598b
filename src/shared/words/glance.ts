/**
 * The issue context glance (UI Kit).
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 */
import { words as base, plural } from './base';

export const glanceWords = {
  // ---------- the issue context glance (UI Kit) ----------
  glance: {
    loading: 'Loading test status',
    loadingText: 'Loading test status…',
    updating: 'Updating test status',
    loadFailed: 'Test status could not be loaded',
    notListed: 'TestKase did not list the linked test cases.',
    casesFailed: 'Linked test cases could not be loaded',
    openSettings: 'Open TestKase settings',
    none: ({ issueKey }: { issueKey: string }) => `No test cases are linked to ${issueKey} yet.`,
    openPanel: 'Open the TestKase panel',
    openCases: 'Open test cases',
    latest: 'Latest execution',
    /**
     * "4 tests · Pass 2 · Fail 1 · …": the count of tests, then each status's count. A count and its
     * word never part at the end of a line (the issue's right column is narrow): no-break spaces.
     */
    counts: ({ total, statuses }: { total: number; statuses: readonly string[] }) =>
      [`${total} ${plural(total, 'test', 'tests')}`, ...statuses].map((part) => part.replace(/ /g, '\u00a0')).join(' · '),
    byAt: ({ by, at }: { by: string; at: string }) => `${by} · ${at}`,
  },
};

export const words = { ...base, ...glanceWords };
