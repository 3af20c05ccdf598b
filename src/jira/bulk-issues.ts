/**
 * Issues by key, as the signed-in user: POST /rest/api/3/issue/bulkfetch (up to 100 a request). A key
 * Jira does not have, or does not show this user, comes back in `issueErrors` instead of failing the
 * request, which a JQL `key in (…)` would (400 for a key that does not exist). Granular scopes: see
 * manifest.yml.
 */
import { asUser, route } from '@forge/api';
import { z } from 'zod';
import { jiraJson } from './answer';
import { ISSUE_FIELDS, IssueBean, summaryOfIssue, type IssueSummary } from './issue-fields';

export const BULK_FETCH_MAX = 100;

const BulkAnswer = z.object({
  issues: z.array(IssueBean).max(BULK_FETCH_MAX),
  issueErrors: z.array(z.object({ id: z.string().max(300).optional() })).max(BULK_FETCH_MAX * 2).optional(),
});

/** The issues among `keys` (≤ 100) that Jira shows this user; the others are simply absent. */
export async function fetchIssues(keys: readonly string[]): Promise<IssueSummary[]> {
  if (keys.length === 0) return [];
  if (keys.length > BULK_FETCH_MAX) throw new RangeError(`bulkfetch takes at most ${BULK_FETCH_MAX} keys`);
  const body = JSON.stringify({ issueIdsOrKeys: keys, fields: [...ISSUE_FIELDS] });
  const answer = await jiraJson(
    asUser().requestJira(route`/rest/api/3/issue/bulkfetch`, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body }),
    BulkAnswer,
    'issue/bulkfetch',
  );
  return answer.issues.map(summaryOfIssue);
}
