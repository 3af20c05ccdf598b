/**
 * The Jira admin page: the stored connections, check all, the audit log.
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 */
import { words as base, plural, type Parts } from './base';

export const adminWords = {
  // ---------- the Jira admin page ----------
  admin: {
    title: 'TestKase connections',
    help: 'Everyone who saved a TestKase Personal Access Token in Jira. Tokens are never shown — only a preview, which matches the start of the token in TestKase’s API Keys list. Remove the connection of someone who left or whose token should no longer be used.',
    removed: ({ who }: { who: string }) => `Removed the TestKase connection of ${who}. They will be told a Jira admin removed it when they next open TestKase in Jira.`,
    nothingStored: ({ who }: { who: string }) => `${who} had no token stored any more; nothing was changed.`,
    connections: 'Stored connections',
    loading: 'Loading the stored connections…',
    loadFailed: 'The stored connections could not be loaded',
    audit: 'Audit log',
    nobody: 'No one has connected TestKase yet. A connection appears here once a user saves their Personal Access Token on the TestKase page (Apps → TestKase).',
    byState: 'Show connections by state',
    searchLabel: 'Search connections',
    searchPlaceholder: 'Search by TestKase user, email, token or account id',
    usersUnknown: 'Jira did not say who these accounts are, so they are shown by account id. Reload the page to try again.',
    noMatch: ({ text }: { text: string }) => (text ? `No connection matches “${text}”.` : 'No connection matches this filter.'),
    showAll: 'Show all connections',
    noneShown: 'No connections shown',
    showing: ({ first, last, matched }: { first: number; last: number; matched: number }) => `Showing ${first}–${last} of ${matched}`,
    storedInAll: ({ count }: { count: number }) => ` (${count} stored in all)`,
    perPage: 'Per page',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: ({ page, pages }: { page: number; pages: number }) => `Page ${page} of ${pages}`,
    health: { WORKING: 'Working', REJECTED: 'Rejected', EXPIRED: 'Expired', NOT_CHECKED: 'Not checked' },
    /** Said under a state's lozenge, where it needs saying. */
    healthNote: { WORKING: null, REJECTED: 'at last check', EXPIRED: null, NOT_CHECKED: 'yet' },
    filter: { ALL: 'All', WORKING: 'Working', REJECTED: 'Rejected', EXPIRED: 'Expired', EXPIRING_SOON: 'Expiring soon', NOT_CHECKED: 'Not checked yet' },
    column: {
      jiraUser: 'Jira user',
      testkaseUser: 'TestKase user',
      tokenName: 'Token',
      savedAt: 'Saved',
      lastValidatedAt: 'Last validated',
      lastUsedAt: 'Last used',
      expiresAt: 'Expires',
      health: 'State',
      actions: 'Actions',
    },
    caption: ({ by }: { by: string }) => `Stored TestKase connections, sorted by ${by}`,
    noName: 'No name',
    expiresToday: 'Expires today',
    expiresIn: ({ days }: { days: number }) => `Expires in ${days} ${plural(days, 'day', 'days')}`,
    removeWhose: ({ who }: { who: string }) => `Remove the connection of ${who}`,
    removeQuestion: ({ who }: { who: string }) => `Remove the TestKase connection of ${who}?`,
    removeConnection: 'Remove connection',
    removing: 'Removing…',
    removeExplained: <T>({ preview, tokenName }: { preview: T; tokenName: string | null }): Parts<T> => [
      'Their saved token ',
      preview,
      `${tokenName ? ` (“${tokenName}”)` : ''} and everything the app stores for them are deleted from Jira. TestKase stops working for them in Jira until they save a new token; they are told a Jira admin removed it.`,
    ],
    notRevoked: 'This does not revoke the token in TestKase: revoke it there too (Settings → API Keys) if it must stop working everywhere.',
    unknownUser: 'Unknown Jira user',
    accountId: 'Jira account id',
    deactivated: 'Deactivated',
    // Check all
    tally: ({ tally }: { tally: { WORKING: number; REJECTED: number; EXPIRED: number; UNREACHABLE: number; GONE: number } }) => {
      const parts = [
        [tally.WORKING, 'working'],
        [tally.REJECTED, 'rejected'],
        [tally.EXPIRED, 'expired'],
        [tally.UNREACHABLE, 'not checked (TestKase did not answer)'],
        [tally.GONE, 'removed meanwhile'],
      ] as const;
      const found = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
      return found.length > 0 ? found.join(', ') : 'nothing to check';
    },
    tallySentence: ({ tally }: { tally: string }) => `${tally}.`,
    checking: ({ checked, total }: { checked: number; total: number }) => `Checking tokens with TestKase: ${checked} of ${total}`,
    starting: 'Starting the check…',
    waiting: ({ seconds }: { seconds: number }) => ` — TestKase asked to wait ${seconds} s, then the check goes on.`,
    checked: 'Tokens checked',
    stop: 'Stop',
    checkedCount: ({ count }: { count: number }) => `Checked ${count} ${plural(count, 'token', 'tokens')}`,
    stopped: 'Check stopped',
    continue: 'Continue',
    stoppedAt: ({ checked, total }: { checked: number; total: number }) => `${checked} of ${total} tokens were checked; the rest keep their state.`,
    noneChecked: 'No token was checked.',
    checkFailed: 'The check could not go on',
    checkAll: 'Check all now',
    checkAllHint: 'Asks TestKase about every stored token and records its state. Tokens are never shown.',
    // The audit log
    auditLoading: 'Loading the audit log…',
    auditFailed: 'The audit log could not be loaded',
    auditEmpty: 'Nothing yet. Removals and checks by Jira admins are recorded here.',
    older: 'Show older entries',
    jiraAccount: ({ accountId }: { accountId: string }) => `Jira account ${accountId}`,
    aUser: 'a user',
    removedToken: ({ preview, tokenName }: { preview: string; tokenName: string | null }) => ` (token ${preview}${tokenName ? `, “${tokenName}”` : ''})`,
    entryRemoved: ({ actor, target, token }: { actor: string; target: string; token: string }) => `${actor} removed the TestKase connection of ${target}${token}.`,
    entryNothingStored: ({ actor, target }: { actor: string; target: string }) => `${actor} removed the TestKase connection of ${target}: nothing was stored.`,
    entryUnconfirmed: ({ actor, target }: { actor: string; target: string }) =>
      `${actor} started removing the TestKase connection of ${target}, and it did not confirm. Check the list and remove it again if it is still there.`,
    entryChecked: ({ actor }: { actor: string }) => `${actor} checked every stored token.`,
    entryCheckDone: ({ actor, total, tally }: { actor: string; total: number; tally: string }) => `${actor} checked all ${total} stored tokens: ${tally}.`,
    entryCheckStalled: ({ actor, total, checked, tally }: { actor: string; total: number; checked: number; tally: string }) =>
      `${actor} started a check of ${total} tokens; it stopped after ${checked} (${tally}).`,
    entryChecking: ({ actor, total, checked }: { actor: string; total: number; checked: number }) => `${actor} is checking ${total} tokens: ${checked} so far.`,
  },
};

export const words = { ...base, ...adminWords };
