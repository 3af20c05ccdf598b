/**
 * getBugIssueType: the id of the Bug issue type of the panel's project, for Jira's Create Issue dialog
 * ("Report bug"). The project comes from the trusted Forge context, never from the payload; Jira is
 * asked as the user (the types they may create), and the answer is cached per user and project for a
 * few minutes (storage/jira-cache.ts). A project without a type named Bug answers null: the dialog then
 * opens on the project's default type.
 */
import type { BugIssueType } from '../shared/definitions';
import { needsConsent } from '../jira/answer';
import { bugTypeOf, creatableIssueTypes } from '../jira/issue-types';
import { log } from '../log';
import { cachedBugIssueType, rememberBugIssueType } from '../storage/jira-cache';
import type { Implementation } from './envelope';
import { words } from '../shared/words/backend';
import { fail } from './errors';

const getBugIssueType: Implementation<'getBugIssueType'> = async (_input, caller): Promise<BugIssueType> => {
  const { accountId, jiraProjectKey } = caller;
  const cached = await cachedBugIssueType(accountId, jiraProjectKey);
  if (cached !== undefined) return { issueTypeId: cached };
  let issueTypeId: string | null;
  try {
    issueTypeId = bugTypeOf(await creatableIssueTypes(jiraProjectKey));
  } catch (e) {
    // Not even Forge's consent request interrupts Report bug: the dialog opens on the default type, and
    // the settings page is where Forge asks the person to allow the app to act as them.
    log.warn(needsConsent(e) ? 'the user has not allowed the app to ask Jira as them yet' : 'Jira could not list the project’s issue types', needsConsent(e) ? undefined : e);
    throw fail('UNAVAILABLE', words.errors.bugTypeUnknown);
  }
  await rememberBugIssueType(accountId, jiraProjectKey, issueTypeId);
  return { issueTypeId };
};

export const bugIssueTypeResolvers = { getBugIssueType };
