/**
 * getJiraIssues: what Jira says each named issue is, asked as the signed-in user (so only issues they
 * may see are found), for the panel's bugs: the key of the bug Jira's Create Issue dialog created (its
 * onClose names only the id), and a bug key a tester typed or links, shown with its summary, status,
 * type and project before it is recorded. "This project" is the trusted Forge context's, never the
 * payload's. Never called on load; at most LIMITS.defectsMax issues per call, asked in parallel.
 */
import type { JiraIssueInfo, JiraIssueLookup } from '../shared/definitions';
import { words } from '../shared/words/backend';
import { needsConsent } from '../jira/answer';
import { bugTypeOf } from '../jira/issue-types';
import { jiraIssue, type JiraIssueFacts } from '../jira/issues';
import { log } from '../log';
import type { Implementation } from './envelope';
import { fail } from './errors';

const getJiraIssues: Implementation<'getJiraIssues'> = async ({ refs }, caller): Promise<JiraIssueLookup> => {
  const asked = [...new Set(refs.map((r) => r.toUpperCase()))];
  let found: Array<JiraIssueFacts | null>;
  try {
    found = await Promise.all(asked.map((ref) => jiraIssue(ref)));
  } catch (e) {
    // As getBugIssueType: not even Forge's consent request interrupts the panel's bug flow (the tester
    // can still type the key); the settings page is where Forge asks the person to allow the app.
    log.warn(needsConsent(e) ? 'the user has not allowed the app to ask Jira as them yet' : 'Jira could not say what the issues are', needsConsent(e) ? undefined : e);
    throw fail('UNAVAILABLE', words.errors.jiraIssuesUnknown);
  }
  const byRef = new Map(asked.map((ref, i) => [ref, found[i] ?? null]));
  return { items: refs.map((ref) => ({ ref, issue: info(byRef.get(ref.toUpperCase()) ?? null, caller.jiraProjectKey) })) };
};

function info(issue: JiraIssueFacts | null, projectKey: string): JiraIssueInfo | null {
  if (!issue) return null;
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.summary,
    status: issue.status,
    statusCategory: issue.statusCategory,
    type: issue.type,
    isBug: bugTypeOf([{ id: issue.id, name: issue.type ?? '', subtask: issue.subtask }]) !== null,
    project: { key: issue.projectKey, name: issue.projectName },
    inThisProject: issue.projectKey === projectKey,
  };
}

export const jiraIssueResolvers = { getJiraIssues };
