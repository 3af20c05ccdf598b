/**
 * The admin page with many users, through the real handler and the KVS emulation's own units: a page
 * of the listing reads at most 50 read units in at most 5 storage round trips with 300 (read live),
 * 20,000 and 100,000 connections (listed from a snapshot), and answers exactly what sorting, filtering,
 * counting and searching every row in memory answers. The snapshot is built as the admin page builds
 * it, paced as in Forge (the test's clock steps over the pauses), and each of its calls keeps to the
 * build's share of the storage units. What is asserted is structural — units, round trips, rows —
 * never time; the milliseconds and the build's cost are printed for the record. Also: a user's warm
 * panel render still makes exactly one storage round trip with all this in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../src/storage/keys';
import type { ConnectionEntry } from '../../../src/storage/token-store';
import type { AdminConnectionsPage, ListConnectionsPayload, ListingBuild } from '../../../src/shared/definitions';
import { ListConnectionsPayload as QuerySchema } from '../../../src/shared/payloads';
import { LISTING_SETTINGS } from '../../../src/admin/listing/settings';
import { countsOf, inFilter, matchesText, normalizeText, ordered, rowsOf, type Row } from '../../../src/admin/listing/rows';
import { readAllMarks } from '../../../src/storage/admin-marks';
import { readIndex } from '../../../src/storage/connection-index';
import { refreshListing } from '../../../src/admin/listing/snapshot-build';
import { readBuild } from '../../../src/storage/listing-snapshot';
import { expectOk, startBackend, type Backend } from '../../support/backend';
import { meterUnits } from '../../../dev/kvs/meter';
import { seededRandom } from '../../../dev/random';

const ADMIN = 'local-diana';
/** Simulated network time of each storage call while measuring, so parallel calls overlap as in Forge. */
const STORAGE_LATENCY_MS = 2;
const DAY = 86_400_000;
const FIRST = ['Anna', 'Ben', 'Chloé', 'David', 'Émile', 'Fatima', 'Giulia', 'Hiro', 'Ines', 'Jonas', 'Kasia', 'Liam', 'Maya', 'Noah', 'Olga', 'Pavel'];
const LAST = ['Martin', 'Nguyen', 'Rossi', 'Evans', 'Müller', 'García', 'Kowalski', 'Tanaka', 'Silva', 'Dubois', 'Novak', 'Larsen'];

const pad = (i: number) => String(i).padStart(6, '0');

function seedEntry(i: number, now: number): ConnectionEntry {
  const savedAt = new Date(now - (i % 400) * DAY - i * 1000).toISOString();
  const expires = i % 50 === 0 ? now - DAY : i % 23 === 0 ? now + 5 * DAY : now + (30 + (i % 300)) * DAY;
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[(i >> 4) % LAST.length]!;
  return {
    accountId: `seed-${pad(i)}`,
    version: `v-${i}`,
    preview: `tk_pat_${(i * 7919).toString(36).slice(-4).padStart(4, 'x')}…${(i % 97).toString(36)}`,
    savedAt,
    lastValidatedAt: savedAt,
    testkaseUser: { id: `u${i}`, name: `${first} ${last} ${pad(i)}`, email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@acme.example` },
    tokenName: i % 3 === 0 ? 'Jira Plugin' : `Laptop ${i % 7}`,
    expiresAt: new Date(expires).toISOString(),
    lastCheckedAt: savedAt,
    lastCheckResult: i % 17 === 0 ? 'REJECTED' : i % 11 === 0 ? null : 'OK',
    lastUsedAt: i % 5 === 0 ? null : savedAt,
  };
}

interface Site {
  b: Backend;
  /** Every row as the pure listing computes it from what is stored: the reference the pages must equal. */
  reference: Row[];
  build: { calls: number; readUnits: number; writeUnits: number; values: number; mostRead: number; mostWritten: number };
}

async function seedSite(users: number): Promise<Site> {
  const b = await startBackend();
  const now = Date.now();
  b.kvs.seed(Array.from({ length: users }, (_, i) => [keys.connection(`seed-${pad(i)}`), seedEntry(i, now)] as [string, unknown]));
  // Marks an admin or the identity check left: a few suspensions (one without a token), notes, findings.
  const marks: [string, unknown][] = [];
  for (let i = 0; i < users; i += 997) marks.push([keys.suspension(`seed-${pad(i)}`), { accountId: `seed-${pad(i)}`, at: new Date(now - DAY).toISOString(), by: ADMIN, byName: 'Diana Evans' }]);
  marks.push([keys.suspension('seed-gone'), { accountId: 'seed-gone', at: new Date(now).toISOString(), by: ADMIN, byName: 'Diana Evans' }]);
  for (let i = 5; i < users; i += 1_501) marks.push([keys.adminNote(`seed-${pad(i)}`), { accountId: `seed-${pad(i)}`, text: `Shares a laptop with the QA team (${i})`, at: new Date(now).toISOString(), by: ADMIN }]);
  for (let i = 7; i < users; i += 2_003) {
    const e = seedEntry(i, now);
    marks.push([keys.mismatch(`seed-${pad(i)}`), { accountId: e.accountId, version: e.version, by: 'EMAIL', testkaseUser: { name: e.testkaseUser!.name, email: e.testkaseUser!.email ?? null }, jiraName: 'Someone Else', at: new Date(now).toISOString() }]);
  }
  b.kvs.seed(marks);
  const [scan, read] = await Promise.all([readIndex(), readAllMarks()]);
  return { b, reference: rowsOf(scan.entries, read, Date.now()), build: { calls: 0, readUnits: 0, writeUnits: 0, values: 0, mostRead: 0, mostWritten: 0 } };
}

/** What a page must be: every row filtered, searched, sorted and cut in memory (list-connections.ts's live path). */
function expected(reference: readonly Row[], raw: ListConnectionsPayload) {
  const q = QuerySchema.parse(raw);
  const needle = normalizeText(q.text).slice(0, LISTING_SETTINGS.termMax);
  const matching = ordered(reference.filter((r) => inFilter(r, q.health) && matchesText(r, needle)), q.sort, q.direction);
  const page = Math.min(q.page, Math.max(1, Math.ceil(matching.length / q.pageSize)));
  return { counts: countsOf(reference), matched: matching.length, page, accounts: matching.slice((page - 1) * q.pageSize, page * q.pageSize).map((r) => r.accountId) };
}

async function measure(site: Site, query: ListConnectionsPayload) {
  site.b.kvs.latencyMs = STORAGE_LATENCY_MS;
  try {
    const started = performance.now();
    const { result, meter, units } = await meterUnits(site.b.kvs, () => site.b.call(ADMIN, 'adminListConnections', query, 'admin'));
    const page: AdminConnectionsPage = expectOk(result);
    return { page, meter, units, ms: performance.now() - started, bytes: Buffer.byteLength(JSON.stringify(result)) };
  } finally {
    site.b.kvs.latencyMs = 0;
  }
}

/**
 * Builds the snapshot as the admin page does — adminRefreshListing until done, each call when the last
 * one said — with the build's own pacing: the clock it is given steps over the pauses.
 */
async function buildSnapshot(site: Site, whileWriting?: () => void): Promise<void> {
  let clock = Date.now();
  let build: ListingBuild;
  do {
    const call = await meterUnits(site.b.kvs, () => refreshListing(ADMIN, clock));
    build = call.result;
    site.build.calls += 1;
    site.build.readUnits += call.units.readUnits;
    site.build.writeUnits += call.units.writeUnits;
    site.build.mostRead = Math.max(site.build.mostRead, call.units.readUnits);
    site.build.mostWritten = Math.max(site.build.mostWritten, call.units.writeUnits);
    expect(build.busy).toBeUndefined();
    if (!build.done && (await readBuild())?.writing) whileWriting?.();
    clock += (build.nextCallInSeconds ?? 0) * 1000;
  } while (!build.done);
  expect(build).toMatchObject({ done: true, scanned: site.reference.length - 1, asOf: expect.any(String) });
  site.build.values = site.b.kvs.keys('data').filter((k) => k.startsWith('lst:')).length;
}

/**
 * Each build call writes at most the build's share of a minute's write units (plus its own state and
 * lease, a few units), its pauses spacing the calls, and reads less than the installation's minute.
 */
function expectWithinShare(site: Site) {
  expect(site.build.mostWritten).toBeLessThanOrEqual(LISTING_SETTINGS.unitsPerMinute + 10);
  expect(site.build.mostRead).toBeLessThan(4_000);
}

/** Compares a page with the in-memory listing, and its cost with the page budget. */
async function expectExact(site: Site, query: ListConnectionsPayload) {
  const m = await measure(site, query);
  const want = expected(site.reference, query);
  const what = JSON.stringify(query);
  expect(m.page.source, what).toMatchObject({ kind: 'SNAPSHOT', stale: false });
  expect(m.page.counts, what).toEqual(want.counts);
  expect(m.page.matched, what).toBe(want.matched);
  expect(m.page.page, what).toBe(want.page);
  expect(m.page.rows.map((r) => r.accountId), what).toEqual(want.accounts);
  expect.soft(m.units.readUnits, what).toBeLessThanOrEqual(50);
  expect(m.units.writeUnits, what).toBe(0);
  expect.soft(m.meter.roundTrips, what).toBeLessThanOrEqual(5);
  return m;
}

const QUERIES: ListConnectionsPayload[] = [
  {},
  { pageSize: 100 },
  { pageSize: 100, page: 7, sort: 'savedAt', direction: 'desc' },
  { health: 'REJECTED', sort: 'savedAt', direction: 'desc', pageSize: 100 },
  { health: 'EXPIRING_SOON', sort: 'expiresAt' },
  { health: 'SUSPENDED' },
  { health: 'NOT_YOURS' },
  { sort: 'lastUsedAt', direction: 'desc', pageSize: 50, page: 3 },
  { sort: 'health', pageSize: 100, page: 2 },
  { sort: 'tokenName', direction: 'desc', pageSize: 25, page: 40 },
  { text: 'anna martin 0001', pageSize: 100 },
  { text: 'Müller', sort: 'savedAt', pageSize: 100, page: 2 },
  { text: 'laptop', pageSize: 100, page: 3, direction: 'desc' },
  { text: 'acme', health: 'WORKING', sort: 'expiresAt', pageSize: 100 },
  { text: 'e', sort: 'lastValidatedAt', direction: 'desc', pageSize: 100 },
  { text: 'shares a laptop' },
  { text: 'tk_pat_' },
  { text: 'seed-00123' },
  { text: 'nobody by that name' },
  // A search that is no heavy prefix, a full page of it, deep in a descending order.
  { text: 'anna martin', sort: 'lastUsedAt', direction: 'desc', pageSize: 100, page: 2 },
  // A heavy prefix within a small filter.
  { text: 'jira', health: 'EXPIRED', sort: 'tokenName', direction: 'desc', pageSize: 100 },
  { page: 100_000, pageSize: 10 },
];

/**
 * 100,000 connections take ~2 minutes to seed and build (each of the 4 calls that write the snapshot
 * builds it) and ~20 s to list, too long for every `npm test` on the shared 2-core machine: run with
 * TESTKASE_LISTING_100K=1 (figures in docs/admin-page.md).
 */
const SIZES = process.env.TESTKASE_LISTING_100K ? [20_000, 100_000] : [20_000];

for (const users of SIZES) {
  describe(`the admin listing with ${users.toLocaleString('en')} connections`, () => {
    let site: Site;
    beforeAll(async () => {
      site = await seedSite(users);
    }, users > 24_000 ? 240_000 : undefined);
    afterAll(async () => {
      await site.b.stop();
    });

    it('says it is building a snapshot at first, within the page budget, then builds it over as many calls as the quota needs', async () => {
      const first = await measure(site, {});
      expect(first.page.source).toEqual({ kind: 'BUILDING' });
      expect(first.units.readUnits).toBeLessThanOrEqual(50);
      await buildSnapshot(site);
      // Over 24,000 connections the build takes more than one call (the reads of one call are bounded).
      if (users > 24_000) expect(site.build.calls).toBeGreaterThan(2);
      else expect(site.build.calls).toBe(1);
      console.info(
        `listing snapshot, ${users} connections: ${site.build.calls} calls, ${site.build.readUnits} read + ${site.build.writeUnits} write units (a call at most ${site.build.mostRead} read, ${site.build.mostWritten} write), ${site.build.values} values`,
      );
      expectWithinShare(site);
    }, users > 24_000 ? 360_000 : undefined);

    it('answers every kind of page exactly, each within 50 read units and 5 storage round trips', async () => {
      const lines: string[] = [];
      for (const query of QUERIES) {
        const m = await expectExact(site, query);
        lines.push(`${JSON.stringify(query)}: ${m.page.matched} matched, ${m.units.readUnits} read units (${Object.entries(m.units.byPath).map(([p, u]) => `${p.replace('/api/v1/', '')} ${u.requests}×=${u.readUnits}`).join(', ')}), ${m.meter.calls} calls in ${m.meter.roundTrips} round trips, ${m.bytes} bytes, ${m.ms.toFixed(0)} ms`);
      }
      console.info(`admin listing, ${users} connections:\n  ${lines.join('\n  ')}`);
    }, users > 24_000 ? 240_000 : undefined);

    it('shows each row as stored now, and one removed since the snapshot as gone', async () => {
      const query = { sort: 'savedAt', direction: 'desc', pageSize: 10 } as const;
      // Two rows without admin marks (a suspension would still be listed once its token is gone).
      const plain = new Set(site.reference.filter((r) => r.tokenStored && !r.suspended && !r.note).map((r) => r.accountId));
      const [gone, changed] = expected(site.reference, query).accounts.filter((a) => plain.has(a));
      site.b.kvs.handle('/api/v1/delete', { key: keys.connection(gone!) });
      const entry = site.b.kvs.snapshot().data[keys.connection(changed!)] as ConnectionEntry;
      site.b.kvs.handle('/api/v1/set', { key: keys.connection(changed!), value: { ...entry, tokenName: 'Renamed since' } });
      const { page } = await measure(site, query);
      const at = expected(site.reference, query).accounts.indexOf(gone!);
      expect(page.rows[at]).toMatchObject({ gone: true, tokenStored: false });
      expect(page.rows.find((r) => r.accountId === changed)).toMatchObject({ tokenName: 'Renamed since' });
    });
  });
}


/** Queries of every kind: a word start of some row's text cut anywhere (or none), any filter, order, size and page. */
function someQueries(reference: readonly Row[], count: number): ListConnectionsPayload[] {
  const next = seededRandom(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, () => {
    const row = pick(reference);
    const text = pick([row.testkaseUser?.name, row.testkaseUser?.email, row.tokenName, row.preview, row.accountId, row.note?.text].filter((t): t is string => !!t));
    const start = pick([0, ...[...text.matchAll(/[^\p{L}\p{N}][\p{L}\p{N}]/gu)].map((m) => m.index + 1)]);
    const query: ListConnectionsPayload = {
      text: next() < 0.15 ? '' : text.slice(start, start + 1 + Math.floor(next() * 14)),
      health: pick(['ALL', 'ALL', 'WORKING', 'REJECTED', 'EXPIRED', 'NOT_CHECKED', 'SUSPENDED', 'EXPIRING_SOON', 'NOT_YOURS'] as const),
      sort: pick(['testkaseUser', 'tokenName', 'savedAt', 'lastValidatedAt', 'lastUsedAt', 'expiresAt', 'health'] as const),
      direction: pick(['asc', 'desc'] as const),
      pageSize: pick([10, 25, 50, 100] as const),
    };
    const pages = Math.ceil(expected(reference, query).matched / query.pageSize!);
    return { ...query, page: 1 + Math.floor(next() * (pages + 1)) };
  });
}

describe('the admin listing built over many calls, its writes paced too', () => {
  let site: Site;
  const settings = { ...LISTING_SETTINGS };
  beforeAll(async () => {
    site = await seedSite(3_000);
    // A few index entries a call, and a small share of units a minute: the build reads and writes over many calls.
    Object.assign(LISTING_SETTINGS, { readBudgetBytes: 400_000, unitsPerMinute: 60 });
  });
  afterAll(async () => {
    Object.assign(LISTING_SETTINGS, settings);
    await site.b.stop();
  });

  it('writes each call within its share, from the marks it started with, and answers every kind of page exactly', async () => {
    let unfinished = 0;
    await buildSnapshot(site, () => {
      // A suspension while the snapshot is written is not in it: every call builds the same snapshot.
      if (unfinished++ === 0) site.b.kvs.handle('/api/v1/set', { key: keys.suspension('seed-000001'), value: { accountId: 'seed-000001', at: new Date().toISOString(), by: ADMIN, byName: 'Diana Evans' } });
    });
    // Written over more than one call.
    console.info(`listing snapshot, 3000 connections paced: ${site.build.calls} calls (${unfinished + 1} writing it), ${site.build.readUnits} read + ${site.build.writeUnits} write units (a call at most ${site.build.mostRead} read, ${site.build.mostWritten} write)`);
    expect(unfinished).toBeGreaterThan(0);
    expectWithinShare(site);
    for (const query of [...QUERIES, ...someQueries(site.reference, 300)]) await expectExact(site, query);
  }, 120_000);
});

describe('the admin listing of a small site, read live', () => {
  let site: Site;
  beforeAll(async () => {
    // Live while every index shard holds at most 40 entries: ~300 connections stay well within that.
    site = await seedSite(300);
  });
  afterAll(async () => {
    await site.b.stop();
  });

  it('reads every connection in one round trip per page, within 50 read units, and answers exactly', async () => {
    for (const query of QUERIES.slice(0, 12)) {
      const m = await measure(site, query);
      const want = expected(site.reference, query);
      expect(m.page.source).toEqual({ kind: 'LIVE' });
      expect(m.page.rows.map((r) => r.accountId), JSON.stringify(query)).toEqual(want.accounts);
      expect(m.page.matched).toBe(want.matched);
      expect(m.page.counts).toEqual(want.counts);
      expect(m.units.readUnits).toBeLessThanOrEqual(50);
      expect(m.units.writeUnits).toBe(0);
      expect(m.meter.roundTrips).toBeLessThanOrEqual(2);
    }
  });

  it('leaves a user’s warm panel render at one storage round trip', async () => {
    const b = site.b;
    const me = 'acc-panel-user';
    expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
    expectOk(await b.call(me, 'getState')); // cold: caches the mapping
    b.kvs.latencyMs = STORAGE_LATENCY_MS;
    try {
      const { result, meter, units } = await meterUnits(b.kvs, () => b.call(me, 'getState'));
      expect(expectOk(result).connection.kind).toBe('READY');
      // The secret, its index entry, the validation, the mapping, the remembered project and a suspension: in parallel.
      expect(meter).toEqual({ calls: 6, roundTrips: 1, byPath: { '/api/v1/secret/get': 1, '/api/v1/get': 5 } });
      expect(units.writeUnits).toBe(0);
      console.info(`warm panel getState: ${meter.calls} storage calls in ${meter.roundTrips} round trip, ${units.readUnits} read units`);
    } finally {
      b.kvs.latencyMs = 0;
    }
  });
});
