/**
 * The words every module uses: TestKase's own names (statuses, priorities, test case types), the
 * verdict, the words of every screen (Retry, Cancel, dates…), and the UIs' own call failures.
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 * Zod-free and import-free at run time, as every part is.
 */
import type { ExecutionStatus, Priority } from '../facts';
import type { Verdict } from '../results';

/**
 * A sentence with parts the UI renders itself (a name in bold, a token preview in monospace), in the
 * order this language puts them: the entry takes them as parameters of any type.
 */
export type Parts<T> = readonly (string | T)[];

/** English has one plural rule; a locale with others decides inside its own entries. */
export const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

/** The base part: every other part spreads it into its own `words`. */
export const words = {
  /** What the app is called where it names itself. */
  appName: 'TestKase for Jira',

  // ---------- TestKase's own words (its documented names) ----------
  status: {
    NOT_EXECUTED: 'Not Executed',
    PASS: 'Pass',
    FAIL: 'Fail',
    BLOCKED: 'Blocked',
    SKIPPED: 'Skipped',
  } satisfies Record<ExecutionStatus, string>,
  /** A status and how many have it: "Pass 2" (a status bar's summary, the glance's counts). */
  statusCount: ({ status, count }: { status: string; count: number }) => `${status} ${count}`,
  priority: { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High', CRITICAL: 'Critical' } satisfies Record<Priority, string>,
  /** The verdict on an issue's latest results (shared/results.ts). */
  verdict: {
    FAILING: 'Failing',
    BLOCKED: 'Blocked',
    INCOMPLETE: 'Not all executed',
    PASSING: 'All passed',
  } satisfies Record<Verdict, string>,

  // ---------- words every screen uses ----------
  common: {
    loading: 'Loading…',
    retry: 'Retry',
    tryAgain: 'Try again',
    refresh: 'Refresh',
    refreshing: 'Refreshing…',
    cancel: 'Cancel',
    close: 'Close',
    done: 'Done',
    save: 'Save',
    saving: 'Saving…',
    create: 'Create',
    search: 'Search',
    searching: 'Searching…',
    clear: 'Clear',
    remove: 'Remove',
    replace: 'Replace',
    delete: 'Delete',
    deleting: 'Deleting…',
    adding: 'Adding…',
    showMore: 'Show more',
    showLess: 'Show less',
    /** Shown where a value is missing. */
    none: '—',
    never: 'Never',
    notYet: 'Not yet',
    unknown: 'Unknown',
    any: 'Any',
    stillWorking: 'Still working: TestKase is taking longer than usual to answer.',
    /** "Times are in Central European Standard Time (Europe/Paris)." */
    zoneNote: ({ zone }: { zone: string }) => `Times are in ${zone}.`,
    /** A zone's long name with its IANA name, for a hover title. */
    zoneName: ({ name, zone }: { name: string; zone: string }) => `${name} (${zone})`,
    /** A date-only cell's hover: the full time and the zone. */
    dateHover: ({ dateTime, zone }: { dateTime: string; zone: string }) => `${dateTime}, ${zone}`,
    /** "Show 50 more test cases", and how many are still hidden. */
    showMoreOf: ({ count, what }: { count: number; what: string }) => `Show ${count} more ${what}`,
    notShownYet: ({ count }: { count: number }) => ` ${count} not shown yet`,
    /** A status bar's accessible name: "Latest results: Pass 2, Fail 1". */
    statusBar: ({ label, summary }: { label: string; summary: readonly string[] }) => `${label}: ${summary.length === 0 ? 'none' : summary.join(', ')}`,
    /** Jira issue keys after a result. */
    bugs: 'Bugs',
    listLabel: ({ label }: { label: string }) => `${label}: `,
    expected: 'Expected: ',
    /** A field over its limit, said at submit (the text is kept, never cut). */
    tooLong: ({ what, over, max }: { what: string; over: number; max: string }) => `${what} is ${over} ${plural(over, 'character', 'characters')} too long (at most ${max}).`,
    /** The live counter next to a field: "12 / 255", or how much is over. */
    counter: ({ length, max }: { length: string; max: string }) => `${length} / ${max}`,
    counterOver: ({ over, max }: { over: string; max: string }) => `${over} over the limit of ${max}`,
    /** A search longer than the backend accepts. */
    searchTooLong: ({ max }: { max: number }) => `A search is at most ${max} characters.`,
    chooseResult: 'Choose a result.',
    comment: 'Comment (optional)',
    result: 'Result',
    testCycle: 'Test cycle',
    chooseCycle: 'Choose a cycle…',
    addToCycle: 'Add to cycle',
    run: 'Run',
    /** Said after a button's visible word to a screen reader only: " TC-1". */
    which: ({ id }: { id: string }) => ` ${id}`,
    loadingCycles: 'Loading test cycles…',
    cyclesFailed: 'The test cycles could not be loaded',
    /** A cycle in a choice list: its name, whether it is the master cycle, its environment. */
    cycleOption: ({ name, isMaster, environment }: { name: string; isMaster: boolean; environment?: string | null }) =>
      `${name}${isMaster ? ' (master)' : ''}${environment ? ` · ${environment}` : ''}`,
    /** The "what" of a long list's Show more. */
    testCases: 'test cases',
    cycles: 'cycles',
  },

  /** The UIs' own failures to reach the backend (shared/call.ts). */
  call: {
    unreachable: 'The TestKase app did not answer. Check your connection and try again.',
    /** The UI's own clock ran out: the backend may still finish a write, so say so. */
    timedOut: ({ seconds }: { seconds: number }) =>
      `The TestKase app did not answer within ${seconds} seconds. If you were saving something, use Refresh to check whether it was saved before trying again.`,
    garbled: 'The TestKase app sent an answer it could not read. Try again; if it keeps happening, tell your Jira admin.',
  },

  /** The frame itself, before a module's code runs (static/src/main.tsx). */
  app: {
    loading: 'Loading TestKase…',
    unknownModuleTitle: 'Unknown TestKase module',
    unknownModuleText: 'This part of Jira is not supported by TestKase for Jira.',
    startFailedTitle: 'TestKase could not start',
    startFailedText: 'Jira did not provide the app context. Reload the page to try again.',
  },
};
