import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tokenPreview } from '../../../src/testkase/token';
import { expectOk, startBackend, type Backend } from '../../support/backend';

/** A state that is not READY carries a heading and a sentence for the person. */
const STATE_MESSAGE = { title: expect.any(String), text: expect.any(String) };

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(async () => {
  await b.stop();
});

let n = 0;
let me: string;
beforeEach(() => {
  me = `acc-config-${++n}`;
  b.sim.admin.clearFaults();
});

const apiRequests = () => b.sim.admin.requests();

describe('getState / savePat / deletePat', () => {
  it('is NO_CONFIG for a new user, in the panel and on the global page', async () => {
    const panel = expectOk(await b.call(me, 'getState'));
    expect(panel).toMatchObject({ module: 'ISSUE_PANEL', issueKey: 'DEMO-1', jiraProjectKey: 'DEMO', connection: { kind: 'NO_CONFIG' }, token: null, linked: null });
    const page = expectOk(await b.call(me, 'getState', undefined, 'global'));
    expect(page).toMatchObject({ module: 'GLOBAL_PAGE', issueKey: null, connection: { kind: 'NO_CONFIG' } });
  });

  it('refuses a call without a platform accountId', async () => {
    const r = await b.call(undefined, 'getState');
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('rejects a badly formatted token without calling TestKase or storing anything', async () => {
    b.sim.admin.clearRequests();
    for (const token of ['', 'short', 'has spaces in it and is long enough', 'x'.repeat(600), 42, null]) {
      const r = await b.call(me, 'savePat', { token }, 'global');
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'token' } });
    }
    expect(apiRequests()).toHaveLength(0);
    expect(b.kvs.keys('secret')).toEqual([]);
  });

  it('does not store a token TestKase rejects', async () => {
    const r = await b.call(me, 'savePat', { token: 'tk_pat_' + 'A'.repeat(40) }, 'global');
    expect(r).toMatchObject({ ok: false, error: { code: 'TOKEN_REJECTED' } });
    if (!r.ok) expect(r.error.message).toMatch(/not saved/);
    expect(expectOk(await b.call(me, 'getState', undefined, 'global')).connection).toEqual({ kind: 'NO_CONFIG', message: STATE_MESSAGE });
  });

  it('saves a valid token, shows only its preview and owner, and becomes READY', async () => {
    const token = await b.token('alice');
    const before = new Set(b.kvs.keys('secret'));
    const state = expectOk(await b.call(me, 'savePat', { token: `  ${token}\n` }, 'global'));
    expect(state.connection).toEqual({ kind: 'READY', project: null, canWrite: false });
    expect(state.token).toMatchObject({ preview: `${token.slice(0, 11)}…`, tokenName: 'Jira Plugin', testkaseUser: { id: expect.any(String), name: expect.stringContaining('Alice') } });
    expect(state.token!.expiresAt).not.toBeNull();
    expect(JSON.stringify(state)).not.toContain(token);
    // Stored as a secret, under a key that is not the accountId itself.
    const added = b.kvs.keys('secret').filter((k) => !before.has(k));
    expect(added).toHaveLength(1);
    expect(added[0]).not.toContain(me);
    expect(JSON.stringify(b.kvs.snapshot().data)).not.toContain(token);
  });

  it('renders READY in the panel with the linked test cases in the same call', async () => {
    expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
    const state = expectOk(await b.call(me, 'getState'));
    expect(state.connection).toEqual({ kind: 'READY', project: { id: 'PRJ-1', name: expect.any(String), role: 'PROJECT_ADMIN' }, canWrite: true });
    const linked = expectOk(state.linked!);
    expect(linked.total).toBe(linked.items.length);
    expect(linked.items.length).toBeGreaterThan(0);
    for (const t of linked.items) expect(expectOk(await b.call(me, 'getTestCase', { testCaseId: t.id })).jiraIssueKeys).toContain('DEMO-1');
    const counted = Object.values(linked.counts).reduce((a, c) => a + c, 0);
    expect(counted).toBe(linked.total);
  });

  it('does not re-validate the token or re-read the mapping on a warm render', async () => {
    expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
    expectOk(await b.call(me, 'getState')); // cold: mapping lookup
    b.sim.admin.clearRequests();
    expectOk(await b.call(me, 'getState'));
    expect(apiRequests().map((r) => r.route)).toEqual(['testCases']);
  });

  it('says PROJECT_NOT_MAPPED for a Jira project without a TestKase mapping', async () => {
    expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
    const state = expectOk(await b.call(me, 'getState', undefined, { issue: 'OTHER-1' }));
    expect(state.connection).toEqual({ kind: 'PAT_SAVED', reason: 'PROJECT_NOT_MAPPED', message: STATE_MESSAGE });
    expect(state.linked).toBeNull();
  });

  it('says MAPPING_LOST when a mapping this user saw is removed, and recovers when it is restored', async () => {
    expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
    expect(expectOk(await b.call(me, 'getState')).connection.kind).toBe('READY');
    b.sim.admin.removeMapping('DEMO');
    try {
      b.advance(3 * 60_000); // past the mapping cache
      expect(expectOk(await b.call(me, 'getState')).connection).toEqual({ kind: 'PAT_SAVED', reason: 'MAPPING_LOST', message: STATE_MESSAGE });
    } finally {
      b.sim.admin.addMapping('DEMO', 'PRJ-1');
    }
    expect(expectOk(await b.call(me, 'getState')).connection.kind).toBe('READY');
  });

  it('says NO_PROJECT_ACCESS when the mapped project is not one of the user’s', async () => {
    expectOk(await b.call(me, 'savePat', { token: await b.token('nora') }, 'global'));
    expect(expectOk(await b.call(me, 'getState')).connection).toEqual({ kind: 'PAT_SAVED', reason: 'NO_PROJECT_ACCESS', message: STATE_MESSAGE });
  });

  it('shows TOKEN_REJECTED on the first render after the token is revoked, even while validation is cached', async () => {
    const minted = b.sim.admin.createToken({ user: 'bob', name: 'Jira Plugin', days: 30 });
    expectOk(await b.call(me, 'savePat', { token: minted.token }, 'global'));
    expect(expectOk(await b.call(me, 'getState')).connection.kind).toBe('READY');
    b.sim.admin.revokeToken(minted.id);
    const state = expectOk(await b.call(me, 'getState'));
    expect(state.connection).toEqual({ kind: 'PAT_SAVED', reason: 'TOKEN_REJECTED', message: STATE_MESSAGE });
    expect(state.token?.preview).toBe(tokenPreview(minted.token)); // the saved configuration is untouched
  });

  it('says where to replace a rejected token: the panel sends the person to the settings page, the settings page says here', async () => {
    const minted = b.sim.admin.createToken({ user: 'bob', name: 'Jira Plugin', days: 30 });
    expectOk(await b.call(me, 'savePat', { token: minted.token }, 'global'));
    b.sim.admin.revokeToken(minted.id);
    const panel = expectOk(await b.call(me, 'getState')).connection;
    const page = expectOk(await b.call(me, 'getState', undefined, 'global')).connection;
    if (panel.kind !== 'PAT_SAVED' || page.kind !== 'PAT_SAVED') throw new Error('expected PAT_SAVED in both modules');
    expect(panel.message.text).toMatch(/Open the TestKase page from the Jira Apps menu and enter a new token\.$/);
    expect(page.message.text).toBe(
      'TestKase rejected your Personal Access Token: it may have been revoked or have expired. Create a new token in TestKase (Settings → API Keys) and replace the saved one here.',
    );
    expect(page.message.text).not.toMatch(/Jira Apps menu/);
    // An operation of the panel says the panel's sentence.
    expect(await b.call(me, 'listCycles', {})).toMatchObject({ ok: false, error: { code: 'TOKEN_REJECTED', message: panel.message.text } });
  });

  it('keeps the previous token when a replacement is rejected or TestKase is down', async () => {
    const first = await b.token('alice');
    const saved = expectOk(await b.call(me, 'savePat', { token: first }, 'global'));
    const rejected = await b.call(me, 'savePat', { token: 'tk_pat_' + 'Z'.repeat(40) }, 'global');
    expect(rejected).toMatchObject({ ok: false, error: { code: 'TOKEN_REJECTED' } });
    b.sim.admin.addFault({ route: 'whoAmI', status: 503 });
    const down = await b.call(me, 'savePat', { token: await b.token('bob') }, 'global');
    expect(down).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    b.sim.admin.clearFaults();
    const after = expectOk(await b.call(me, 'getState', undefined, 'global'));
    expect(after.token?.preview).toBe(saved.token?.preview);
    expect(after.connection.kind).toBe('READY');
  });

  it('replaces a token: the new one is used at once and the old secret is gone', async () => {
    expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
    expect(expectOk(await b.call(me, 'getState')).connection).toMatchObject({ project: { role: 'PROJECT_ADMIN' } });
    const secretsBefore = b.kvs.keys('secret').length;
    expectOk(await b.call(me, 'savePat', { token: await b.token('gina') }, 'global'));
    expect(b.kvs.keys('secret').length).toBe(secretsBefore);
    expect(expectOk(await b.call(me, 'getState')).connection).toEqual({ kind: 'READY', project: expect.objectContaining({ role: 'GUEST' }), canWrite: false });
  });

  it('deletes every record of the user and nobody else’s', async () => {
    const other = `${me}-other`;
    expectOk(await b.call(other, 'savePat', { token: await b.token('bob') }, 'global'));
    expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
    expectOk(await b.call(me, 'getState'));
    const keysBefore = b.kvs.keys('data').length;
    const secretsBefore = b.kvs.keys('secret').length;
    const state = expectOk(await b.call(me, 'deletePat', undefined, 'global'));
    expect(state.connection).toEqual({ kind: 'NO_CONFIG', message: STATE_MESSAGE });
    expect(b.kvs.keys('secret').length).toBe(secretsBefore - 1);
    expect(b.kvs.keys('data').length).toBeLessThan(keysBefore - 2); // meta, caches and the mapping record
    expect(expectOk(await b.call(other, 'getState')).connection.kind).toBe('READY');
    expect(expectOk(await b.call(me, 'deletePat', undefined, 'global')).connection).toEqual({ kind: 'NO_CONFIG', message: STATE_MESSAGE }); // idempotent
  });

  it('keeps either the old or the new configuration when a save crashes between any two writes, and leaves no orphan secret', async () => {
    const first = expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
    const secrets = b.kvs.keys('secret').length;
    const replacement = await b.token('bob');
    const newPreview = tokenPreview(replacement);
    const seen = new Set<string | undefined>();
    for (let crashAt = 1; crashAt <= 6; crashAt++) {
      // Start each round from the first token.
      expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
      const oldPreview = expectOk(await b.call(me, 'getState', undefined, 'global')).token?.preview;
      let writes = 0;
      b.kvs.beforeWrite = () => {
        if (++writes === crashAt) throw new Error('simulated crash');
      };
      await b.call(me, 'savePat', { token: replacement }, 'global');
      b.kvs.beforeWrite = undefined;
      const state = expectOk(await b.call(me, 'getState', undefined, 'global'));
      expect([oldPreview, newPreview]).toContain(state.token?.preview);
      expect(state.connection.kind).toBe('READY');
      seen.add(state.token?.preview === newPreview ? 'new' : 'old');
      expect(b.kvs.keys('secret').length).toBe(secrets);
    }
    expect(seen).toEqual(new Set(['old', 'new'])); // both sides of the commit point were exercised
    expect(first.token).not.toBeNull();
  });

  it('never returns or stores the PAT anywhere but the secret', async () => {
    const token = await b.token('alice');
    const responses = [
      await b.call(me, 'savePat', { token }, 'global'),
      await b.call(me, 'getState'),
      await b.call(me, 'getState', undefined, 'global'),
      await b.call(me, 'getState', undefined, { issue: 'OTHER-1' }),
      await b.call(me, 'deletePat', undefined, 'global'),
    ];
    for (const r of responses) expect(JSON.stringify(r)).not.toContain(token.slice(7));
    expect(JSON.stringify(b.kvs.snapshot().data)).not.toContain(token.slice(7));
  });
});

describe('cold render: asking for the linked cases while the mapping is re-checked', () => {
  it('overlaps the linked-cases request with the mapping lookup when the project is known from before', async () => {
    expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
    expectOk(await b.call(me, 'getState')); // first ever render: learns DEMO → PRJ-1
    expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global')); // a new token version: the mapping cache no longer applies
    b.sim.admin.addFault({ latencyMs: 80 });
    b.sim.admin.clearRequests();
    const state = expectOk(await b.call(me, 'getState'));
    expect(expectOk(state.linked!).total).toBe(4);
    const log = b.sim.admin.requests();
    expect(log.map((r) => r.route).sort()).toEqual(['jiraMappings', 'testCases']);
    const mapping = log.find((r) => r.route === 'jiraMappings')!;
    const cases = log.find((r) => r.route === 'testCases')!;
    expect(cases.startMs).toBeLessThan(mapping.startMs + mapping.ms); // started before the mapping answered
  });

  it('discards the guess when the mapping now points elsewhere', async () => {
    expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
    const before = expectOk(await b.call(me, 'getState'));
    expect(expectOk(before.linked!).items.length).toBeGreaterThan(0); // PRJ-1 links cases to this issue
    b.sim.admin.addMapping('DEMO', 'PRJ-2');
    try {
      b.advance(3 * 60_000); // past the mapping cache
      b.sim.admin.clearRequests();
      const state = expectOk(await b.call(me, 'getState'));
      expect(state.connection).toMatchObject({ kind: 'READY', project: { id: 'PRJ-2' } });
      expect(expectOk(state.linked!).items).toEqual([]); // PRJ-2 links none: PRJ-1's answer was not shown
      expect(b.sim.admin.requests().filter((r) => r.route === 'testCases').map((r) => r.path)).toEqual([
        expect.stringContaining('projectId=PRJ-1'), // the guess, discarded
        expect.stringContaining('projectId=PRJ-2'),
      ]);
    } finally {
      b.sim.admin.addMapping('DEMO', 'PRJ-1');
    }
  });
});
