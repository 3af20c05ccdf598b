/**
 * The admin page with thousands of users: 3,000 connections in the KVS emulation, listed, filtered
 * and sorted through the real handler. What is asserted is structural — storage calls and round
 * trips, one page of rows, the response's size — never time; the milliseconds are printed for the
 * record. Also: a user's warm panel render still makes exactly one storage round trip with the
 * index in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../src/storage/keys';
import type { ConnectionEntry } from '../../../src/storage/token-store';
import type { AdminConnectionsPage } from '../../../src/shared/definitions';
import { expectOk, startBackend, type Backend } from '../../support/backend';
import { meterStorage } from '../../../dev/kvs/meter';

const USERS = 3_000;
const ADMIN = 'local-diana';
/** Simulated network time of each storage call while measuring, so parallel calls overlap as in Forge. */
const STORAGE_LATENCY_MS = 5;

let b: Backend;
const DAY = 86_400_000;

function seedEntry(i: number, now: number): ConnectionEntry {
  const savedAt = new Date(now - (i % 400) * DAY).toISOString();
  const expires = i % 50 === 0 ? now - DAY : i % 23 === 0 ? now + 5 * DAY : now + (30 + (i % 300)) * DAY;
  return {
    accountId: `seed-${String(i).padStart(5, '0')}`,
    version: `v-${i}`,
    preview: `tk_pat_${(i * 7919).toString(36).slice(0, 4).padEnd(4, 'x')}…`,
    savedAt,
    lastValidatedAt: savedAt,
    testkaseUser: { id: `u${i}`, name: `Person ${String(i).padStart(5, '0')}`, email: `person${i}@acme.example` },
    tokenName: i % 3 === 0 ? 'Jira Plugin' : `Laptop ${i % 7}`,
    expiresAt: new Date(expires).toISOString(),
    lastCheckedAt: savedAt,
    lastCheckResult: i % 17 === 0 ? 'REJECTED' : i % 11 === 0 ? null : 'OK',
    lastUsedAt: i % 5 === 0 ? null : savedAt,
  };
}

beforeAll(async () => {
  b = await startBackend();
  const now = Date.now();
  // Written straight into the emulation: what 3,000 users' saves leave in the index.
  for (let i = 0; i < USERS; i++) b.kvs.handle('/api/v1/set', { key: keys.connection(`seed-${String(i).padStart(5, '0')}`), value: seedEntry(i, now) });
});
afterAll(async () => {
  await b.stop();
});

async function measure(query: Record<string, unknown>) {
  b.kvs.latencyMs = STORAGE_LATENCY_MS;
  try {
    const started = performance.now();
    const { result, meter } = await meterStorage(() => b.call(ADMIN, 'adminListConnections', query, 'admin'));
    const ms = performance.now() - started;
    const page: AdminConnectionsPage = expectOk(result);
    return { page, meter, ms, bytes: Buffer.byteLength(JSON.stringify(result)) };
  } finally {
    b.kvs.latencyMs = 0;
  }
}

describe(`the admin listing with ${USERS.toLocaleString('en')} connections`, () => {
  it('reads the index in ⌈N / 1,600⌉ round trips (16 shards in parallel) and answers one page, counted over all', async () => {
    const { page, meter, ms, bytes } = await measure({ pageSize: 50 });
    expect(page.counts.ALL).toBe(USERS);
    expect(page.counts.WORKING + page.counts.REJECTED + page.counts.EXPIRED + page.counts.NOT_CHECKED).toBe(USERS);
    expect(page.rows).toHaveLength(50);
    expect(page.matched).toBe(USERS);
    // 16 shards of ~188 entries, 100 per query: 2 queries each (3 for a shard past 200).
    expect(meter.byPath).toEqual({ '/api/v1/query': meter.calls });
    expect(meter.calls).toBeLessThanOrEqual(16 * 3);
    expect(meter.roundTrips).toBeLessThanOrEqual(3);
    // One page of rows, whatever the number of users.
    expect(bytes).toBeLessThan(40_000);
    console.info(`admin listing, ${USERS} connections, page of 50: ${meter.calls} storage calls in ${meter.roundTrips} round trips (${STORAGE_LATENCY_MS} ms each), ${bytes} bytes, ${ms.toFixed(0)} ms`);
  });

  it('filters, sorts and pages over all of them', async () => {
    const rejected = await measure({ health: 'REJECTED', sort: 'savedAt', direction: 'desc', pageSize: 100 });
    expect(rejected.page.matched).toBe(rejected.page.counts.REJECTED);
    expect(rejected.page.rows.every((r) => r.health === 'REJECTED')).toBe(true);
    const saved = rejected.page.rows.map((r) => Date.parse(r.savedAt));
    expect(saved).toEqual([...saved].sort((x, y) => y - x));

    const text = await measure({ text: 'person 01', pageSize: 10, page: 3 });
    expect(text.page.matched).toBe(1000); // Person 01000 … Person 01999
    expect(text.page.rows.map((r) => r.testkaseUser!.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Person ${String(1020 + i).padStart(5, '0')}`));

    const soon = await measure({ health: 'EXPIRING_SOON', sort: 'expiresAt' });
    expect(soon.page.matched).toBe(soon.page.counts.EXPIRING_SOON);
    expect(soon.page.rows.every((r) => r.expiringSoon && r.health !== 'EXPIRED')).toBe(true);
    for (const m of [rejected, text, soon]) expect(m.meter.roundTrips).toBeLessThanOrEqual(3);
    console.info(`admin listing, filtered and sorted: ${[rejected, text, soon].map((m) => `${m.page.matched} matched, ${m.bytes} bytes, ${m.ms.toFixed(0)} ms`).join('; ')}`);
  });

  it('leaves a user’s warm panel render at one storage round trip', async () => {
    const me = 'acc-panel-user';
    expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
    expectOk(await b.call(me, 'getState')); // cold: caches the mapping
    b.kvs.latencyMs = STORAGE_LATENCY_MS;
    try {
      const { result, meter } = await meterStorage(() => b.call(me, 'getState'));
      expect(expectOk(result).connection.kind).toBe('READY');
      // The secret, its index entry, the validation, the mapping and the remembered project: in parallel.
      expect(meter).toEqual({ calls: 5, roundTrips: 1, byPath: { '/api/v1/secret/get': 1, '/api/v1/get': 4 } });
      console.info(`warm panel getState: ${meter.calls} storage calls in ${meter.roundTrips} round trip`);
    } finally {
      b.kvs.latencyMs = 0;
    }
  });
});
