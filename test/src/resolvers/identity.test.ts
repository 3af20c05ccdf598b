/**
 * checkIdentity through the real handler: the saved token's TestKase user (the simulator's) against
 * who Jira says the caller is (the local Jira site's /myself, as the caller). A match, a mismatch by
 * e-mail or by name, nothing when Jira cannot be asked, and the global page only — the panel's
 * getState never asks Jira.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backendForFile, expectOk } from '../../support/backend';

const b = backendForFile();
afterEach(() => {
  b().jiraOverride = undefined;
  vi.restoreAllMocks();
});

const save = async (account: string, user: 'alice' | 'bob' | 'gina') => {
  const token = await b().token(user);
  expectOk(await b().call(account, 'savePat', { token }, 'global'));
  return token;
};
const check = (account: string) => b().call(account, 'checkIdentity', undefined, 'global');

describe('checkIdentity', () => {
  it('matches a Jira user with their own token, by e-mail', async () => {
    await save('local-alice', 'alice');
    expect(expectOk(await check('local-alice'))).toEqual({ kind: 'MATCH', by: 'EMAIL' });
    expect(b().jiraCalls.at(-1)).toBe('GET /rest/api/3/myself as local-alice');
  });

  it('warns, naming both, when Alice saves Bob’s token', async () => {
    await save('local-alice', 'bob');
    expect(expectOk(await check('local-alice'))).toEqual({
      kind: 'MISMATCH',
      by: 'EMAIL',
      testkaseUser: { name: 'Bob Nguyen', email: 'bob@acme.example' },
      jiraUser: { displayName: 'Alice Martin' },
      message: {
        title: 'This TestKase token is not yours',
        text: 'Your TestKase token belongs to Bob Nguyen (bob@acme.example), but you are signed in to Jira as Alice Martin. Everything you do in TestKase through this app is recorded as Bob Nguyen. Replace the token with your own.',
      },
    });
  });

  it('compares names when Jira hides the e-mail (Gina), and e-mails without case', async () => {
    await save('local-gina', 'gina');
    expect(expectOk(await check('local-gina'))).toEqual({ kind: 'MATCH', by: 'NAME' });
    await save('local-gina', 'bob');
    expect(expectOk(await check('local-gina'))).toMatchObject({ kind: 'MISMATCH', by: 'NAME', jiraUser: { displayName: 'Gina Rossi' } });

    b().jiraUsers.push({ name: 'alice', accountId: 'acc-alice-work', displayName: 'A. Martin', timezone: 'UTC', testkaseRole: 'none', jiraAdmin: false, emailAddress: 'Alice@ACME.example' });
    await save('acc-alice-work', 'alice');
    expect(expectOk(await check('acc-alice-work'))).toEqual({ kind: 'MATCH', by: 'EMAIL' });
  });

  it('names Jira’s e-mail too when the two people share a name', async () => {
    b().jiraUsers.push({ name: 'bob', accountId: 'acc-other-bob', displayName: 'Bob Nguyen', timezone: 'UTC', testkaseRole: 'none', jiraAdmin: false, emailAddress: 'bob.nguyen@other.example' });
    await save('acc-other-bob', 'bob');
    const r = expectOk(await check('acc-other-bob'));
    expect(r.kind === 'MISMATCH' && r.message.text).toMatch(/^Your TestKase token belongs to Bob Nguyen \(bob@acme\.example\), but you are signed in to Jira as Bob Nguyen \(bob\.nguyen@other\.example\)\./);
  });

  it('shows nothing when Jira cannot be asked, and logs it without the token', async () => {
    const token = await save('local-bob', 'alice');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const failure of [{ status: 500, body: {} }, { status: 401, body: {} }, { status: 200, body: { nope: true } }]) {
      b().jiraOverride = (path) => (path.startsWith('/rest/api/3/myself') ? failure : undefined);
      expect(expectOk(await check('local-bob'))).toEqual({ kind: 'UNKNOWN' });
    }
    const logged = warn.mock.calls.flat().map(String).join('\n');
    expect(logged).toMatch(/Jira could not say who the caller is/);
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(token.replace(/^tk_pat_/, ''));
  });

  it('is UNKNOWN without a token', async () => {
    expect(expectOk(await check('local-diana'))).toEqual({ kind: 'UNKNOWN' });
  });

  it('answers on the global page only; the panel’s getState makes no Jira call', async () => {
    await save('local-bob', 'bob');
    b().jiraCalls.length = 0;
    expect(await b().call('local-bob', 'checkIdentity')).toMatchObject({ ok: false, error: { code: 'WRONG_MODULE' } });
    expect(await b().call('local-bob', 'checkIdentity', undefined, 'admin')).toMatchObject({ ok: false, error: { code: 'WRONG_MODULE' } });
    expectOk(await b().call('local-bob', 'getState'));
    expectOk(await b().call('local-bob', 'getState', undefined, 'global'));
    expect(b().jiraCalls).toEqual([]);
  });
});
