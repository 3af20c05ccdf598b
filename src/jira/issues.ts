/**
 * What an issue is, as the signed-in user sees it in Jira: GET /rest/api/3/issue/{issueIdOrKey} called
 * as the user, with only the fields the panel shows (`fields=summary,status,issuetype,project`), for
 * two uses: the key of an issue Jira's Create Issue dialog created (its onClose names only the id), and
 * checking a bug key a tester typed (it exists, and whether it is a bug of this project). Jira answers
 * 404 both for an issue that does not exist and for one the user may not browse: to the app they are
 * the same, "no such issue". The scopes, and why this call: docs/jira-calls.md.
 */
import { asUser, route, type APIResponse } from '@forge/api';
import { z } from 'zod';
import type { JiraIssueInfo } from '../shared/definitions';
import { JIRA_ISSUE_ID, JIRA_ISSUE_KEY, JIRA_PROJECT_KEY } from '../shared/facts';
import { jiraJson } from './answer';

const Named = z.string().max(255);
const IssueAnswer = z.object({
  id: z.string().regex(JIRA_ISSUE_ID),
  key: z.string().regex(JIRA_ISSUE_KEY),
  fields: z.object({
    summary: z.string().max(1000).optional(),
    status: z.object({ name: Named, statusCategory: z.object({ key: z.string().max(32) }).optional() }).nullish(),
    issuetype: z.object({ name: Named, subtask: z.boolean().optional() }).nullish(),
    project: z.object({ id: z.string().max(32), key: z.string().regex(JIRA_PROJECT_KEY), name: Named.optional() }).nullish(),
  }),
});

/** What Jira says, before the resolver judges it (a bug? this project's?): the shared answer's facts, sub-task and project flat. */
export type JiraIssueFacts = Pick<JiraIssueInfo, 'id' | 'key' | 'summary' | 'status' | 'statusCategory' | 'type'> & {
  subtask: boolean;
  projectKey: string | null;
  projectName: string | null;
};

/** The issue, or null when Jira says there is none the user can see (404). Other failures throw (JiraFailure). */
export async function jiraIssue(idOrKey: string): Promise<JiraIssueFacts | null> {
  const pending = asUser().requestJira(route`/rest/api/3/issue/${idOrKey}?fields=summary,status,issuetype,project`);
  let response: APIResponse | undefined;
  try {
    response = await pending;
  } catch {
    // jiraJson below turns the same rejection into the typed failure (and lets Forge's consent request through).
  }
  if (response?.status === 404) return null;
  const issue = await jiraJson(response ? Promise.resolve(response) : pending, IssueAnswer, 'issue');
  const f = issue.fields;
  return {
    id: issue.id,
    key: issue.key,
    summary: f.summary ?? '',
    status: f.status?.name ?? null,
    statusCategory: f.status?.statusCategory?.key ?? null,
    type: f.issuetype?.name ?? null,
    subtask: f.issuetype?.subtask ?? false,
    projectKey: f.project?.key ?? null,
    projectName: f.project?.name ?? null,
  };
}
