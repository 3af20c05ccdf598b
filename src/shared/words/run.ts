/**
 * Recording results in the issue panel: a run (step by step), several at once, and Report bug (with
 * what Jira's Create Issue dialog is prefilled with).
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 */
import { words as base, plural, type Parts } from './base';

export const runWords = {
  run: {
    form: ({ id }: { id: string }) => `Run ${id}`,
    heading: <T>({ id, title }: { id: T; title: string }): Parts<T> => ['Run ', id, ` ${title}`],
    inCycle: <T>({ name }: { name: T }): Parts<T> => ['In ', name],
    recordSteps: ({ count }: { count: number }) => ` Record each step (${count} ${plural(count, 'step', 'steps')})`,
    stepsFailed: ({ why }: { why: string }) => `The steps could not be loaded (${why}); you can still record the result.`,
    overall: 'Overall result',
    useSteps: ({ status }: { status: string }) => `Use the steps’ result (${status})`,
    bugs: 'Bugs (optional)',
    bugsHint: 'Jira keys of the bugs this result is about, like DEMO-12. After a Fail you can also report a new bug.',
    save: 'Save result',
    stepsOrResult: 'Give each step a result, or choose the overall result.',
    chooseCycle: 'Choose the test cycle to record the result in.',
    theComment: 'The comment',
    theActual: ({ order }: { order: number }) => `The actual result of step ${order}`,
    derivedOpen: 'Derived from the steps once each has a result; you can also choose it yourself.',
    derivedOverridden: ({ status }: { status: string }) => `You chose this instead of the steps’ result (${status}).`,
    derived: ({ status }: { status: string }) => `Derived from the steps: ${status}. Choose another to override it.`,
    lastLoading: 'Loading the last result…',
    lastFailed: ({ why }: { why: string }) => `The last result in this cycle could not be loaded: ${why}`,
    notRunIn: ({ name }: { name: string }) => `Not run in ${name} yet.`,
    lastIn: ({ name }: { name: string }) => `Last result in ${name} (kept: saving adds a new result)`,
    copyComment: 'Copy this comment into the new result',
    stepLegend: ({ order }: { order: number }) => `Step ${order} result`,
    stepActual: ({ order }: { order: number }) => `Step ${order} actual result (optional)`,
    saved: ({ status, id, cycle }: { status: string; id: string; cycle: string }) => `Saved ${status} for ${id} in ${cycle}.`,
    /** The bugs a tester names with a result (panel/run/defects.ts). */
    notKeys: ({ keys }: { keys: readonly string[] }) => `${keys.join(', ')} ${plural(keys.length, 'is not a Jira issue key', 'are not Jira issue keys')} (like DEMO-12).`,
    tooManyBugs: ({ max }: { max: number }) => `At most ${max} bugs per result.`,
    // The cycle picker
    cyclesLoading: 'Loading the cycles that hold this test case…',
    inNoCycle: ({ id }: { id: string }) => `${id} is in no test cycle yet: add it to one to run it.`,
    addToAnother: 'Add it to another cycle…',
    chooseCycleToAdd: 'Choose a cycle to add it to.',
    noOtherCycle: 'There is no other test cycle: create one on the Test Cycles tab.',
    addTo: ({ id }: { id: string }) => `Add ${id} to`,
  },
  bulk: {
    region: 'Selected test cases',
    selected: ({ count }: { count: number }) => `${count} selected`,
    add: ({ count }: { count: number }) => `Add ${count} to a cycle`,
    record: ({ count }: { count: number }) => `Record a result for ${count}`,
    clear: 'Clear selection',
    chooseCycle: 'Choose a test cycle.',
    theComment: 'The comment',
    submitAdd: ({ count }: { count: number }) => `Add ${count}`,
    submitRecord: ({ count }: { count: number }) => `Record for ${count}`,
    added: ({ added, already, cycle }: { added: number; already: number; cycle: string }) =>
      `Added ${added} ${plural(added, 'test case', 'test cases')} to ${cycle}.${already ? ` ${already} ${plural(already, 'was', 'were')} already in it.` : ''}`,
    recorded: ({ status, recorded, of, cycle }: { status: string; recorded: number; of: number; cycle: string }) => `Recorded ${status} for ${recorded} of ${of} in ${cycle}.`,
    notRecorded: ({ head, why }: { head: string; why: readonly string[] }) => `${head} Not recorded: ${why.join(' ')}`,
  },
  bug: {
    report: 'Report bug',
    reporting: 'Reporting…',
    reportFor: ({ id }: { id: string }) => ` for ${id}`,
    key: 'Bug key',
    keyPlaceholder: 'DEMO-12',
    add: 'Add bug to result',
    noDialog: 'Jira’s Create Issue dialog could not be opened here. Create the bug in Jira, then add its key to this result.',
    noKey: 'Jira created the bug but did not say its key. Type its key to record it on this result.',
    typeKey: 'Type the key of the bug, like DEMO-12.',
    notRecordedOne: ({ key, why }: { key: string; why: string }) => `${key}: ${why}`,
    partly: ({ done, failed }: { done: readonly string[]; failed: readonly string[] }) =>
      `${done.length ? `${done.join(', ')} recorded on this result. ` : ''}Not recorded: ${failed.join(' ')}`,
    recorded: ({ keys }: { keys: readonly string[] }) => `Created ${keys.join(', ')} and recorded ${plural(keys.length, 'it', 'them')} on this result.`,
    // What Jira's Create Issue dialog is prefilled with
    summary: ({ id, title }: { id: string; title: string }) => `[${id}] ${title} fails`,
    foundWhile: <T>({ testCase, issueKey, cycle, cycleId, result }: { testCase: T; issueKey: string | null; cycle: string; cycleId: string; result: string }): Parts<T> => [
      'Found while running the TestKase test case ',
      testCase,
      issueKey ? ` for ${issueKey}` : '',
      ` in the test cycle ${cycle} (${cycleId}). Result: ${result}.`,
    ],
    environment: 'Environment: ',
    noEnvironment: 'not given in the cycle',
    preconditions: 'Preconditions',
    steps: 'Steps to reproduce',
    expected: 'Expected: ',
    actual: 'Actual: ',
    actualResult: ({ status, text }: { status: string; text: string | null | undefined }) => `${status}${text ? `: ${text}` : ''}`,
    notExecuted: 'not executed',
    comment: 'Tester’s comment',
    footer: ({ id, by, at }: { id: string; by: string | null; at: string | null }) =>
      `TestKase result ${id}${by ? `, recorded by ${by}` : ''}${at ? ` at ${at} (UTC)` : ''}.`,
  },
};

export const words = { ...base, ...runWords };
