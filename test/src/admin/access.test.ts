/**
 * Authorization of the Jira admin page's functions, through the real handler: only a Jira
 * administrator (Jira's ADMINISTER permission, asked as the caller) on the admin page gets anything;
 * everyone else gets a typed refusal (FORBIDDEN; WRONG_MODULE from another module), and nothing is
 * read, parsed or changed for them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CALLS, FUNCTION_KEYS, type CallFacts } from '../../../src/shared/calls';
import { words } from '../../../src/shared/words/backend';
import { backendForFile, expectOk } from '../../support/backend';

const b = backendForFile();
beforeEach(() => {
  b().jiraCalls.length = 0;
  b().jiraOverride = undefined;
});

const ADMIN = 'local-diana';
const NOT_ADMIN = 'local-bob';

/** A valid payload for each admin function: a refusal must not depend on the payload being wrong. */
const VALID: Record<string, unknown> = {
  adminListConnections: { sort: 'savedAt', direction: 'desc', page: 1, pageSize: 25 },
  adminRemoveConnection: { accountId: 'local-alice' },
  adminCheckAll: {},
  adminAuditLog: {},
};
const ADMIN_FUNCTIONS = FUNCTION_KEYS.filter((k) => (CALLS[k] as CallFacts).access === 'JIRA_ADMIN');

describe('the Jira admin functions', () => {
  it('are exactly the four of the admin page, each marked in the function table', () => {
    expect(ADMIN_FUNCTIONS.sort()).toEqual(['adminAuditLog', 'adminCheckAll', 'adminListConnections', 'adminRemoveConnection']);
  });

  it('refuse a user who is not a Jira administrator with a typed FORBIDDEN and change nothing (each function)', async () => {
    expectOk(await b().call('local-alice', 'savePat', { token: await b().token('alice') }, 'global'));
    const before = JSON.stringify(b().kvs.snapshot());
    for (const fn of ADMIN_FUNCTIONS) {
      b().jiraCalls.length = 0;
      const r = await b().call(NOT_ADMIN, fn, VALID[fn], 'admin');
      expect(r, fn).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: words.errors.notAdmin } });
      // Jira was asked, as the caller, whether they administer Jira — and nothing else.
      expect(b().jiraCalls, fn).toEqual([`GET /rest/api/3/mypermissions?permissions=ADMINISTER as ${NOT_ADMIN}`]);
      expect(JSON.stringify(b().kvs.snapshot()), fn).toBe(before);
    }
    expect(b().kvs.keys('secret')).toHaveLength(1); // alice's token is untouched
  });

  it('refuse before parsing: a non-admin learns nothing about what the payload should be', async () => {
    const r = await b().call(NOT_ADMIN, 'adminRemoveConnection', { accountId: 42, extra: '<script>' }, 'admin');
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuse even a Jira administrator outside the admin page (global page, issue panel), without asking Jira', async () => {
    for (const where of ['global', { issue: 'DEMO-1' }] as const) {
      for (const fn of ADMIN_FUNCTIONS) {
        const r = await b().call(ADMIN, fn, VALID[fn], where);
        expect(r, `${fn} from ${JSON.stringify(where)}`).toEqual({ ok: false, error: { code: 'WRONG_MODULE', message: words.errors.onlyIn.ADMIN_PAGE } });
      }
    }
    expect(b().jiraCalls).toEqual([]);
  });

  it('refuse a call without a platform account', async () => {
    const r = await b().call(undefined, 'adminListConnections', {}, 'admin');
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(b().jiraCalls).toEqual([]);
  });

  it('answer a Jira administrator on the admin page, after asking Jira as that administrator', async () => {
    const page = expectOk(await b().call(ADMIN, 'adminListConnections', {}, 'admin'));
    expect(page.counts.ALL).toBeGreaterThanOrEqual(0);
    expect(b().jiraCalls[0]).toBe(`GET /rest/api/3/mypermissions?permissions=ADMINISTER as ${ADMIN}`);
  });

  it('trust Jira, not the account id: a user made admin in Jira gets in, one demoted is refused at once', async () => {
    const carol = { name: 'alice' as const, accountId: 'acc-carol', displayName: 'Carol', timezone: 'UTC', testkaseRole: 'none', jiraAdmin: false };
    b().jiraUsers.push(carol);
    expect(await b().call(carol.accountId, 'adminAuditLog', {}, 'admin')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    carol.jiraAdmin = true;
    expectOk(await b().call(carol.accountId, 'adminAuditLog', {}, 'admin'));
    carol.jiraAdmin = false;
    expect(await b().call(carol.accountId, 'adminAuditLog', {}, 'admin')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuse when Jira refuses to say (401, 403), and say Jira could not confirm when it fails (5xx, garbage)', async () => {
    for (const status of [401, 403]) {
      b().jiraOverride = () => ({ status, body: { errorMessages: ['no'] } });
      expect(await b().call(ADMIN, 'adminListConnections', {}, 'admin')).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: words.errors.notAdmin } });
    }
    for (const answer of [{ status: 503, body: {} }, { status: 200, body: { permissions: { ADMINISTER: { havePermission: 'yes' } } } }, { status: 200, body: 'not json' }]) {
      b().jiraOverride = () => answer;
      expect(await b().call(ADMIN, 'adminListConnections', {}, 'admin')).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: words.errors.adminUnverified } });
    }
  });

  it('let Forge ask for consent when the user has not allowed the app to act as them in Jira', async () => {
    b().jiraOverride = () => ({ status: 401, body: {}, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
    await expect(b().call(ADMIN, 'adminListConnections', {}, 'admin')).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
  });

  it('leave the user functions alone: getState works on the admin page for the admin’s own connection', async () => {
    const state = expectOk(await b().call(ADMIN, 'getState', undefined, 'admin'));
    expect(state).toMatchObject({ module: 'ADMIN_PAGE', connection: { kind: 'NO_CONFIG' } });
    expect(b().jiraCalls).toEqual([]);
  });
});
