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
    stepsLoading: 'Loading the steps…',
    noSteps: 'This test case has no written steps.',
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
    // ---------- the cycle shown is the cycle saved in (issue 22.1, 22.11) ----------
    cyclesStillLoading: 'The test cycles are still loading. Save again once they are shown.',
    cyclesNotLoaded: 'The test cycles could not be loaded, so there is no cycle to record in. Use Retry above, then save again.',
    chooseOtherCycle: ({ id }: { id: string }) => `Choose the cycle to add ${id} to, or choose a cycle it is already in.`,
    addsFirst: ({ id, name }: { id: string; name: string }) => `Saving adds ${id} to ${name} first, then records the result there.`,
    noCycleAtAll: 'This TestKase project has no test cycle yet: create one on the Test Cycles tab.',
    /** A draft kept in this browser, put back into the form. */
    draftRestored: ({ at }: { at: string }) => `Restored the result you had not saved yet (from ${at}).`,
    discardDraft: 'Discard it',
    safeToRetry: 'Saving again is safe: a result TestKase already recorded is not recorded twice.',
    // ---------- Run next ----------
    runNext: ({ id }: { id: string }) => `Run next: ${id}`,
    nextLoading: 'Looking for the next test case to run…',
    noneLeft: ({ name }: { name: string }) => `Every test case of this issue in ${name} has a result.`,
    nextFailed: ({ name }: { name: string }) => `Which test case to run next in ${name} could not be loaded.`,
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
    // ---------- add and record in one go (issue 22) ----------
    /** A cycle to choose, with how much of the selection it already holds. */
    cycleHolds: ({ name, isMaster, environment, held, of }: { name: string; isMaster: boolean; environment: string | null; held: number | null; of: number }) =>
      `${name}${isMaster ? ' (master)' : ''}${environment ? ` · ${environment}` : ''}${held === null ? '' : held === of ? ' — holds all' : held === 0 ? ' — holds none' : ` — holds ${held} of ${of}`}`,
    holdingFailed: 'Which cycles already hold the selection could not be loaded; you can still choose one.',
    addFirst: ({ count }: { count: number }) => `Add the ${count} not in this cycle first`,
    addFirstAny: 'Add the ones not in this cycle first',
    addedFirst: ({ count, cycle }: { count: number; cycle: string }) => `Added ${count} ${plural(count, 'test case', 'test cases')} to ${cycle} first.`,
    recordRest: ({ count }: { count: number }) => `Record again for the ${count} not recorded`,
  },
  bug: {
    report: 'Report bug',
    reporting: 'Reporting…',
    reportFor: ({ id }: { id: string }) => ` for ${id}`,
    key: 'Bug key',
    keyPlaceholder: 'DEMO-12',
    add: 'Add bug to result',
    noDialog: 'Jira’s Create Issue dialog could not be opened here. Create the bug in Jira, then add its key to this result.',
    noKey: 'Jira created the bug but could not say its key. Type its key below to record it on this result.',
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
    comment: 'Tester’s comment',
    /** `at` in the tester's Jira timezone, `zone` naming it ("Central European Standard Time (Europe/Paris)"). */
    footer: ({ id, by, at, zone }: { id: string; by: string | null; at: string | null; zone: string }) =>
      `TestKase result ${id}${by ? `, recorded by ${by}` : ''}${at ? ` at ${at}, ${zone}` : ''}.`,
    // Linking a bug that exists, and checking a bug key with Jira (as the tester) before it is recorded
    link: 'Link existing bug',
    linkFor: ({ id }: { id: string }) => ` for ${id}`,
    find: 'Find in Jira',
    finding: 'Looking in Jira…',
    linkHint: 'The key of a bug in Jira, like DEMO-12: Jira shows what it is before it is added.',
    notInJira: ({ keys }: { keys: readonly string[] }) =>
      `${keys.join(', ')} ${plural(keys.length, 'is not an issue you can see in Jira', 'are not issues you can see in Jira')}: no such issue, or you may not browse it. Check the key.`,
    /** What a found issue is, when it is not a bug of this issue's project (one sentence). */
    whatItIs: ({ key, type, project, isBug, inThisProject }: { key: string; type: string | null; project: string; isBug: boolean; inThisProject: boolean }) =>
      isBug
        ? `${key} is a bug of another project, ${project}.`
        : inThisProject
          ? `${key} is ${type ? `a ${type}` : 'an issue'}, not a bug.`
          : `${key} is ${type ? `a ${type}` : 'an issue'} in ${project}, not a bug.`,
    project: ({ name, key }: { name: string | null; key: string | null }) => (name && key ? `${name} (${key})` : (name ?? key ?? 'another project')),
    confirmLink: ({ key }: { key: string }) => `Add ${key} to this result`,
    linkAnyway: ({ key }: { key: string }) => `Add ${key} anyway`,
    linked: ({ keys }: { keys: readonly string[] }) => `Recorded ${keys.join(', ')} on this result.`,
    /** The run form's Bugs field: the keys Jira found but that are not bugs of this project. */
    saveAgain: ({ about, count }: { about: readonly string[]; count: number }) =>
      `${about.join(' ')} Save again to record ${plural(count, 'it', 'them')} anyway, or change the key.`,
    checkFailed: ({ why }: { why: string }) => `The bug keys could not be checked: ${why}`,
  },
};

export const words = { ...base, ...runWords };
