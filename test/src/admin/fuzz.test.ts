/**
 * Generated payloads for every Jira admin function, through the real handler. As the Jira admin:
 * every payload gets a typed result (never a throw or a stack trace), and storage changes only as the
 * function says (a removal or a check writes the audit log; nothing else moves). As a user who is not
 * a Jira admin: every payload is FORBIDDEN and storage does not change at all. Seeded, so a failure
 * reproduces.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionKey } from '../../../src/shared/functions';
import { expectOk, startBackend, type Backend } from '../../support/backend';
import { expectTypedResult, nastyValues } from '../../support/fuzz';

const SEED = 20261123;
const RUNS = 60;

let b: Backend;
let aliceToken: string;
beforeAll(async () => {
  b = await startBackend();
  aliceToken = await b.token('alice');
  expectOk(await b.call('local-alice', 'savePat', { token: aliceToken }, 'global'));
});
afterAll(async () => {
  await b.stop();
});

const nasty = nastyValues(['<script>alert(1)</script>', '\u0000\u0007', 'local-alice', '../../etc', ' ', 'ALL', 'WORKING', 'asc', 'savedAt', '0b0a4a0e-9b0f-4a9e-8f1e-1a2b3c4d5e6f'], 40);
const fields = fc.constantFrom('sort', 'direction', 'health', 'text', 'page', 'pageSize', 'accountId', 'runId', 'cursor', '__proto__', 'constructor', 'accountIds');
const payload = fc.oneof(fc.constant(undefined), nasty, fc.dictionary(fields, nasty, { maxKeys: 4 }));

const ADMIN_FUNCTIONS: FunctionKey[] = ['adminListConnections', 'adminRemoveConnection', 'adminCheckAll', 'adminAuditLog'];

/**
 * Storage as far as a function may not change it: everything for the listing and the audit log
 * (read-only); for a removal or a check, everything but the audit log, the check runs and a check's
 * findings on an index entry (which they write by design).
 */
const lasting = (fn: FunctionKey) => {
  const snapshot = b.kvs.snapshot();
  if (fn === 'adminListConnections' || fn === 'adminAuditLog') return JSON.stringify(snapshot);
  const data = Object.entries(snapshot.data)
    .filter(([k]) => !k.startsWith('audit:') && !k.startsWith('admin:check:'))
    .map(([k, v]) => (k.startsWith('conn:') ? [k, { accountId: (v as { accountId: string }).accountId, version: (v as { version: string }).version }] : [k, v]));
  return JSON.stringify({ data, secretKeys: snapshot.secretKeys });
};

describe('fuzzed admin payloads', () => {
  for (const fn of ADMIN_FUNCTIONS) {
    it(`${fn}: as the Jira admin, a typed result for every payload; nothing else moves`, async () => {
      await fc.assert(
        fc.asyncProperty(payload, async (p) => {
          const before = lasting(fn);
          const result = (await b.call('local-diana', fn, p, 'admin')) as { ok: boolean; error?: { code: string; message: string } };
          expectTypedResult(result);
          const removedAlice = fn === 'adminRemoveConnection' && (p as { accountId?: unknown } | undefined)?.accountId === 'local-alice';
          if (!removedAlice) expect(lasting(fn)).toBe(before);
          else expectOk(await b.call('local-alice', 'savePat', { token: aliceToken }, 'global'));
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });

    it(`${fn}: as a user who is not a Jira admin, FORBIDDEN for every payload and storage untouched`, async () => {
      await fc.assert(
        fc.asyncProperty(payload, async (p) => {
          const before = JSON.stringify(b.kvs.snapshot());
          const result = await b.call('local-bob', fn, p, 'admin');
          expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
          expect(JSON.stringify(b.kvs.snapshot())).toBe(before);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }
});
