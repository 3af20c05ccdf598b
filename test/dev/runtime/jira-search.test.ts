/**
 * The local Jira site's search and the coverage scopes (dev/runtime/jira-search.ts, jql.ts): the JQL
 * subset the app sends, refusals in Jira's 400 shape, enhanced-search paging by nextPageToken, bulk
 * fetch with issueErrors, versions, Scrum boards and sprints, and the scopes each operation needs.
 */
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../../dev/runtime/fixtures';
import { createJiraApi } from '../../../dev/runtime/jira-api';
import { LocalIssues } from '../../../dev/runtime/jira-issues';

const SITE = 'http://127.0.0.1:4000';
const issues = new LocalIssues();
const jira = createJiraApi({ scopes: readManifest().scopes, siteOrigin: () => SITE, issues });
const call = (method: string, path: string, body?: unknown, accountId = 'local-alice') =>
  jira({ accountId, target: { type: 'fpp', provider: 'user', remote: 'jira' }, method, path, body: body === undefined ? '' : JSON.stringify(body) });

interface SearchPage {
  issues: Array<{ key: string; fields: { summary?: string; status?: { name: string; statusCategory: { key: string } }; issuetype?: { name: string } } }>;
  isLast: boolean;
  nextPageToken?: string;
}
const search = async (jql: string, extra: Record<string, unknown> = {}) => call('POST', '/rest/api/3/search/jql', { jql, fields: ['summary', 'status', 'issuetype'], ...extra });
const keys = (page: unknown) => (page as SearchPage).issues.map((i) => i.key);

describe('the local Jira search (POST /rest/api/3/search/jql)', () => {
  it('finds release 3.8 by fix version id or name: about forty issues, with status categories', async () => {
    const byId = await search('project = DEMO AND fixVersion = 10010 ORDER BY key ASC', { maxResults: 100 });
    expect(byId.status).toBe(200);
    const page = byId.body as SearchPage;
    expect(page.isLast).toBe(true);
    expect(page.issues).toHaveLength(40);
    expect(keys(page).slice(0, 3)).toEqual(['DEMO-1', 'DEMO-2', 'DEMO-10']);
    expect(page.issues[0]!.fields).toMatchObject({ summary: expect.any(String), issuetype: { name: 'Story' }, status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } } });
    expect(keys((await search('project = "DEMO" and fixVersion = "3.8"', { maxResults: 100 })).body)).toEqual(keys(page));
  });

  it('finds a sprint’s and an epic’s issues, and the project’s epics', async () => {
    expect(keys((await search('project = DEMO AND sprint = 42', { maxResults: 100 })).body)).toEqual(['DEMO-1', 'DEMO-2', ...Array.from({ length: 15 }, (_, i) => `DEMO-${10 + i}`)]);
    expect(keys((await search('project = DEMO AND parent = DEMO-61')).body)).toEqual(['DEMO-2', 'DEMO-20', 'DEMO-21', 'DEMO-22', 'DEMO-23', 'DEMO-24', 'DEMO-25']);
    expect(keys((await search('project = DEMO AND issuetype = Epic ORDER BY key DESC')).body)).toEqual(['DEMO-62', 'DEMO-61', 'DEMO-60']);
    expect(keys((await search('project = DEMO AND fixVersion = 10011')).body)).toEqual([]);
  });

  it('pages like Jira: nextPageToken until isLast, at most 100 issues a page with fields, and no total', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await search('project = DEMO AND fixVersion = 10010', { maxResults: 15, ...(token ? { nextPageToken: token } : {}) });
      const page = r.body as SearchPage;
      expect(page).not.toHaveProperty('total');
      seen.push(...keys(page));
      token = page.isLast ? undefined : page.nextPageToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(40);
    const grown = new LocalIssues();
    const { version } = grown.grow({ projectKey: 'DEMO', versionName: 'Scale', count: 250, bugs: 0 });
    const big = createJiraApi({ scopes: readManifest().scopes, siteOrigin: () => SITE, issues: grown });
    const ask = (body: unknown) => big({ accountId: 'local-bob', target: { provider: 'user' }, method: 'POST', path: '/rest/api/3/search/jql', body: JSON.stringify(body) });
    expect(((await ask({ jql: `fixVersion = ${version.id}`, fields: ['summary'], maxResults: 1000 })).body as SearchPage).issues).toHaveLength(100);
    expect(((await ask({ jql: `fixVersion = ${version.id}`, fields: ['key'], maxResults: 1000 })).body as SearchPage).issues).toHaveLength(250);
  });

  it('refuses what it does not understand, unbounded queries, unknown values and foreign tokens with Jira’s 400 shape', async () => {
    for (const jql of ['project = DEMO OR fixVersion = 10010', 'assignee = currentUser()', 'project != DEMO', 'ORDER BY key', '', 'project = DEMO ORDER BY created']) {
      const r = await search(jql);
      expect(r.status, jql).toBe(400);
      expect(r.body, jql).toEqual({ errorMessages: [expect.any(String)], errors: {} });
    }
    expect(((await search('ORDER BY key')).body as { errorMessages: string[] }).errorMessages[0]).toMatch(/Unbounded JQL queries are not allowed/);
    expect(((await search('project = DEMO AND fixVersion = 99999')).body as { errorMessages: string[] }).errorMessages[0]).toBe("The value '99999' does not exist for the field 'fixVersion'.");
    expect(((await search('parent = DEMO-999')).body as { errorMessages: string[] }).errorMessages[0]).toBe("An issue with key 'DEMO-999' does not exist for field 'parent'.");
    const first = (await search('project = DEMO AND fixVersion = 10010', { maxResults: 5 })).body as SearchPage;
    expect((await search('project = DEMO AND sprint = 42', { nextPageToken: first.nextPageToken })).status).toBe(400);
  });

  it('counts approximately (approximate-count) and fetches by key in bulk, missing keys in issueErrors', async () => {
    expect(await call('POST', '/rest/api/3/search/approximate-count', { jql: 'project = DEMO AND fixVersion = 10010' })).toEqual({ status: 200, body: { count: 40 } });
    const bulk = await call('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['DEMO-52', 'DEMO-3', 'NOPE-9', 'DEMO-50'], fields: ['status', 'summary'] });
    expect(bulk.status).toBe(200);
    const body = bulk.body as { issues: Array<{ key: string; fields: { status: { statusCategory: { key: string } } } }>; issueErrors: Array<{ id: string }> };
    expect(body.issues.map((i) => [i.key, i.fields.status.statusCategory.key])).toEqual([['DEMO-3', 'new'], ['DEMO-50', 'new'], ['DEMO-52', 'done']]);
    expect(body.issueErrors).toEqual([{ id: 'NOPE-9', errorMessage: expect.any(String) }]);
    expect((await call('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => `DEMO-${i + 1}`) })).status).toBe(400);
  });

  it('lists a project’s versions, its Scrum boards and a board’s sprints; a Kanban board has none', async () => {
    const versions = await call('GET', '/rest/api/3/project/DEMO/versions');
    expect((versions.body as Array<{ id: string; name: string; released: boolean }>).map((v) => [v.id, v.name, v.released])).toEqual([['10009', '3.7', true], ['10010', '3.8', false], ['10011', '3.9', false]]);
    expect((await call('GET', '/rest/api/3/project/NOPE/versions')).status).toBe(404);
    const boards = await call('GET', '/rest/agile/1.0/board?projectKeyOrId=DEMO&type=scrum');
    expect(boards.body).toMatchObject({ isLast: true, values: [{ id: 1, type: 'scrum' }] });
    const sprints = await call('GET', '/rest/agile/1.0/board/1/sprint?maxResults=50');
    expect((sprints.body as { values: Array<{ id: number; state: string }> }).values.map((s) => [s.id, s.state])).toEqual([[41, 'closed'], [42, 'active'], [43, 'future']]);
    expect((await call('GET', '/rest/agile/1.0/board/2/sprint')).status).toBe(400);
  });

  it('refuses each of these operations to a manifest without their scopes, reading Jira’s and Jira Software’s specs', async () => {
    const bare = createJiraApi({ scopes: ['storage:app'], siteOrigin: () => SITE, issues });
    const ask = (method: string, path: string, body?: unknown) => bare({ accountId: 'local-alice', target: { provider: 'user' }, method, path, body: body === undefined ? '' : JSON.stringify(body) });
    for (const [method, path, body] of [
      ['POST', '/rest/api/3/search/jql', { jql: 'project = DEMO' }],
      ['POST', '/rest/api/3/search/approximate-count', { jql: 'project = DEMO' }],
      ['POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['DEMO-1'] }],
      ['GET', '/rest/api/3/project/DEMO/versions'],
      ['GET', '/rest/agile/1.0/board?projectKeyOrId=DEMO'],
      ['GET', '/rest/agile/1.0/board/1/sprint'],
    ] as const) {
      expect(await ask(method, path, body), path).toEqual({ status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } });
    }
    // The method matters: search/jql is not answered as a GET.
    expect((await call('GET', '/rest/api/3/search/jql?jql=project%3DDEMO')).status).toBe(404);
  });
});
