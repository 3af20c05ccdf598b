/**
 * What the backend says: the connection states' messages, the errors, why a token was not saved, why
 * a payload was refused. The UIs show these as the backend sends them and never import this part.
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 */
import type { ModuleKind } from '../definitions';
import { words as base, plural } from './base';
import { adminBackendWords } from './admin-backend';

export const backendWords = {
  // ---------- the connection state (src/resolvers/state-messages.ts) ----------
  state: {
    removedByAdmin: {
      title: 'A Jira admin removed your TestKase connection',
      text: 'A Jira administrator removed the TestKase token you had saved, so TestKase is not connected for you. To reconnect, save a new Personal Access Token on the TestKase settings page (Open the TestKase page from the Jira Apps menu); ask your Jira admin if you are not sure why it was removed.',
    },
    noConfig: {
      title: 'Connect TestKase to see test cases here',
      text: 'Save your TestKase Personal Access Token on the TestKase settings page (Open the TestKase page from the Jira Apps menu). Each Jira user connects with their own token.',
    },
    tokenRejectedTitle: 'TestKase rejected your token',
    /** Where the next step is the settings page. */
    tokenRejected: 'TestKase rejected your Personal Access Token: it may have been revoked or have expired. Open the TestKase page from the Jira Apps menu and enter a new token.',
    /** The same, said on the TestKase settings page itself (the global page), where the token is replaced. */
    tokenRejectedHere: 'TestKase rejected your Personal Access Token: it may have been revoked or have expired. Create a new token in TestKase (Settings → API Keys) and replace the saved one here.',
    /** `project`: the Jira project's key, or null outside one. */
    notMapped: ({ project }: { project: string | null }) => ({
      title: 'This Jira project is not connected to TestKase',
      text: `${project ?? 'This Jira project'} is not connected to a TestKase project. Ask a TestKase admin to connect it in TestKase Settings → Jira Integration.`,
    }),
    mappingLost: ({ project }: { project: string | null }) => ({
      title: 'The connection to TestKase was removed',
      text: `${project ?? 'This Jira project'} was connected to a TestKase project, but that connection no longer exists. Ask a TestKase admin to connect it again in TestKase Settings → Jira Integration.`,
    }),
    noProjectAccess: ({ project }: { project: string | null }) => ({
      title: 'You are not a member of the TestKase project',
      text: `${project ?? 'This Jira project'} is connected to a TestKase project your TestKase user cannot access. Ask a TestKase admin to add you to it.`,
    }),
    rateLimited: ({ seconds }: { seconds: number | undefined }) => ({
      title: 'TestKase is busy',
      text: `TestKase is receiving too many requests for your token. Wait ${seconds ?? 'a few'} seconds and try again. Nothing was lost.`,
    }),
    unavailable: { title: 'TestKase could not be reached', text: 'Nothing was lost. Try again in a moment.' },
    /** TestKase was reached but did not answer within the time allowed (it is slow, not unreachable). */
    slow: { title: 'TestKase did not answer in time', text: 'TestKase is answering slowly right now. Nothing was lost. Try again in a moment.' },
  },

  // ---------- the backend's errors (src/resolvers/errors.ts and the resolvers) ----------
  errors: {
    /** A read: nothing could have changed. */
    unreachable: 'TestKase could not be reached. Try again in a moment.',
    /** A write TestKase answered with a server error: it did not make the change. */
    writeRefused: 'TestKase could not save this right now (it answered with an error), so nothing was changed. Try again in a moment.',
    /** A write whose answer never came: it may have been made. */
    writeTimedOut: 'TestKase did not answer in time, so the change may or may not have been saved. Use Refresh to check before trying again.',
    rateLimited: ({ seconds }: { seconds: number | undefined }) => `TestKase is receiving too many requests for your token. Wait ${seconds ?? 'a few'} seconds and try again.`,
    forbidden: 'Your TestKase role does not allow this (Guests can only view). Ask a TestKase project admin if you need more access.',
    notFound: 'TestKase could not find that item; it may have been deleted. Refresh and try again.',
    badResponse: 'TestKase answered in a way this app does not understand. Try again later; if it persists, tell your Jira admin.',
    rejectedInput: ({ detail }: { detail: string | undefined }) => `TestKase did not accept this${detail ? ` (${detail})` : ''}. Check the values and try again.`,
    internal: 'Something went wrong in TestKase for Jira. Try again; if it keeps happening, tell your Jira admin.',
    storage: 'Forge storage did not answer, so nothing was changed. Try again in a moment.',
    unknownFunction: 'This page asked TestKase for Jira for something it does not offer. Reload the page; if it keeps happening, tell your Jira admin.',
    noCaller: 'Jira did not say who is signed in or where the app is open. Reload the page and try again.',
    /** WRONG_MODULE: a function called from a module the function table does not list, by the first module it lists. */
    onlyIn: {
      ISSUE_PANEL: 'This works only in the TestKase panel of a Jira issue.',
      ISSUE_CONTEXT: 'This works only on a Jira issue.',
      GLOBAL_PAGE: 'This works only on the TestKase page of the Jira Apps menu.',
      ADMIN_PAGE: 'Managing TestKase connections works only on the TestKase page in Jira settings (Apps), which Jira administrators can open. Nothing was changed.',
      PROJECT_PAGE: 'Test coverage works only on the project page “Test coverage” and in its dashboard gadget. Nothing was changed.',
      DASHBOARD_GADGET: 'Choosing the project of a dashboard gadget works only in the gadget’s settings.',
    } satisfies Record<ModuleKind, string>,
    guestReadOnly: ({ project }: { project: string }) => `You have read-only (Guest) access to ${project} in TestKase, so you can view but not change it.`,
    /** Test cases named in a sentence: up to three, then how many more. */
    someIds: ({ ids }: { ids: readonly string[] }) => (ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`),
    notLinked: ({ named, count, issueKey }: { named: string; count: number; issueKey: string }) =>
      `${named} ${plural(count, 'is', 'are')} not linked to ${issueKey}, so this panel cannot run or add ${plural(count, 'it', 'them')}. Link ${plural(count, 'it', 'them')} on the Test Cases tab first. Nothing was changed.`,
    cycleGone: ({ cycleId }: { cycleId: string }) => `The test cycle ${cycleId} no longer exists in TestKase. Refresh the list of cycles.`,
    partlyAdded: ({ done, of, why }: { done: number; of: number; why: string }) =>
      `${done} of ${of} test cases were added before TestKase stopped: ${why} Add the others again; the ones already added are kept.`,
    notInCycle: ({ testCaseId }: { testCaseId: string }) => `${testCaseId} is not in this cycle, so no result was recorded for it. Add it to the cycle first.`,
    notRecorded: ({ testCaseId }: { testCaseId: string }) => `TestKase did not record a result for ${testCaseId}. Try it again on its own.`,
    /** getBugIssueType: Jira could not say (the dialog then opens on the project's default type). */
    bugTypeUnknown: 'Jira could not say which issue type is Bug in this project.',
    /** addDefect: the result is not one of the named test case's results in the cycle. */
    notResultOf: ({ executionId, testCaseId }: { executionId: string; testCaseId: string }) =>
      `The result ${executionId} is not a result of ${testCaseId} in this test cycle, so the bug was not recorded on it. Refresh and try again. Nothing was changed.`,
    notAdmin: 'Only Jira administrators can manage the TestKase connections of other users. Nothing was changed. Ask a Jira administrator if you need this done.',
    adminUnverified: 'Jira could not confirm that you are a Jira administrator, so nothing was changed. Try again in a moment.',
    checkRunGone: 'This check is no longer running (a check is kept for a day). Start a new check.',
    // ---------- the tester's workflow (issue 22) ----------
    /** A read TestKase did not answer in time: it is slow, not unreachable. */
    readTimedOut: 'TestKase did not answer in time (it is answering slowly right now). Nothing was changed. Try again in a moment.',
    /** A write never sent: the time for this call ran out first. */
    writeNotSent: 'There was no time left to send this to TestKase, so nothing was changed. Try again.',
    /** A new test case larger than TestKase accepts in one request. */
    caseTooLarge: ({ kb, maxKb }: { kb: number; maxKb: number }) =>
      `This test case is too large to send to TestKase (${kb} KB; TestKase accepts at most ${maxKb} KB at once). Shorten the steps or the description; nothing was created.`,
    /** Bulk outcomes, one sentence per group, naming its cases. */
    bulkNotInCycle: ({ ids }: { ids: string }) => `Not in this cycle, so not recorded: ${ids}. Add them to the cycle first.`,
    bulkRefused: ({ ids, why }: { ids: string; why: string }) => `TestKase did not record ${ids}: ${why}`,
    bulkUnknown: ({ ids }: { ids: string }) =>
      `TestKase did not answer in time about ${ids}: they may have been recorded. Record them again: a result TestKase already recorded is not recorded twice.`,
    bulkNoReason: 'TestKase gave no reason. Record them again on their own.',
    bulkNotSent: ({ ids }: { ids: string }) => `Not recorded (never sent to TestKase): ${ids}. Record them again.`,
    /** Test cases named in an outcome: up to ten, then how many more. */
    manyIds: ({ ids }: { ids: readonly string[] }) => (ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more`),
    // Forge's invoke limit (resolvers/answer-size.ts): an answer that is not a list and would be over it.
    answerTooLarge: 'This is more than Jira can pass to the app in one answer (5 MB), so it cannot be shown here. Nothing was changed. Open it in TestKase instead.',
    answerTooLargeAfterWrite: 'TestKase did this, but its answer is more than Jira can pass to the app (5 MB). Use Refresh to see the outcome; do not do it again.',
    /** getJiraIssues: Jira could not say what the issues are (the panel then lets the tester type or keep the key). */
    jiraIssuesUnknown: 'Jira could not say what these issues are right now. Try again in a moment.',
  },

  /** savePat: nothing was stored, whatever went wrong. */
  tokenNotSaved: {
    rejected: 'TestKase rejected this token: it may be mistyped, revoked or expired. Your token was not saved and your previous settings are unchanged. Create a new token in TestKase (Settings → API Keys) and paste it here.',
    rateLimited: ({ seconds }: { seconds: number | undefined }) =>
      `TestKase is receiving too many requests for your token. Wait ${seconds ?? 'a few'} seconds and try again. Your token was not saved and your previous settings are unchanged.`,
    unreachable: 'TestKase could not be reached to check this token. Your token was not saved and your previous settings are unchanged. Try again in a moment.',
    unconfirmed: 'TestKase could not confirm this token. Your token was not saved and your previous settings are unchanged. Try again; if it keeps happening, tell your Jira admin.',
  },

  /** A payload the schema refused (errors.ts), and the schemas' own reasons (payloads.ts, contract.ts). */
  invalid: {
    field: ({ field, why }: { field: string; why: string }) => `The ${field} is not valid: ${why}. Nothing was changed.`,
    request: ({ why }: { why: string }) => `The request is not valid: ${why}. Nothing was changed.`,
    notValid: 'it is not valid',
    required: 'it is required',
    mustBe: ({ type }: { type: string }) => (type === 'array' ? 'it must be a list' : `it must be a ${type}`),
    unknownKeys: ({ keys }: { keys: readonly string[] }) => `it has ${plural(keys.length, 'a field', 'fields')} this app does not accept (${keys.join(', ')})`,
    tooLongText: ({ max }: { max: number }) => `it is too long (at most ${max} characters)`,
    tooManyItems: ({ max }: { max: number }) => `it has too many items (at most ${max})`,
    tooLarge: ({ max }: { max: number }) => `it is too large (at most ${max})`,
    empty: 'it is empty',
    needsOne: 'it needs at least one item',
    tooSmall: ({ min }: { min: number }) => `it is too small (at least ${min})`,
    oneOf: ({ values }: { values: readonly string[] }) => `it must be one of ${values.join(', ')}`,
    format: 'it is not in the expected format',
    controlChars: 'control characters are not allowed',
    pasteToken: 'paste your token',
    tokenTooLong: 'a TestKase token is shorter than 512 characters',
    tokenChars: 'a TestKase token has only letters, digits, _ - and .',
    tokenTooShort: 'a TestKase token is longer than 20 characters',
    titleRequired: 'a title is required',
    nameRequired: 'a name is required',
    chooseTestCase: 'choose at least one test case',
    accountId: 'it is not a Jira account id',
    projectId: 'a TestKase project id looks like PRJ-1',
    testCaseId: 'a test case id looks like TC-1',
    cycleId: 'a test cycle id looks like TCYCLE-1',
    executionId: 'an execution id looks like EX-1',
    jiraProjectKey: 'a Jira project key looks like DEMO',
    jiraIssueKey: 'a Jira issue key looks like DEMO-1',
    stepActionRequired: 'every step needs an action',
    // A step-by-step result (payloads.ts, ExecutePayload; shared/steps.ts).
    stepOrdersRepeat: 'each step is recorded once (two results have the same step number)',
    passOverFailedSteps: 'a Pass where steps failed or were blocked needs the result chosen on purpose (override the steps’ result)',
    /** getJiraIssues: an issue id (digits) or key. */
    jiraIssueRef: 'a Jira issue is named by its key, like DEMO-1, or its id, like 10042',
  },

  /** checkIdentity's warning (global page): the saved token is another TestKase user's than the Jira user's. */
  identity: {
    mismatch: ({ testkaseUser, jiraUser, sameName }: { testkaseUser: { name: string; email: string | null }; jiraUser: { displayName: string | null; email: string | null }; sameName: boolean }) => {
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
};

export const words = { ...base, ...backendWords, ...adminBackendWords };
