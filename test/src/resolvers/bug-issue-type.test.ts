/**
 * getBugIssueType through the real handler: the panel's project (from the Forge context) asked of the
 * local Jira site's createmeta as the user, the type named Bug (any case) or null, cached per user and
 * project for a few minutes, never cached when Jira fails, and only in the issue panel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { backendForFile, expectOk } from '../../support/backend';

const b = backendForFile();
afterEach(() => {
  b().jiraOverride = undefined;
  b().advance(3_600_000); // past every cache entry of the previous test
});

const createmetaCalls = () => b().jiraCalls.filter((c) => c.includes('/issue/createmeta/'));
const types = (...names: string[]) => names.map((name, i) => ({ id: String(20_000 + i), name, subtask: false }));

describe('getBugIssueType', () => {
  it('answers the id of the project’s Bug type, asked as the user, then from the cache for 5 minutes', async () => {
    b().jiraCalls.length = 0;
    expect(expectOk(await b().call('local-alice', 'getBugIssueType'))).toEqual({ issueTypeId: '10001' });
    expect(createmetaCalls()).toEqual(['GET /rest/api/3/issue/createmeta/DEMO/issuetypes?startAt=0&maxResults=50 as local-alice']);
    expect(expectOk(await b().call('local-alice', 'getBugIssueType'))).toEqual({ issueTypeId: '10001' });
    expect(createmetaCalls()).toHaveLength(1);
    // Per user: Bob's permissions may offer other types.
    expectOk(await b().call('local-bob', 'getBugIssueType'));
    expect(createmetaCalls()).toHaveLength(2);
    b().advance(301_000);
    expectOk(await b().call('local-alice', 'getBugIssueType'));
    expect(createmetaCalls()).toHaveLength(3);
  });

  it('finds "Bug" in any case, skips a sub-task of that name, and answers null when there is none', async () => {
    b().jiraOverride = (path) => (path.includes('/createmeta/DEMO/') ? { status: 200, body: { issueTypes: [...types('Task', 'Story'), { id: '30000', name: 'Bug', subtask: true }, ...types('BUG')].map((t, i) => ({ ...t, id: t.id === '30000' ? t.id : String(i) })), total: 4 } } : undefined);
    expect(expectOk(await b().call('local-alice', 'getBugIssueType'))).toEqual({ issueTypeId: '3' });
    b().advance(301_000);
    b().jiraOverride = (path) => (path.includes('/createmeta/') ? { status: 200, body: { issueTypes: types('Task', 'Story'), total: 2 } } : undefined);
    expect(expectOk(await b().call('local-alice', 'getBugIssueType'))).toEqual({ issueTypeId: null });
  });

  it('reads every page Jira offers', async () => {
    const all = types(...Array.from({ length: 60 }, (_, i) => (i === 55 ? 'Bug' : `Type ${i}`)));
    b().jiraOverride = (path) => {
      if (!path.includes('/createmeta/')) return undefined;
      const startAt = Number(new URL(path, 'http://x').searchParams.get('startAt'));
      return { status: 200, body: { issueTypes: all.slice(startAt, startAt + 50), startAt, maxResults: 50, total: all.length } };
    };
    b().jiraCalls.length = 0;
    expect(expectOk(await b().call('local-alice', 'getBugIssueType'))).toEqual({ issueTypeId: all[55]!.id });
    expect(createmetaCalls()).toHaveLength(2);
  });

  it('says UNAVAILABLE when Jira fails, and asks again next time', async () => {
    b().jiraOverride = (path) => (path.includes('/createmeta/') ? { status: 503, body: {} } : undefined);
    expect(await b().call('local-alice', 'getBugIssueType')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    b().jiraOverride = undefined;
    expect(expectOk(await b().call('local-alice', 'getBugIssueType'))).toEqual({ issueTypeId: '10001' });
  });

  it('answers in the issue panel only, for the project of the Forge context; a payload cannot name one', async () => {
    b().jiraCalls.length = 0;
    expect(await b().call('local-alice', 'getBugIssueType', undefined, 'global')).toMatchObject({ ok: false, error: { code: 'WRONG_MODULE' } });
    expect(await b().call('local-alice', 'getBugIssueType', undefined, { issue: 'DEMO-1', module: 'issueContext' })).toMatchObject({ ok: false, error: { code: 'WRONG_MODULE' } });
    expect(await b().call('local-alice', 'getBugIssueType', { projectKey: 'OTHER' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(b().jiraCalls).toEqual([]);
    expectOk(await b().call('local-alice', 'getBugIssueType', undefined, { issue: 'OTHER-1' }));
    expect(createmetaCalls()).toEqual(['GET /rest/api/3/issue/createmeta/OTHER/issuetypes?startAt=0&maxResults=50 as local-alice']);
  });
});
