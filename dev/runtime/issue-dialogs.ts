/**
 * What Jira's own Create Issue and issue view dialogs need from the local site: the projects with
 * their issue types, an issue by key, and creating an issue as the signed-in person (so its Reporter
 * is them, never the app). The dialogs themselves are in host-dialogs.ts.
 */
import type { Context, Hono } from 'hono';
import { ISSUE_TYPES, PROJECTS, type JiraIssue, type JiraUser } from './fixtures';
import { json, jsonBody, type HostEnv } from './host-http';
import type { LocalIssues } from './jira-issues';
import type { LocalUsers } from './local-users';

export function registerIssueDialogs(app: Hono<HostEnv>, issues: LocalIssues, signedIn: (c: Context<HostEnv>) => JiraUser, users: LocalUsers, say: (line: string) => void): void {
  const view = (issue: JiraIssue) => viewOf(issue, users);
  app.get('/__host/create-meta', (c) =>
    json(200, { projects: PROJECTS.map((p) => ({ ...p, issueTypes: ISSUE_TYPES })), reporter: { accountId: signedIn(c).accountId, displayName: signedIn(c).displayName } }),
  );
  app.get('/__host/issues/:key', (c) => {
    // As Jira: an issue the signed-in person may not browse is one the dialog cannot show.
    const issue = issues.find(c.req.param('key'), signedIn(c));
    return issue ? json(200, view(issue)) : json(404, { error: `Issue ${c.req.param('key')} does not exist or you do not have permission to see it.` });
  });
  app.post('/__host/issues', async (c) => {
    const body = ((await jsonBody(c.req)) ?? {}) as Record<string, unknown>;
    const field = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
    const user = signedIn(c);
    const created = issues.create({ projectId: field('projectId'), issueTypeId: field('issueTypeId'), summary: field('summary'), description: field('description') }, user);
    if (typeof created === 'string') return json(400, { error: created });
    say(`[forge-local] ${user.displayName} created ${created.key} (${created.type}) in the Create Issue dialog`);
    return json(201, view(created));
  });
}

function viewOf(issue: JiraIssue, users: LocalUsers) {
  const reporter = issue.reporter ? users.byAccountId(issue.reporter) : undefined;
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.summary,
    type: issue.type,
    status: issue.status,
    project: { id: issue.project.id, key: issue.project.key, name: issue.project.name },
    reporter: reporter ? { accountId: reporter.accountId, displayName: reporter.displayName } : null,
    description: issue.description,
  };
}
