/**
 * The QA seeding (`npm start -- --connections N`) against the local runtime: 60 seeded users, then what
 * the admin page's listing answers as the local Jira admin, asked as the browser asks it (the admin
 * page's frame, its invoke): every state where the seeding put it, the seeded Jira users named, a
 * search for Müller, paging; the seeded users signed in with `?user=`; the refusals.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime, type Runtime } from '../../../dev/runtime';
import { LocalUsers } from '../../../dev/runtime/local-users';
import { seedConnections, SeedRefused, type SeedReport } from '../../../dev/runtime/seed-connections';
import type { SeededPerson, SeededState } from '../../../dev/runtime/seed-people';
import type { AdminConnectionsPage, ListConnectionsPayload } from '../../../src/shared/definitions';

const COUNT = 60;
const SEED = 7;
let runtime: Runtime;
let seeded: SeedReport;

beforeAll(async () => {
  runtime = await startRuntime({ port: 0, simPort: 0, dataDir: null, quiet: true });
  seeded = await seedConnections(runtime, { count: COUNT, seed: SEED, expireAfterMs: 4_000 });
});
afterAll(() => runtime?.stop());

/** An app frame opened as `user` on a page, as the browser opens it: its session id. */
async function frame(path: string, user: string): Promise<string> {
  const res = await fetch(`${runtime.url}${path}?user=${user}`);
  expect(res.status).toBe(200);
  const session = (await res.text()).match(/\/resource\/([0-9a-f]{32})\/index\.html/)?.[1];
  if (!session) throw new Error(`no app frame on ${path} for ${user}`);
  return session;
}

async function invoke<T>(session: string, functionKey: string, payload: unknown = {}): Promise<T> {
  const res = await fetch(`${runtime.url}/resource/${session}/__forge/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ functionKey, payload }) });
  const answer = (await res.json()) as { ok: boolean; body: { ok: boolean; data: T; error?: { code: string } } };
  if (!answer.ok || !answer.body.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(answer).slice(0, 300)}`);
  return answer.body.data;
}

let adminFrame: string;
const list = async (query: ListConnectionsPayload): Promise<AdminConnectionsPage> => invoke(adminFrame ??= await frame(new URL(runtime.adminPageUrl).pathname, 'diana'), 'adminListConnections', query);
const ids = (page: AdminConnectionsPage) => page.rows.map((r) => r.accountId).sort();
const inState = (...states: SeededState[]) => seeded.people.filter((p) => states.includes(p.state));
const accounts = (people: SeededPerson[]) => people.map((p) => p.jira.accountId).sort();

describe('the admin listing after seeding 60 connections', () => {
  it('counts every state the seeding made, over all of them (a small site: listed live)', async () => {
    const page = await list({ pageSize: 10 });
    expect(page.source).toEqual({ kind: 'LIVE' });
    // Each state is there (the seeding puts each at least once from 20 people on).
    for (const n of Object.values(seeded.byState)) expect(n).toBeGreaterThan(0);
    expect(page.counts).toEqual({
      ALL: COUNT,
      // Another TestKase user's token, or one revoked after the last check, still works as far as anyone checked.
      WORKING: inState('WORKING', 'EXPIRING_SOON', 'REVOKED_UNCHECKED', 'NOT_YOURS').length,
      REJECTED: inState('REJECTED').length,
      EXPIRED: inState('EXPIRED').length,
      NOT_CHECKED: 0,
      SUSPENDED: inState('SUSPENDED', 'SUSPENDED_NO_TOKEN').length,
      EXPIRING_SOON: inState('EXPIRING_SOON').length,
      NOT_YOURS: inState('NOT_YOURS').length,
    });
    // The seeding's own "Check all now" checked the revoked ones, and only those.
    expect(seeded.check).toMatchObject({ done: true, total: inState('REJECTED').length, tally: { REJECTED: inState('REJECTED').length, WORKING: 0 } });
  });

  it('filters each state to exactly the people the seeding put in it', async () => {
    const rows = async (health: ListConnectionsPayload['health']) => ids(await list({ health, pageSize: 100 }));
    expect(await rows('REJECTED')).toEqual(accounts(inState('REJECTED')));
    expect(await rows('EXPIRED')).toEqual(accounts(inState('EXPIRED')));
    expect(await rows('EXPIRING_SOON')).toEqual(accounts(inState('EXPIRING_SOON')));
    expect(await rows('NOT_YOURS')).toEqual(accounts(inState('NOT_YOURS')));
    expect(await rows('SUSPENDED')).toEqual(accounts(inState('SUSPENDED', 'SUSPENDED_NO_TOKEN')));
    expect(await rows('WORKING')).toEqual(accounts(inState('WORKING', 'EXPIRING_SOON', 'REVOKED_UNCHECKED', 'NOT_YOURS')));
  });

  it('shows who each one is in Jira and in TestKase, the suspending admin by name, the notes, whose token another user saved', async () => {
    const page = await list({ pageSize: 100 });
    const byAccount = new Map(page.rows.map((r) => [r.accountId, r]));
    const person = new Map(seeded.people.map((p) => [p.jira.name, p]));
    for (const p of seeded.people) {
      const row = byAccount.get(p.jira.accountId)!;
      // The Jira site knows the seeded users: the admin's bulk lookup names them.
      expect(row.jiraUser?.displayName).toBe(p.jira.displayName);
      const owner = person.get(p.tokenOf)!.testkase;
      expect(row.testkaseUser).toEqual(p.state === 'SUSPENDED_NO_TOKEN' ? null : { id: owner.id, name: owner.name, email: owner.email });
      expect(row.tokenStored).toBe(p.state !== 'SUSPENDED_NO_TOKEN');
      expect(row.note?.text ?? null).toBe(p.note);
      expect(row.suspended?.byName ?? null).toBe(p.state.startsWith('SUSPENDED') ? person.get(p.markedBy!)!.jira.displayName : null);
      if (p.state === 'NOT_YOURS') expect(row.notYours?.testkaseUser.name).toBe(owner.name);
      else expect(row.notYours).toBeNull();
    }
  });

  it('finds a Müller by name, accents and case ignored', async () => {
    const muller = seeded.people.filter((p) => p.state !== 'SUSPENDED_NO_TOKEN' && /(^|[^\p{L}])muller/u.test(seeded.people.find((o) => o.jira.name === p.tokenOf)!.testkase.name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()));
    // The first seeded people are always the same names: Jürgen Müller is qa1, Anna Müller-Lüdenscheidt qa15.
    expect(seeded.people[0]!.jira.displayName).toBe('Jürgen Müller');
    expect(muller.length).toBeGreaterThanOrEqual(1);
    for (const text of ['Müller', 'muller', 'MÜLL']) {
      const page = await list({ text, pageSize: 100 });
      expect(page.matched).toBe(muller.length);
      expect(ids(page)).toEqual(accounts(muller));
      expect(page.rows.every((r) => /Müller/.test(r.testkaseUser?.name ?? ''))).toBe(true);
    }
  });

  it('pages through all 60 ten at a time without overlap, in the sorted order; a page past the end shows the last', async () => {
    const seen: string[] = [];
    let previous = '';
    for (let page = 1; page <= 6; page++) {
      const p = await list({ page, pageSize: 10, sort: 'testkaseUser' });
      expect(p).toMatchObject({ page, matched: COUNT });
      expect(p.rows).toHaveLength(10);
      for (const r of p.rows.filter((x) => x.testkaseUser)) {
        expect(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare(previous, r.testkaseUser!.name)).toBeLessThanOrEqual(0);
        previous = r.testkaseUser!.name;
      }
      seen.push(...p.rows.map((r) => r.accountId));
    }
    expect(new Set(seen).size).toBe(COUNT);
    expect((await list({ page: 7, pageSize: 10 })).page).toBe(6);
  });
});

describe('the seeded users in the browser', () => {
  it('signs in as a seeded user with ?user=, who sees their own connection', async () => {
    const home = await (await fetch(`${runtime.url}/?user=qa1`)).text();
    expect(home).toContain('<option value="qa1" selected>Jürgen Müller (qa1)</option>');
    expect(home).toMatch(/id="seeded-users">And 60 seeded users/);
    const state = await invoke<{ token: { preview: string } | null }>(await frame(new URL(runtime.globalPageUrl).pathname, 'qa1'), 'getState');
    expect(state.token?.preview).toMatch(/^tk_pat_/);
    expect((await fetch(`${runtime.url}/__host/avatars/qa1.svg`)).status).toBe(200);
  });

  it('lets the seeded Jira admins, and only them, open the admin page', async () => {
    const [admin] = seeded.admins;
    const notAdmin = seeded.people.find((p) => !p.jira.jiraAdmin)!.jira.name;
    expect((await fetch(`${runtime.adminPageUrl}?user=${admin}`)).status).toBe(200);
    expect((await fetch(`${runtime.adminPageUrl}?user=${notAdmin}`)).status).toBe(403);
  });
});

describe('what a seeding refuses', () => {
  it('does nothing a second time with the same count and seed, and refuses another, or an absurd count, with a sentence', async () => {
    expect(await seedConnections(runtime, { count: COUNT, seed: SEED })).toMatchObject({ already: true });
    await expect(seedConnections(runtime, { count: 100, seed: SEED })).rejects.toThrow(/already holds 60 seeded users \(seed 7/);
    for (const count of [0, 1.5, 1_000_000]) await expect(seedConnections(runtime, { count })).rejects.toThrow(SeedRefused);
    await expect(seedConnections(runtime, { count: 1_000_000 })).rejects.toThrow(/from 1 to 5,000/);
  });

  it('keeps the seeded users in the data folder, so a restart still knows who the connections are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-users-'));
    try {
      const file = join(dir, 'jira-users.json');
      const users = new LocalUsers(file);
      users.addSeeded(seeded.people.slice(0, 3).map((p) => p.jira));
      expect(new LocalUsers(file).find('qa1')).toBeUndefined(); // not kept until the seeding has finished
      users.keep({ count: 3, seed: SEED, at: new Date().toISOString() });
      const again = new LocalUsers(file);
      expect(again.find('qa1')?.displayName).toBe('Jürgen Müller');
      expect(again.byAccountId('local-qa2')?.name).toBe('qa2');
      expect(again.seeded().seeding).toMatchObject({ count: 3, seed: SEED });
      expect(again.find('alice')?.accountId).toBe('local-alice');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
