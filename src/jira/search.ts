/**
 * Jira's enhanced issue search, as the signed-in user: POST /rest/api/3/search/jql (the older
 * /rest/api/3/search is deprecated) and its approximate count. Jira pages by an opaque nextPageToken
 * and gives no total; a page may hold fewer issues than asked for. Granular scopes: see manifest.yml.
 */
import { asUser, route } from '@forge/api';
import { z } from 'zod';
import { jiraJson } from './answer';
import { ISSUE_FIELDS, IssueBean, summaryOfIssue, type IssueSummary } from './issue-fields';

const SearchAnswer = z.object({
  issues: z.array(IssueBean).max(5_000),
  isLast: z.boolean().optional(),
  nextPageToken: z.string().min(1).max(4_000).nullable().optional(),
});

const CountAnswer = z.object({ count: z.number().int().nonnegative() });

/** Keys only: Jira's largest pages (up to 5,000 issues) come when nothing but id or key is asked for. */
const KeysAnswer = z.object({
  issues: z.array(z.object({ key: IssueBean.shape.key })).max(5_000),
  isLast: z.boolean().optional(),
  nextPageToken: z.string().min(1).max(4_000).nullable().optional(),
});

// Each call writes its options as an object literal with `method: 'POST'`: the Forge lint reads the method
// (and so the scopes it checks) only from a literal; a helper building the options hides the call from it.
const HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

export interface SearchPage {
  issues: IssueSummary[];
  /** Pass back for the next page; null after the last. */
  nextPageToken: string | null;
}

/** One page of a search (at most `maxResults` issues, maybe fewer). */
export async function searchIssues(jql: string, nextPageToken: string | null, maxResults: number): Promise<SearchPage> {
  const body = { jql, fields: [...ISSUE_FIELDS], maxResults, ...(nextPageToken ? { nextPageToken } : {}) };
  const answer = await jiraJson(asUser().requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) }), SearchAnswer, 'search/jql');
  // The last page may or may not carry a token: isLast decides, and no token means no next page.
  const next = answer.isLast === true || !answer.nextPageToken ? null : answer.nextPageToken;
  return { issues: answer.issues.map(summaryOfIssue), nextPageToken: next };
}

/** One page of a search's issue keys (at most `maxResults`, maybe fewer), in the query's order. */
export async function searchIssueKeys(jql: string, nextPageToken: string | null, maxResults: number): Promise<{ keys: string[]; nextPageToken: string | null }> {
  const body = { jql, fields: ['key'], maxResults, ...(nextPageToken ? { nextPageToken } : {}) };
  const answer = await jiraJson(asUser().requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) }), KeysAnswer, 'search/jql');
  const next = answer.isLast === true || !answer.nextPageToken ? null : answer.nextPageToken;
  return { keys: answer.issues.map((i) => i.key), nextPageToken: next };
}

/** About how many issues a query finds (Jira says "estimated"). */
export async function approximateCount(jql: string): Promise<number> {
  const count = asUser().requestJira(route`/rest/api/3/search/approximate-count`, { method: 'POST', headers: HEADERS, body: JSON.stringify({ jql }) });
  return (await jiraJson(count, CountAnswer, 'search/approximate-count')).count;
}
