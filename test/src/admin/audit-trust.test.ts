/**
 * The admin page's records to trust, through the real handler and the KVS emulation: the audit log
 * names the token a removal actually removed even when the user saves at the same moment (issue 21:
 * the old token in 4 of 24 runs); an admin's audited actions are capped at 60 a minute, the 61st
 * refused with a sentence and nothing changed; a token that signs in as another TestKase user is
 * found on its user's settings page and flagged, with a filter and its count, until they save their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kvs } from '@forge/kvs';
import { keys } from '../../../src/storage/keys';
import { tokenPreview } from '../../../src/testkase/token';
import type { AdminConnectionsPage, AuditPage } from '../../../src/shared/definitions';
import { expectOk, startBackend, type Backend } from '../../support/backend';
import { AUDIT_CAP } from '../../../src/admin/audit-guard';

let b: Backend;
const ADMIN = 'local-diana';
beforeAll(async () => {
  b = await startBackend();
});
afterAll(async () => {
  await b.stop();
});

const audit = async (): Promise<AuditPage> => expectOk(await b.call(ADMIN, 'adminAuditLog', {}, 'admin'));
const list = async (health: 'ALL' | 'NOT_YOURS' = 'ALL'): Promise<AdminConnectionsPage> => expectOk(await b.call(ADMIN, 'adminListConnections', { health }, 'admin'));

describe('the audit log', () => {
  it('names the token the removal actually removed when the user saves another at the same moment', async () => {
    const saved = { ...AUDIT_CAP };
    AUDIT_CAP.perMinute = 10_000;
    b.kvs.latencyMs = 15;
    try {
      for (let run = 0; run < 12; run++) {
        const old = await b.token('bob');
        expectOk(await b.call('local-bob', 'savePat', { token: old }, 'global'));
        const next = await b.token('bob');
        await Promise.all([
          b.call(ADMIN, 'adminRemoveConnection', { accountId: 'local-bob' }, 'admin'),
          new Promise((r) => setTimeout(r, (run % 6) * 12)).then(() => b.call('local-bob', 'savePat', { token: next }, 'global')),
        ]);
        const secret = await kvs.getSecret<{ token?: string }>(keys.secret('local-bob'));
        // Connected with the new token: the removal came first and removed the old one; removed: it removed the new one.
        const removed = secret?.token === next ? old : next;
        const entry = (await audit()).entries.find((e) => e.action === 'REMOVE_CONNECTION');
        expect(entry, `run ${run}`).toMatchObject({ outcome: 'DONE', token: { preview: tokenPreview(removed) } });
      }
    } finally {
      b.kvs.latencyMs = 0;
      Object.assign(AUDIT_CAP, saved);
    }
  });

  it('takes at most 60 audited actions a minute from one admin: the 61st is refused with a sentence and changes nothing', async () => {
    expectOk(await b.call('local-alice', 'savePat', { token: await b.token('alice') }, 'global'));
    // Other tests' entries of the last minute count too: start from a fresh admin.
    const admin = 'local-diana';
    const before = (await audit()).entries.filter((e) => e.actor.accountId === admin && Date.parse(e.at) > Date.now() - 60_000).length;
    for (let i = before; i < AUDIT_CAP.perMinute; i++) expectOk(await b.call(admin, 'adminSetNote', { accountId: 'local-alice', text: `note ${i}` }, 'admin'));
    const refused = await b.call(admin, 'adminSetNote', { accountId: 'local-alice', text: 'one too many' }, 'admin');
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^You made 60 changes to TestKase connections in the last minute.*Nothing was changed/) } });
    const row = (await list()).rows.find((r) => r.accountId === 'local-alice');
    expect(row?.note?.text).toBe(`note ${AUDIT_CAP.perMinute - 1}`);
  });
});

describe('a token of another TestKase user (issue 22, 5)', () => {
  it('is found on its user’s settings page, flagged in the listing with a filter and a count, and cleared by their own token', async () => {
    const saved = { ...AUDIT_CAP };
    AUDIT_CAP.perMinute = 10_000;
    try {
      // Bob saves Alice's token and opens the TestKase settings page (the identity check runs there, as Bob).
      expectOk(await b.call('local-bob', 'savePat', { token: await b.token('alice') }, 'global'));
      expect(expectOk(await b.call('local-bob', 'checkIdentity', undefined, 'global'))).toMatchObject({ kind: 'MISMATCH' });
      let page = await list();
      expect(page.counts.NOT_YOURS).toBe(1);
      expect(page.rows.find((r) => r.accountId === 'local-bob')?.notYours).toMatchObject({ by: 'EMAIL', testkaseUser: { name: 'Alice Martin', email: 'alice@acme.example' } });
      expect(page.rows.find((r) => r.accountId === 'local-alice')?.notYours ?? null).toBeNull();
      expect((await list('NOT_YOURS')).rows.map((r) => r.accountId)).toEqual(['local-bob']);
      // His own token: the finding was for the other one, so the flag is gone without any admin action.
      expectOk(await b.call('local-bob', 'savePat', { token: await b.token('bob') }, 'global'));
      page = await list();
      expect(page.counts.NOT_YOURS).toBe(0);
      expect(page.rows.find((r) => r.accountId === 'local-bob')?.notYours ?? null).toBeNull();
    } finally {
      Object.assign(AUDIT_CAP, saved);
    }
  });
});
