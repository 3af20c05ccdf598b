/**
 * Every sentence the backend says to a person, once: the UI shows these as they come (messages of
 * states and errors), so a wording is changed here and nowhere else. Plain words, what happened and
 * the one next step; never a token, a stack trace or a raw TestKase body.
 */
import type { ConfigState, ModuleKind, StateMessage } from '../shared/definitions';
import type { ConnectionState } from '../connection/state-machine';

const SETTINGS_STEP = 'Open the TestKase page from the Jira Apps menu';
const TRY_AGAIN = 'Try again; if it keeps happening, tell your Jira admin.';
const MAPPING_STEP = 'Ask a TestKase admin to connect it in TestKase Settings → Jira Integration.';

/** TestKase's 429, with the seconds it asked for when it said. */
export const waitForRateLimit = (seconds: number | undefined) =>
  `TestKase is receiving too many requests for your token. Wait ${seconds ?? 'a few'} seconds and try again.`;

export const sentences = {
  tokenRejected: `TestKase rejected your Personal Access Token: it may have been revoked or have expired. ${SETTINGS_STEP} and enter a new token.`,
  /** The same, said on the TestKase settings page itself (the global page), where the token is replaced. */
  tokenRejectedHere: 'TestKase rejected your Personal Access Token: it may have been revoked or have expired. Create a new token in TestKase (Settings → API Keys) and replace the saved one here.',
  /** A read: nothing could have changed. */
  unreachable: 'TestKase could not be reached. Try again in a moment.',
  /** A write TestKase answered with a server error: it did not make the change. */
  writeRefused: 'TestKase could not save this right now (it answered with an error), so nothing was changed. Try again in a moment.',
  /** A write whose answer never came: it may have been made. */
  writeTimedOut: 'TestKase did not answer in time, so the change may or may not have been saved. Use Refresh to check before trying again.',
  forbidden: 'Your TestKase role does not allow this (Guests can only view). Ask a TestKase project admin if you need more access.',
  notFound: 'TestKase could not find that item; it may have been deleted. Refresh and try again.',
  badResponse: 'TestKase answered in a way this app does not understand. Try again later; if it persists, tell your Jira admin.',
  rejectedInput: (detail: string | undefined) => `TestKase did not accept this${detail ? ` (${detail})` : ''}. Check the values and try again.`,
  internal: `Something went wrong in TestKase for Jira. ${TRY_AGAIN}`,
  storage: 'Forge storage did not answer, so nothing was changed. Try again in a moment.',
  unknownFunction: 'This page asked TestKase for Jira for something it does not offer. Reload the page; if it keeps happening, tell your Jira admin.',
  noCaller: 'Jira did not say who is signed in or where the app is open. Reload the page and try again.',
  issueOnly: 'This works only in the TestKase panel of a Jira issue.',
  guestReadOnly: (project: string) => `You have read-only (Guest) access to ${project} in TestKase, so you can view but not change it.`,
  notLinked: (named: string, count: number, issueKey: string) =>
    `${named} ${count === 1 ? 'is' : 'are'} not linked to ${issueKey}, so this panel cannot run or add ${count === 1 ? 'it' : 'them'}. Link ${count === 1 ? 'it' : 'them'} on the Test Cases tab first. Nothing was changed.`,
  cycleGone: (cycleId: string) => `The test cycle ${cycleId} no longer exists in TestKase. Refresh the list of cycles.`,
  partlyAdded: (done: number, of: number, why: string) => `${done} of ${of} test cases were added before TestKase stopped: ${why} Add the others again; the ones already added are kept.`,
  notRecorded: (testCaseId: string, code: string) =>
    code === 'NOT_IN_CYCLE' ? `${testCaseId} is not in this cycle, so no result was recorded for it. Add it to the cycle first.` : `TestKase did not record a result for ${testCaseId}. Try it again on its own.`,
  /** The global page's check that the saved token is the caller's own (checkIdentity). */
  identity: {
    globalPageOnly: 'Checking whose TestKase token is saved works only on the TestKase page of the Jira Apps menu.',
    mismatch: (testkaseUser: { name: string; email: string | null }, jiraUser: { displayName: string | null; email: string | null }, sameName: boolean): StateMessage => {
      const owner = testkaseUser.name || testkaseUser.email || 'another TestKase user';
      const ownerWithEmail = testkaseUser.name && testkaseUser.email ? `${testkaseUser.name} (${testkaseUser.email})` : owner;
      // Two accounts with one name differ by their e-mails: then Jira's is named too.
      const you = jiraUser.displayName
        ? sameName && jiraUser.email ? `${jiraUser.displayName} (${jiraUser.email})` : jiraUser.displayName
        : (jiraUser.email ?? 'another Jira user');
      return {
        title: 'This TestKase token is not yours',
        text: `Your TestKase token belongs to ${ownerWithEmail}, but you are signed in to Jira as ${you}. Everything you do in TestKase through this app is recorded as ${owner}. Replace the token with your own.`,
      };
    },
  },
  /** getBugIssueType: Jira could not say (the dialog then opens on the project's default type). */
  bugTypeUnknown: 'Jira could not say which issue type is Bug in this project.',
  /** addDefect: the result is not one of the named test case's results in the cycle. */
  notResultOf: (executionId: string, testCaseId: string) =>
    `The result ${executionId} is not a result of ${testCaseId} in this test cycle, so the bug was not recorded on it. Refresh and try again. Nothing was changed.`,
  /** The Jira admin page. */
  admin: {
    notAdmin: 'Only Jira administrators can manage the TestKase connections of other users. Nothing was changed. Ask a Jira administrator if you need this done.',
    pageOnly: 'Managing TestKase connections works only on the TestKase page in Jira settings (Apps), which Jira administrators can open. Nothing was changed.',
    unverified: 'Jira could not confirm that you are a Jira administrator, so nothing was changed. Try again in a moment.',
    runGone: 'This check is no longer running (a check is kept for a day). Start a new check.',
  },
  /** savePat: nothing was stored, whatever went wrong. */
  tokenNotSaved: {
    rejected: 'TestKase rejected this token: it may be mistyped, revoked or expired. Your token was not saved and your previous settings are unchanged. Create a new token in TestKase (Settings → API Keys) and paste it here.',
    rateLimited: (seconds: number | undefined) => `${waitForRateLimit(seconds)} Your token was not saved and your previous settings are unchanged.`,
    unreachable: 'TestKase could not be reached to check this token. Your token was not saved and your previous settings are unchanged. Try again in a moment.',
    unconfirmed: `TestKase could not confirm this token. Your token was not saved and your previous settings are unchanged. ${TRY_AGAIN}`,
  },
} as const;

/** Where a sentence is read: the module (the settings page says "here" where the panel says where to go) and the project. */
export interface Where {
  module: ModuleKind;
  jiraProjectKey: string | null;
}

/** The state as the UI gets it: with what to tell the person when it is not READY. */
export function withMessage(state: ConnectionState, where: Where): ConfigState {
  return state.kind === 'READY' ? state : { ...state, message: stateMessage(state, where) };
}

/** What a person is told about a state that is not READY. */
export function stateMessage(state: Exclude<ConnectionState, { kind: 'READY' }>, { module, jiraProjectKey }: Where): StateMessage {
  const project = jiraProjectKey ?? 'This Jira project';
  if (state.kind === 'NO_CONFIG' && state.removedByAdmin) {
    return {
      title: 'A Jira admin removed your TestKase connection',
      text: `A Jira administrator removed the TestKase token you had saved, so TestKase is not connected for you. To reconnect, save a new Personal Access Token on the TestKase settings page (${SETTINGS_STEP}); ask your Jira admin if you are not sure why it was removed.`,
    };
  }
  if (state.kind === 'NO_CONFIG') {
    return {
      title: 'Connect TestKase to see test cases here',
      text: `Save your TestKase Personal Access Token on the TestKase settings page (${SETTINGS_STEP}). Each Jira user connects with their own token.`,
    };
  }
  switch (state.reason) {
    case 'TOKEN_REJECTED':
      return { title: 'TestKase rejected your token', text: module === 'GLOBAL_PAGE' ? sentences.tokenRejectedHere : sentences.tokenRejected };
    case 'PROJECT_NOT_MAPPED':
      return { title: 'This Jira project is not connected to TestKase', text: `${project} is not connected to a TestKase project. ${MAPPING_STEP}` };
    case 'MAPPING_LOST':
      return {
        title: 'The connection to TestKase was removed',
        text: `${project} was connected to a TestKase project, but that connection no longer exists. Ask a TestKase admin to connect it again in TestKase Settings → Jira Integration.`,
      };
    case 'NO_PROJECT_ACCESS':
      return {
        title: 'You are not a member of the TestKase project',
        text: `${project} is connected to a TestKase project your TestKase user cannot access. Ask a TestKase admin to add you to it.`,
      };
    case 'RATE_LIMITED':
      return { title: 'TestKase is busy', text: `${waitForRateLimit(state.retryAfterSeconds)} Nothing was lost.` };
    case 'TESTKASE_UNAVAILABLE':
      return { title: 'TestKase could not be reached', text: 'Nothing was lost. Try again in a moment.' };
  }
}
