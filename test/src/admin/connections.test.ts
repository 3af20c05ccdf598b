/**
 * The Jira admin page's work, through the real handler as the local Jira admin (diana): the listing
 * (who, which token by preview, states, sort, filter, counts, pages), removing a user's connection
 * (their token and records gone, the audit log, what the user is told, reconnecting), and the audit
 * log. "Check all" has its own file (check-all.test.ts).
 */
import { kvs } from '@forge/kvs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdminConnectionsPage, AppState, ListConnectionsPayload } from '../../../src/shared/definitions';
import { keys, userPrefix } from '../../../src/storage/keys';
import { tokenPreview } from '../../../src/testkase/token';
import { JIRA_SITE, expectOk, startBackend, type Backend } from '../../support/backend';

let b: Backend;
const ADMIN = 'local-diana';
const minted = new Map<string, string>();

/** Each local user saves a token of their TestKase user, as they would on the global page. */
async function connect(accountId: string, testkaseUser: 'alice' | 'bob' | 'gina' | 'nora', days = 90): Promise<string> {
  const token = await b.token(testkaseUser, days);
  minted.set(accountId, token);
  expectOk(await b.call(accountId, 'savePat', { token }, 'global'));
  return token;
}
const list = async (query: ListConnectionsPayload = {}): Promise<AdminConnectionsPage> => expectOk(await b.call(ADMIN, 'adminListConnections', query, 'admin'));
const stateOf = async (accountId: string, where: 'global' | { issue: string } = { issue: 'DEMO-1' }): Promise<AppState> => expectOk(await b.call(accountId, 'getState', undefined, where));

beforeAll(async () => {
  b = await startBackend();
});
afterAll(async () => {
  await b.stop();
});

describe('the connection listing', () => {
  beforeAll(async () => {
    await connect('local-alice', 'alice');
    await connect('local-bob', 'bob');
  });

  it('lists every stored connection with the Jira user from Jira, the TestKase user and the token by preview, never the token', async () => {
    const page = await list();
    expect(page).toMatchObject({ counts: { ALL: 2, WORKING: 2, REJECTED: 0, EXPIRED: 0, NOT_CHECKED: 0, EXPIRING_SOON: 0 }, matched: 2, page: 1, pageSize: 25, usersKnown: true });
    expect(page.rows.map((r) => r.accountId)).toEqual(['local-alice', 'local-bob']);
    const alice = page.rows[0]!;
    expect(alice).toMatchObject({
      jiraUser: { accountId: 'local-alice', displayName: 'Alice Martin', avatarUrl: `${JIRA_SITE}/__host/avatars/alice.svg?size=48`, active: true },
      testkaseUser: { id: 'alice', name: 'Alice Martin', email: 'alice@acme.example' },
      tokenName: 'Jira Plugin',
      preview: tokenPreview(minted.get('local-alice')!),
      health: 'WORKING',
      expiringSoon: false,
    });
    expect(Date.parse(alice.savedAt)).toBeGreaterThan(0);
    expect(alice.lastValidatedAt).toBe(alice.savedAt);
    expect(alice.lastUsedAt).toBe(alice.savedAt); // saving is using it
    expect(Date.parse(alice.expiresAt!)).toBeGreaterThan(Date.now() + 80 * 86_400_000);
    const json = JSON.stringify(page);
    for (const token of minted.values()) {
      expect(json).not.toContain(token);
      expect(json).not.toContain(token.slice(7));
    }
    // Jira was asked who the page's accounts are, once, as the admin.
    expect(b.jiraCalls.filter((c) => c.includes('/user/bulk')).at(-1)).toBe(`GET /rest/api/3/user/bulk?maxResults=2&accountId=local-alice&accountId=local-bob as ${ADMIN}`);
  });

  it('filters by state and by text (TestKase name or email, token name or preview, account id), counting over everything', async () => {
    expect((await list({ text: 'bob@acme' })).rows.map((r) => r.accountId)).toEqual(['local-bob']);
    expect((await list({ text: '  NGUYEN ' })).rows.map((r) => r.accountId)).toEqual(['local-bob']);
    expect((await list({ text: tokenPreview(minted.get('local-alice')!).slice(0, 11) })).rows.map((r) => r.accountId)).toEqual(['local-alice']);
    expect((await list({ text: 'local-' })).matched).toBe(2);
    const none = await list({ text: 'nobody' });
    expect(none).toMatchObject({ rows: [], matched: 0, counts: { ALL: 2 } });
    expect((await list({ health: 'REJECTED' })).matched).toBe(0);
    expect((await list({ health: 'WORKING' })).matched).toBe(2);
  });

  it('sorts either way by any column and pages without overlap; a page past the end shows the last page', async () => {
    expect((await list({ sort: 'testkaseUser', direction: 'desc' })).rows.map((r) => r.accountId)).toEqual(['local-bob', 'local-alice']);
    expect((await list({ sort: 'savedAt', direction: 'desc' })).rows.map((r) => r.accountId)).toEqual(['local-bob', 'local-alice']);
    const first = await list({ pageSize: 10, page: 1, sort: 'savedAt' });
    expect(first.rows.map((r) => r.accountId)).toEqual(['local-alice', 'local-bob']);
    const beyond = await list({ pageSize: 10, page: 7 });
    expect(beyond.page).toBe(1);
    expect(beyond.rows).toHaveLength(2);
  });

  it('shows an account Jira does not know without a name, and the list when Jira cannot say who anyone is', async () => {
    await connect('acc-left-the-company', 'gina');
    const page = await list({ text: 'left' });
    expect(page.rows[0]).toMatchObject({ accountId: 'acc-left-the-company', jiraUser: null, testkaseUser: { name: 'Gina Rossi' } });
    b.jiraOverride = (path) => (path.includes('/user/bulk') ? { status: 503, body: {} } : undefined);
    try {
      const blind = await list();
      expect(blind).toMatchObject({ usersKnown: false, matched: 3 });
      expect(blind.rows.every((r) => r.jiraUser === null)).toBe(true);
    } finally {
      b.jiraOverride = undefined;
    }
    await b.call('acc-left-the-company', 'deletePat', undefined, 'global');
  });

  it('says EXPIRED once the expiry has passed and warns from 14 days before, from what is stored', async () => {
    const entry = (await kvs.get<Record<string, unknown>>(keys.connection('local-bob')))!;
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString();
    await kvs.set(keys.connection('local-bob'), { ...entry, expiresAt: soon });
    expect((await list({ health: 'EXPIRING_SOON' })).rows.map((r) => [r.accountId, r.health, r.expiringSoon])).toEqual([['local-bob', 'WORKING', true]]);
    await kvs.set(keys.connection('local-bob'), { ...entry, expiresAt: new Date(Date.now() - 1000).toISOString() });
    const page = await list({ sort: 'health' });
    expect(page.counts).toMatchObject({ EXPIRED: 1, WORKING: 1, EXPIRING_SOON: 0 });
    expect(page.rows.map((r) => [r.accountId, r.health])).toEqual([['local-bob', 'EXPIRED'], ['local-alice', 'WORKING']]);
    await kvs.set(keys.connection('local-bob'), entry);
  });
});

describe('removing a user’s connection', () => {
  beforeEach(async () => {
    await connect('local-bob', 'bob');
    expectOk(await b.call('local-bob', 'getState')); // caches and records in the panel
  });

  it('deletes their token and every record of theirs, audits who removed whose connection, and refuses nobody else', async () => {
    const before = await list();
    const bobPrefix = userPrefix('local-bob');
    expect(b.kvs.keys('data').some((k) => k.startsWith(bobPrefix))).toBe(true);

    expect(expectOk(await b.call(ADMIN, 'adminRemoveConnection', { accountId: 'local-bob' }, 'admin'))).toEqual({ accountId: 'local-bob', removed: true });

    // The token is gone from the secret store (a record of the removal holds its place, nothing secret).
    const slot = await kvs.getSecret<Record<string, unknown>>(keys.secret('local-bob'));
    expect(slot).toEqual({ removedByAdmin: { at: expect.any(String), by: ADMIN } });
    expect(JSON.stringify(b.kvs.snapshot())).not.toContain(minted.get('local-bob')!.slice(7));
    expect(b.kvs.keys('data').filter((k) => k.startsWith(bobPrefix))).toEqual([]);
    expect(b.kvs.snapshot().data[keys.connection('local-bob')]).toBeUndefined();
    // Nobody else's connection changed.
    const after = await list();
    expect(after.counts.ALL).toBe(before.counts.ALL - 1);
    expect(after.rows.map((r) => r.accountId)).not.toContain('local-bob');
    expect((await stateOf('local-alice')).connection.kind).toBe('READY');

    const audit = expectOk(await b.call(ADMIN, 'adminAuditLog', {}, 'admin'));
    expect(audit.entries[0]).toMatchObject({
      action: 'REMOVE_CONNECTION',
      outcome: 'DONE',
      actor: { accountId: ADMIN, displayName: 'Diana Evans' },
      target: { accountId: 'local-bob', displayName: 'Bob Nguyen' },
      token: { preview: tokenPreview(minted.get('local-bob')!), tokenName: 'Jira Plugin' },
      check: null,
    });
  });

  it('tells the user on their next visit, in the panel and on the global page, until they save a token again', async () => {
    expectOk(await b.call(ADMIN, 'adminRemoveConnection', { accountId: 'local-bob' }, 'admin'));
    b.sim.admin.clearRequests();
    for (const where of [{ issue: 'DEMO-1' }, 'global'] as const) {
      const state = await stateOf('local-bob', where);
      expect(state.connection).toEqual({
        kind: 'NO_CONFIG',
        removedByAdmin: true,
        message: { title: 'A Jira admin removed your TestKase connection', text: expect.stringMatching(/A Jira administrator removed the TestKase token you had saved.*save a new Personal Access Token/) },
      });
      expect(state.token).toBeNull();
    }
    expect(b.sim.admin.requests()).toEqual([]); // the removed token is never used again
    // An operation of the panel is refused with the same sentence.
    const r = await b.call('local-bob', 'listCycles');
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_TOKEN', message: expect.stringMatching(/A Jira administrator removed/) } });

    await connect('local-bob', 'bob');
    const back = await stateOf('local-bob');
    expect(back.connection.kind).toBe('READY');
    expect((await list()).rows.map((r) => r.accountId)).toContain('local-bob');
    // Their own delete afterwards is a plain NO_CONFIG: the removal is forgotten.
    expectOk(await b.call('local-bob', 'deletePat', undefined, 'global'));
    expect((await stateOf('local-bob', 'global')).connection).toEqual({ kind: 'NO_CONFIG', message: expect.objectContaining({ title: 'Connect TestKase to see test cases here' }) });
  });

  it('changes nothing and says so for a user with nothing stored (twice, or never connected); both are audited', async () => {
    expectOk(await b.call(ADMIN, 'adminRemoveConnection', { accountId: 'local-bob' }, 'admin'));
    const slot = await kvs.getSecret(keys.secret('local-bob'));
    expect(expectOk(await b.call(ADMIN, 'adminRemoveConnection', { accountId: 'local-bob' }, 'admin'))).toEqual({ accountId: 'local-bob', removed: false });
    expect(expectOk(await b.call(ADMIN, 'adminRemoveConnection', { accountId: 'acc-never-here' }, 'admin'))).toEqual({ accountId: 'acc-never-here', removed: false });
    expect(await kvs.getSecret(keys.secret('local-bob'))).toEqual(slot);
    expect(await kvs.getSecret(keys.secret('acc-never-here'))).toBeUndefined();
    const audit = expectOk(await b.call(ADMIN, 'adminAuditLog', {}, 'admin'));
    expect(audit.entries.slice(0, 2).map((e) => [e.target?.accountId, e.outcome])).toEqual([
      ['acc-never-here', 'NOTHING_STORED'],
      ['local-bob', 'NOTHING_STORED'],
    ]);
  });

  it('is crash safe as a delete is: killed after the commit, the token is gone and the leftovers never show a token', async () => {
    // Forge storage fails every write after the one that replaced the secret.
    let committed = false;
    b.kvs.beforeWrite = (w) => {
      if (committed) throw new Error('simulated crash');
      if (w.space === 'secret') committed = true;
    };
    try {
      const r = await b.call(ADMIN, 'adminRemoveConnection', { accountId: 'local-bob' }, 'admin');
      expect(r.ok).toBe(false);
    } finally {
      b.kvs.beforeWrite = undefined;
    }
    expect(await kvs.getSecret(keys.secret('local-bob'))).toMatchObject({ removedByAdmin: expect.any(Object) });
    expect((await stateOf('local-bob')).connection).toMatchObject({ kind: 'NO_CONFIG', removedByAdmin: true });
    // The audit entry written first says it started; the admin's retry finishes and confirms.
    expect(expectOk(await b.call(ADMIN, 'adminAuditLog', {}, 'admin')).entries[0]).toMatchObject({ target: { accountId: 'local-bob' }, outcome: 'STARTED' });
    expectOk(await b.call(ADMIN, 'adminRemoveConnection', { accountId: 'local-bob' }, 'admin'));
    expect(b.kvs.snapshot().data[keys.connection('local-bob')]).toBeUndefined();
  });

  it('racing the user’s own save, ends as one of the two orders: removed, or connected with the new token', async () => {
    b.kvs.latencyMs = 15;
    try {
      for (let run = 0; run < 6; run++) {
        await connect('local-bob', 'bob');
        const next = await b.token('bob');
        const [removal, save] = await Promise.all([
          b.call(ADMIN, 'adminRemoveConnection', { accountId: 'local-bob' }, 'admin'),
          new Promise((r) => setTimeout(r, run * 12)).then(() => b.call('local-bob', 'savePat', { token: next }, 'global')),
        ]);
        expect(removal.ok && save.ok).toBe(true);
        const secret = await kvs.getSecret<{ token?: string; version?: string }>(keys.secret('local-bob'));
        const entry = b.kvs.snapshot().data[keys.connection('local-bob')] as { version?: string } | undefined;
        if (secret?.token) {
          expect(secret.token).toBe(next); // the old token never survives
          expect(entry?.version).toBe(secret.version);
        } else {
          expect(entry).toBeUndefined();
        }
      }
    } finally {
      b.kvs.latencyMs = 0;
    }
  });
});

describe('the audit log', () => {
  it('pages newest first with a cursor', async () => {
    for (let i = 0; i < 30; i++) expectOk(await b.call(ADMIN, 'adminRemoveConnection', { accountId: `acc-ghost-${i}` }, 'admin'));
    const first = expectOk(await b.call(ADMIN, 'adminAuditLog', {}, 'admin'));
    expect(first.entries).toHaveLength(25);
    expect(first.entries[0]!.target!.accountId).toBe('acc-ghost-29');
    expect(first.nextCursor).not.toBeNull();
    const second = expectOk(await b.call(ADMIN, 'adminAuditLog', { cursor: first.nextCursor }, 'admin'));
    expect(second.entries[0]!.target!.accountId).toBe('acc-ghost-4');
    const times = [...first.entries, ...second.entries].map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });
});
