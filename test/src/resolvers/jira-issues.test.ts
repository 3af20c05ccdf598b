/**
 * getJiraIssues through the real handler: each id or key asked of the local Jira site as the user
 * (GET /rest/api/3/issue/{idOrKey} with only the fields the panel shows), what it is (summary, status,
 * type, whether it is a bug of the panel's project — from the Forge context), null for no such issue
 * and for one the user may not see, UNAVAILABLE when Jira fails, and only in the issue panel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { backendForFile, expectOk } from '../../support/backend';

const b = backendForFile();
afterEach(() => {
  b().jiraOverride = undefined;
});

const issueCalls = () => b().jiraCalls.filter((c) => /\/rest\/api\/3\/issue\/[^/]+\?/.test(c));

describe('getJiraIssues', () => {
  it('says what each issue is, as the user: a bug of this project, a story of another one, none', async () => {
    b().jiraCalls.length = 0;
    const r = expectOk(await b().call('local-alice', 'getJiraIssues', { refs: ['DEMO-3', 'OTHER-1', 'DEMO-99999'] }));
    expect(r.items).toEqual([
      {
        ref: 'DEMO-3',
        issue: { id: '10003', key: 'DEMO-3', summary: '[TC-2] Apply a percentage discount code fails', status: 'To Do', statusCategory: 'new', type: 'Bug', isBug: true, project: { key: 'DEMO', name: 'Demo Shop' }, inThisProject: true },
      },
      {
        ref: 'OTHER-1',
        issue: { id: '10101', key: 'OTHER-1', summary: 'Refresh the onboarding email copy', status: 'To Do', statusCategory: 'new', type: 'Task', isBug: false, project: { key: 'OTHER', name: 'Other Team' }, inThisProject: false },
      },
      { ref: 'DEMO-99999', issue: null },
    ]);
    expect(issueCalls()).toEqual([
      'GET /rest/api/3/issue/DEMO-3?fields=summary,status,issuetype,project as local-alice',
      'GET /rest/api/3/issue/OTHER-1?fields=summary,status,issuetype,project as local-alice',
      'GET /rest/api/3/issue/DEMO-99999?fields=summary,status,issuetype,project as local-alice',
    ]);
  });

  it('finds an issue by the id Jira’s Create Issue dialog answers, and "this project" is the Forge context’s', async () => {
    const r = expectOk(await b().call('local-bob', 'getJiraIssues', { refs: ['10003'] }, { issue: 'OTHER-1' }));
    expect(r.items[0]).toMatchObject({ ref: '10003', issue: { key: 'DEMO-3', inThisProject: false } });
  });

  it('answers null for an issue the user may not see, as for one that does not exist', async () => {
    expect(expectOk(await b().call('local-alice', 'getJiraIssues', { refs: ['SEC-1'] })).items).toEqual([{ ref: 'SEC-1', issue: null }]);
    expect(expectOk(await b().call('local-diana', 'getJiraIssues', { refs: ['SEC-1'] })).items[0]!.issue).toMatchObject({ key: 'SEC-1', type: 'Bug' });
  });

  it('says UNAVAILABLE with a sentence when Jira fails or answers something else than an issue', async () => {
    b().jiraOverride = (path) => (path.includes('/rest/api/3/issue/') ? { status: 503, body: {} } : undefined);
    expect(await b().call('local-alice', 'getJiraIssues', { refs: ['DEMO-3'] })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: 'Jira could not say what these issues are right now. Try again in a moment.' } });
    b().jiraOverride = (path) => (path.includes('/rest/api/3/issue/') ? { status: 200, body: { id: 'x', key: '<b>' } } : undefined);
    expect(await b().call('local-alice', 'getJiraIssues', { refs: ['DEMO-3'] })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('answers in the issue panel only, for 1 to 20 ids or keys', async () => {
    b().jiraCalls.length = 0;
    expect(await b().call('local-alice', 'getJiraIssues', { refs: ['DEMO-3'] }, 'global')).toMatchObject({ ok: false, error: { code: 'WRONG_MODULE' } });
    expect(await b().call('local-alice', 'getJiraIssues', { refs: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await b().call('local-alice', 'getJiraIssues', { refs: Array.from({ length: 21 }, (_, i) => `DEMO-${i + 1}`) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await b().call('local-alice', 'getJiraIssues', { refs: ['../myself'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(b().jiraCalls).toEqual([]);
  });
});
