/**
 * The local Jira site's REST API as the app's function reaches it (dev/runtime/jira-api.ts): answers
 * from the fixtures as the invocation's account, Jira's shapes, 404 naming an unknown path, and a
 * refusal when the manifest lacks the operation's scopes (read from the Forge lint's spec file).
 */
import { describe, expect, it } from 'vitest';
import { ISSUE_TYPES, USERS, readManifest } from '../../../dev/runtime/fixtures';
import { createJiraApi } from '../../../dev/runtime/jira-api';
import { LocalIssues } from '../../../dev/runtime/jira-issues';

const SITE = 'http://127.0.0.1:4000';
const lines: string[] = [];
const jira = createJiraApi({ scopes: readManifest().scopes, siteOrigin: () => SITE, log: (l) => lines.push(l) });
const asUser = (accountId: string, path: string, method = 'GET') => jira({ accountId, target: { type: 'fpp', provider: 'user', remote: 'jira' }, method, path, body: '' });

describe('the local Jira REST API', () => {
  it('says who the caller is (myself) and who other accounts are (user, user/bulk), with avatars from the site', async () => {
    const me = await asUser('local-bob', '/rest/api/3/myself');
    expect(me).toEqual({ status: 200, body: expect.objectContaining({ accountId: 'local-bob', displayName: 'Bob Nguyen', active: true, timeZone: 'America/New_York' }) });
    expect((me.body as { avatarUrls: Record<string, string> }).avatarUrls['48x48']).toBe(`${SITE}/__host/avatars/bob.svg?size=48`);
    expect((await asUser('local-bob', '/rest/api/3/user?accountId=local-gina')).body).toMatchObject({ displayName: 'Gina Rossi' });
    expect((await asUser('local-bob', '/rest/api/3/user?accountId=nobody')).status).toBe(404);
    const bulk = await asUser('local-diana', '/rest/api/3/user/bulk?maxResults=50&accountId=local-alice&accountId=nobody&accountId=local-diana');
    expect(bulk.status).toBe(200);
    expect(bulk.body).toMatchObject({ total: 2, isLast: true, values: [{ accountId: 'local-alice' }, { accountId: 'local-diana' }] });
    expect((await asUser('local-diana', '/rest/api/3/user/bulk')).status).toBe(400);
  });

  it('answers mypermissions for the caller: ADMINISTER only for the Jira admin', async () => {
    const ask = async (accountId: string) => (await asUser(accountId, '/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS')).body as { permissions: Record<string, { havePermission: boolean; type: string }> };
    expect((await ask('local-diana')).permissions.ADMINISTER).toMatchObject({ havePermission: true, type: 'GLOBAL' });
    for (const user of ['local-alice', 'local-bob', 'local-gina', 'somebody-else']) {
      const p = await ask(user);
      expect(p.permissions.ADMINISTER!.havePermission, user).toBe(false);
    }
    expect((await ask('local-bob')).permissions.BROWSE_PROJECTS!.havePermission).toBe(true);
    // As the app, nobody: asApp() has no Jira account here.
    const asApp = await jira({ accountId: 'local-diana', target: { type: 'fpp', provider: 'app', remote: 'jira' }, method: 'GET', path: '/rest/api/3/mypermissions?permissions=ADMINISTER', body: '' });
    expect((asApp.body as { permissions: Record<string, { havePermission: boolean }> }).permissions.ADMINISTER!.havePermission).toBe(false);
    expect((await asUser('local-diana', '/rest/api/3/mypermissions')).status).toBe(400);
    expect((await asUser('local-diana', '/rest/api/3/mypermissions?permissions=FLY')).status).toBe(400);
  });

  it('gives the e-mail the same person has in the TestKase simulator, unless the profile hides it', async () => {
    expect((await asUser('local-alice', '/rest/api/3/myself')).body).toMatchObject({ displayName: 'Alice Martin', emailAddress: 'alice@acme.example' });
    expect((await asUser('local-bob', '/rest/api/3/myself')).body).toMatchObject({ displayName: 'Bob Nguyen', emailAddress: 'bob@acme.example' });
    expect((await asUser('local-gina', '/rest/api/3/myself')).body).not.toHaveProperty('emailAddress');
  });

  it('lists a project’s issue types for creating issues, with the ids the Create Issue dialog uses, Bug among them', async () => {
    // The app's manifest holds createmeta's granular scope set.
    const r = await asUser('local-alice', '/rest/api/3/issue/createmeta/DEMO/issuetypes');
    expect(r.status).toBe(200);
    const issueTypes = (r.body as { issueTypes: Array<{ name: string; id: string }> }).issueTypes;
    expect(issueTypes.map((t) => [t.name, t.id])).toEqual(ISSUE_TYPES.map((t) => [t.name, t.id]));
    expect(issueTypes.find((t) => t.name === 'Bug')?.id).toBe('10001');
    expect((await asUser('local-alice', '/rest/api/3/issue/createmeta/10000/issuetypes')).status).toBe(200);
    expect((await asUser('local-alice', '/rest/api/3/issue/createmeta/NOPE/issuetypes')).status).toBe(404);
  });

  it('answers an issue by id or key (any case) with the fields asked for, in Jira’s shape; 404 for no such issue and for one the caller may not see', async () => {
    const issues = new LocalIssues();
    const withIssues = createJiraApi({ scopes: readManifest().scopes, siteOrigin: () => SITE, issues });
    const get = (accountId: string, path: string) => withIssues({ accountId, target: { type: 'fpp', provider: 'user', remote: 'jira' }, method: 'GET', path, body: '' });
    const r = await get('local-alice', '/rest/api/3/issue/demo-3?fields=summary,status,issuetype,project');
    expect(r).toEqual({
      status: 200,
      body: {
        expand: expect.any(String),
        id: '10003',
        self: `${SITE}/rest/api/3/issue/10003`,
        key: 'DEMO-3',
        fields: {
          summary: '[TC-2] Apply a percentage discount code fails',
          status: expect.objectContaining({ name: 'To Do', statusCategory: expect.objectContaining({ key: 'new', name: 'To Do' }) }),
          issuetype: expect.objectContaining({ id: '10001', name: 'Bug', subtask: false }),
          project: expect.objectContaining({ id: '10000', key: 'DEMO', name: 'Demo Shop' }),
        },
      },
    });
    // An issue created in the host's Create Issue dialog is found by the id the dialog answered.
    const created = issues.create({ projectId: '10000', issueTypeId: '10001', summary: 'New bug', description: '' }, USERS[0]!);
    if (typeof created === 'string') throw new Error(created);
    expect((await get('local-bob', `/rest/api/3/issue/${created.id}?fields=summary`)).body).toMatchObject({ key: created.key, fields: { summary: 'New bug' } });
    expect(Object.keys(((await get('local-bob', `/rest/api/3/issue/${created.id}?fields=summary`)).body as { fields: object }).fields)).toEqual(['summary']);
    const notFound = { status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } };
    expect(await get('local-alice', '/rest/api/3/issue/DEMO-99999?fields=summary')).toEqual(notFound);
    expect(await get('local-alice', '/rest/api/3/issue/SEC-1?fields=summary')).toEqual(notFound);
    expect((await get('local-diana', '/rest/api/3/issue/SEC-1?fields=summary')).status).toBe(200);
    // Without one of the granular scopes (and without read:jira-work), Jira refuses it.
    const partial = createJiraApi({ scopes: readManifest().scopes.filter((s) => s !== 'read:issue:jira'), siteOrigin: () => SITE, issues });
    expect((await partial({ accountId: 'local-alice', target: { type: 'fpp', provider: 'user', remote: 'jira' }, method: 'GET', path: '/rest/api/3/issue/DEMO-3', body: '' })).status).toBe(401);
  });

  it('refuses an operation the manifest has no scope for, as Jira does for a Forge app', async () => {
    // Without read:jira-work and without the whole granular set (one of its three scopes left out).
    const partial = createJiraApi({ scopes: readManifest().scopes.filter((s) => s !== 'read:avatar:jira'), siteOrigin: () => SITE, log: (l) => lines.push(l) });
    const r = await partial({ accountId: 'local-alice', target: { type: 'fpp', provider: 'user', remote: 'jira' }, method: 'GET', path: '/rest/api/3/issue/createmeta/DEMO/issuetypes', body: '' });
    expect(r).toEqual({ status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } });
    expect(lines.at(-1)).toMatch(/refused, manifest\.yml has none of the scope sets it needs \(read:jira-work or read:issue-meta:jira \+ read:avatar:jira \+ read:field-configuration:jira\)/);
    const noScopes = createJiraApi({ scopes: ['storage:app'], siteOrigin: () => SITE });
    expect((await noScopes({ accountId: 'local-diana', target: { provider: 'user' }, method: 'GET', path: '/rest/api/3/mypermissions?permissions=ADMINISTER', body: '' })).status).toBe(401);
  });

  it('answers an unknown path, or a write, with 404 naming it', async () => {
    const r = await asUser('local-alice', '/rest/api/3/issue/DEMO-1/transitions');
    expect(r).toEqual({ status: 404, body: { errorMessages: ['The local Jira site does not answer GET /rest/api/3/issue/DEMO-1/transitions (see dev/runtime/jira-api.ts).'], errors: {} } });
    expect((await asUser('local-alice', '/rest/api/3/issue/DEMO-1', 'PUT')).status).toBe(404);
    expect((await asUser('local-alice', '/rest/api/3/myself', 'PUT')).status).toBe(404);
  });
});
