/**
 * The global (settings) page: the token, its details and the form.
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 */
import { words as base, plural, type Parts } from './base';

export const settingsWords = {
  // ---------- the global (settings) page ----------
  settings: {
    title: 'TestKase for Jira',
    loading: 'Loading your TestKase settings…',
    loadFailed: 'Your TestKase settings could not be loaded',
    connectedAs: ({ name }: { name: string }) => `Connected to TestKase as ${name}.`,
    connected: 'Saved and connected to TestKase.',
    deleted: 'Your token was deleted from Jira. Delete it in TestKase too if you no longer use it.',
    replaceToken: 'Replace the token',
    backTo: ({ issueKey }: { issueKey: string }) => `Back to ${issueKey}`,
    help: 'Connect Jira to TestKase with your own Personal Access Token to see and run test cases from Jira issues.',
    apiKeys: 'Settings → API Keys',
    jiraIntegration: 'Settings → Jira Integration',
    helpCreate: <T>({ place }: { place: T }): Parts<T> => ['Create a token in TestKase under ', place, ' and paste it below.'],
    helpOwn: 'Each Jira user saves their own token; what you can do follows your TestKase role. Only you can use your token.',
    helpMapping: <T>({ place }: { place: T }): Parts<T> => ['Which TestKase project belongs to which Jira project is set by a TestKase admin in ', place, '.'],
    // The saved token
    saved: 'Your saved token',
    token: 'Token',
    status: 'Status',
    working: 'Working',
    notWorking: 'Not working',
    testkaseUser: 'TestKase user',
    tokenName: 'Token name',
    savedAt: 'Saved',
    lastValidated: 'Last validated',
    lastAccepted: 'Last accepted by TestKase',
    expires: 'Expires',
    expired: 'This token has expired',
    expiresToday: 'This token expires today',
    expiresIn: ({ days }: { days: number }) => `This token expires in ${days} ${plural(days, 'day', 'days')}`,
    rotate: 'To rotate it without interruption: create a new token in TestKase first, replace this one here, then delete the old token in TestKase.',
    confirmDelete: 'Confirm deletion',
    deleteQuestion: 'Delete the saved token? The TestKase panel will stop working for you until you save a new one.',
    deleteToken: 'Delete token',
    // The token form
    pat: 'Personal Access Token',
    patHint: 'Starts with tk_pat_. Paste it as copied from TestKase.',
    patEmpty: 'Paste your Personal Access Token from TestKase.',
    checking: 'Checking with TestKase…',
    /** The warning that the saved token is someone else's (its sentence comes from the backend). */
    replaceWithOwn: 'Replace with your own token',
  },
};

export const words = { ...base, ...settingsWords };
