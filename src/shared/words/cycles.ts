/**
 * The issue panel's Test Cycles tab: the cycles, creating one, one cycle's executions.
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 */
import { words as base, plural, type Parts } from './base';

export const cyclesWords = {
  cycles: {
    region: 'Test cycles',
    create: 'Create cycle',
    searchForm: 'Search test cycles',
    searchField: 'Search cycles by name',
    loadFailed: 'Test cycles could not be loaded',
    created: ({ name }: { name: string }) => `Created the cycle “${name}”.`,
    noMatch: ({ search }: { search: string }) => `No test cycle matches “${search}”.`,
    none: 'This TestKase project has no test cycles yet.',
    count: ({ total, search, listed }: { total: number; search: string; listed: number }) =>
      `${search ? `${total} ${plural(total, 'cycle matches', 'cycles match')} “${search}”` : `${total} ${plural(total, 'cycle', 'cycles')}`}, most recently active first${listed < total ? ` (the first ${listed} are listed)` : ''}.`,
    open: ({ name }: { name: string }) => `Open cycle ${name}`,
    master: 'Master',
    progress: ({ executed, total }: { executed: number; total: number }) => `Cycle: ${executed}/${total} executed`,
    progressOf: ({ name }: { name: string }) => `Progress of ${name}`,
    // The create form
    form: 'Create cycle',
    name: 'Name',
    description: 'Description',
    environment: 'Environment',
    environmentHint: 'For example Staging or Chrome 130.',
    nameRequired: 'Enter a name for the cycle.',
    theName: 'The name',
    theDescription: 'The description',
    theEnvironment: 'The environment',
    // One cycle
    back: 'Back to cycles',
    environmentOf: ({ environment }: { environment: string }) => `Environment: ${environment}`,
    executionsLoading: 'Loading executions…',
    loadCycleFailed: 'The cycle could not be loaded',
    counts: ({ issueExecuted, issueTotal, executed, total }: { issueExecuted: number; issueTotal: number; executed: number; total: number }) =>
      `This issue: ${issueExecuted}/${issueTotal} executed · Cycle: ${executed}/${total} executed`,
    noneOfIssue: 'None of this issue’s test cases are in this cycle yet.',
    issueCases: ({ name }: { name: string }) => `This issue’s test cases in ${name}`,
    executedByAt: <T>({ name, at }: { name: string; at: T }): Parts<T> => [`Executed by ${name} · `, at],
    notInCycle: 'Linked test cases not in this cycle',
    addAll: ({ count }: { count: number }) => `Add all ${count} to cycle`,
    added: ({ added, first, already, name }: { added: number; first: string | undefined; already: number; name: string }) =>
      `Added ${added === 1 ? first : `${added} test cases`} to ${name}.${already ? ` ${already} already in the cycle.` : ''}`,
  },
};

export const words = { ...base, ...cyclesWords };
