/**
 * The issue types the signed-in user may create in a project, from
 * GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes called as the user (granular scopes:
 * see manifest.yml). Jira pages the answer; every page is read, up to a bound.
 */
import { asUser, route } from '@forge/api';
import { z } from 'zod';
import { jiraJson } from './answer';

const PAGE_SIZE = 50;
/** A project with more issue types than this is not a real one: stop rather than loop. */
const MAX_PAGES = 10;

const IssueTypesPage = z.object({
  issueTypes: z.array(z.object({ id: z.string().min(1).max(64), name: z.string().max(255), subtask: z.boolean().optional() })),
  startAt: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
});

export interface IssueTypeSummary {
  id: string;
  name: string;
  subtask: boolean;
}

export async function creatableIssueTypes(projectKey: string): Promise<IssueTypeSummary[]> {
  const found: IssueTypeSummary[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ startAt: String(page * PAGE_SIZE), maxResults: String(PAGE_SIZE) });
    const answer = await jiraJson(
      asUser().requestJira(route`/rest/api/3/issue/createmeta/${projectKey}/issuetypes?${query}`),
      IssueTypesPage,
      'createmeta issuetypes',
    );
    found.push(...answer.issueTypes.map((t) => ({ id: t.id, name: t.name, subtask: t.subtask ?? false })));
    const total = answer.total ?? found.length;
    if (answer.issueTypes.length === 0 || found.length >= total) break;
  }
  return found;
}

/** The type named "Bug" (any case, not a sub-task), or null when the project has none. */
export function bugTypeOf(types: readonly IssueTypeSummary[]): string | null {
  return types.find((t) => !t.subtask && t.name.trim().toLowerCase() === 'bug')?.id ?? null;
}
