/** PAT semantics as TestKase documents them: hashed, shown once, expiring, revocable, role-bound. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, EXPIRY_DAYS, type Simulator } from '../../../dev/testkase-sim';
import { freshSim, http, simForFile } from './support';

const { sim } = simForFile();

const projects = (token: string | null, headers?: Record<string, string>) => http(sim(), 'GET', '/projects/user-projects', { token, ...(headers ? { headers } : {}) });

describe('tokens', () => {
  it('mints tk_pat_ tokens, each shown once, listed only by preview', () => {
    const a = sim().admin.createToken({ user: 'bob', name: 'CI', days: 7 });
    const b = sim().admin.createToken({ user: 'bob', name: 'Jira Plugin', days: 365 });
    expect(a.token).toMatch(/^tk_pat_[A-Za-z0-9]{40}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.preview).toBe(`${a.token.slice(0, 11)}…${a.token.slice(-2)}`);
    const listed = sim().admin.listTokens('bob');
    expect(listed.map((t) => t.name)).toEqual(['CI', 'Jira Plugin']);
    expect(JSON.stringify(listed)).not.toContain(a.token);
    expect(Date.parse(b.expiresAt) - Date.parse(b.createdAt)).toBe(365 * 86_400_000);
  });

  it('offers exactly the documented expiry choices', () => {
    expect(EXPIRY_DAYS).toEqual([7, 30, 60, 90, 180, 365]);
    expect(() => sim().admin.createToken({ user: 'bob', name: 'x', days: 14 })).toThrow(/7, 30, 60, 90, 180, 365/);
    expect(() => sim().admin.createToken({ user: 'bob', name: '  ', days: 30 })).toThrow(/name/);
    expect(() => sim().admin.createToken({ user: 'nobody', name: 'x', days: 30 })).toThrow(/No user/);
  });

  it('stores only a hash of the token on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-hash-'));
    const disk = await startSimulator({ port: 0, dataDir: dir, quiet: true });
    try {
      const { token } = disk.admin.createToken({ user: 'alice', name: 'x', days: 30 });
      const saved = readFileSync(join(dir, 'testkase-sim.json'), 'utf8');
      expect(saved).not.toContain(token);
      expect(saved).not.toContain(token.slice(7));
      expect(saved).toContain(token.slice(0, 11)); // the preview only
    } finally {
      await disk.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('401: missing, malformed, unknown, expired, revoked, user deleted', () => {
  it('refuses a request without a token or with a malformed header', async () => {
    for (const r of [await projects(null), await projects(null, { authorization: 'Basic abc' }), await projects(null, { authorization: 'Bearer short' }), await projects(null, { authorization: 'Bearer a b' })]) {
      expect(r.status).toBe(401);
      expect(r.json.error.code).toBe('UNAUTHORIZED');
    }
  });

  it('refuses an unknown token', async () => {
    const r = await projects('tk_pat_' + 'Q'.repeat(40));
    expect(r.status).toBe(401);
    expect(r.json.error.message).toMatch(/not valid/);
  });

  it('refuses a token once it has expired', async () => {
    const local = await freshSim();
    try {
      const { token } = local.admin.createToken({ user: 'bob', name: 'x', days: 7 });
      expect((await http(local, 'GET', '/projects/user-projects', { token })).status).toBe(200);
      local.admin.advanceClock(7 * 86_400_000 - 60_000);
      expect((await http(local, 'GET', '/projects/user-projects', { token })).status).toBe(200);
      local.admin.advanceClock(60_000);
      const r = await http(local, 'GET', '/projects/user-projects', { token });
      expect(r.status).toBe(401);
      expect(r.json.error.message).toMatch(/expired/);
      expect(local.admin.listTokens('bob')[0]?.expired).toBe(true);
    } finally {
      await local.stop();
    }
  });

  it('refuses a deleted token on the very next call, and lists it no more', async () => {
    const t = sim().admin.createToken({ user: 'gina', name: 'temp', days: 30 });
    expect((await projects(t.token)).status).toBe(200);
    expect(sim().admin.revokeToken(t.id)).toBe(true);
    expect((await projects(t.token)).status).toBe(401);
    expect(sim().admin.listTokens('gina').map((x) => x.id)).not.toContain(t.id);
    expect(sim().admin.revokeToken(t.id)).toBe(false);
  });

  it('invalidates every token of a deleted user', async () => {
    const local = await freshSim();
    try {
      const one = local.admin.createToken({ user: 'bob', name: 'a', days: 30 }).token;
      const two = local.admin.createToken({ user: 'bob', name: 'b', days: 30 }).token;
      expect(local.admin.deleteUser('bob')).toBe(true);
      for (const token of [one, two]) expect((await http(local, 'GET', '/auth/token-info', { token })).status).toBe(401);
      expect(local.admin.users().map((u) => u.id)).not.toContain('bob');
    } finally {
      await local.stop();
    }
  });

  it('adds users, mints and revokes tokens in bulk (the QA seeding), each as the single operations do', async () => {
    const local = await freshSim();
    try {
      const people: Parameters<Simulator['admin']['addUsers']>[0] = [
        { id: 'qa1', name: 'Jürgen Müller', email: 'juergen.mueller@acme.example', memberships: { 'PRJ-1': 'GUEST' } },
        { id: 'qa2', name: '山田 花子', email: 'hanako.yamada@acme.example', memberships: { 'PRJ-2': 'USER' } },
      ];
      local.admin.addUsers(people);
      local.admin.addUsers(people.slice(0, 1)); // again: replaced, not added twice
      expect(local.admin.users().filter((u) => u.id.startsWith('qa'))).toEqual(people);
      const [a, b] = local.admin.createTokens([
        { user: 'qa1', name: 'Laptop', expiresInMs: 90 * 86_400_000 },
        { user: 'qa2', name: 'Jira', expiresInMs: 1_000 },
      ]);
      expect(Date.parse(b!.expiresAt) - Date.parse(b!.createdAt)).toBe(1_000);
      const info = await http(local, 'GET', '/auth/token-info', { token: a!.token });
      expect(info.json.data).toMatchObject({ user: { id: 'qa1', name: 'Jürgen Müller' }, token: { name: 'Laptop' } });
      expect(() => local.admin.createTokens([{ user: 'nobody', name: 'x', expiresInMs: 1 }])).toThrow(/No user/);
      expect(local.admin.revokeTokens([a!.id, a!.id, 'tok_none'])).toBe(1);
      expect((await http(local, 'GET', '/auth/token-info', { token: a!.token })).status).toBe(401);
      local.admin.advanceClock(1_000);
      expect((await http(local, 'GET', '/auth/token-info', { token: b!.token })).status).toBe(401);
    } finally {
      await local.stop();
    }
  });
});

describe('roles and membership', () => {
  it('lets a Guest read but answers 403 READ_ONLY to every write', async () => {
    const gina = sim().admin.createToken({ user: 'gina', name: 'x', days: 30 }).token;
    const [p] = (await projects(gina)).json.data;
    expect(p).toMatchObject({ id: 'PRJ-1', role: 'GUEST' });
    expect((await http(sim(), 'GET', '/test-cases?projectId=PRJ-1', { token: gina })).status).toBe(200);
    const writes = [
      await http(sim(), 'POST', '/test-cases', { token: gina, body: { projectId: 'PRJ-1', title: 'x' } }),
      await http(sim(), 'POST', '/test-cases/TC-1/jira-links', { token: gina, body: { projectId: 'PRJ-1', jiraIssueKey: 'DEMO-9' } }),
      await http(sim(), 'DELETE', '/test-cases/TC-1/jira-links/DEMO-1?projectId=PRJ-1', { token: gina }),
      await http(sim(), 'POST', '/test-cycles', { token: gina, body: { projectId: 'PRJ-1', name: 'x' } }),
      await http(sim(), 'POST', '/test-cycles/TCYCLE-2/test-cases', { token: gina, body: { projectId: 'PRJ-1', testCaseIds: ['TC-9'] } }),
      await http(sim(), 'POST', '/test-cycles/TCYCLE-2/executions', { token: gina, body: { projectId: 'PRJ-1', testCaseId: 'TC-1', status: 'PASS' } }),
    ];
    for (const r of writes) expect([r.status, r.json.error.code]).toEqual([403, 'READ_ONLY']);
  });

  it('answers 403 NOT_A_MEMBER for a project the user is not in, 404 for one that does not exist', async () => {
    const nora = sim().admin.createToken({ user: 'nora', name: 'x', days: 30 }).token;
    const r = await http(sim(), 'GET', '/test-cases?projectId=PRJ-1', { token: nora });
    expect([r.status, r.json.error.code]).toEqual([403, 'NOT_A_MEMBER']);
    expect((await http(sim(), 'GET', '/test-cycles?projectId=PRJ-1', { token: nora })).status).toBe(403);
    expect((await http(sim(), 'GET', '/test-cases?projectId=PRJ-2', { token: nora })).status).toBe(200);
    expect((await http(sim(), 'GET', '/test-cases?projectId=PRJ-404', { token: nora })).status).toBe(404);
  });

  it('attributes executions and the request log to the token’s user', async () => {
    const bob = sim().admin.createToken({ user: 'bob', name: 'x', days: 30 }).token;
    sim().admin.clearRequests();
    const r = await http(sim(), 'POST', '/test-cycles/TCYCLE-3/executions', { token: bob, body: { projectId: 'PRJ-1', testCaseId: 'TC-5', status: 'BLOCKED' } });
    expect(r.json.data.executedBy).toMatchObject({ id: 'bob', name: 'Bob Nguyen' });
    expect(sim().admin.requests()).toEqual([expect.objectContaining({ route: 'recordExecution', method: 'POST', status: 201, userId: 'bob' })]);
    expect(JSON.stringify(sim().admin.requests())).not.toContain(bob);
  });
});
