/**
 * Builds a large site's listing snapshot (adminRefreshListing), one bounded share per call: each call
 * reads the index on from where the last one stopped, at most LISTING_SETTINGS.readBudgetBytes, and
 * keeps what it read in compact staged values; the call that reads the last shard builds the snapshot
 * from all of them (snapshot.ts), writes it, and replaces the pointer in one write. A site that fits
 * one call (up to ~24,000 connections) is built in that call without staging. Calls are spaced so the
 * build uses at most LISTING_SETTINGS.unitsPerMinute of the installation's units a minute; one call at
 * a time works on it (a worker lease), whichever tab or admin calls.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { kvs } from '@forge/kvs';
import type { ListingBuild } from '../../shared/definitions';
import { readAllMarks } from '../../storage/admin-marks';
import { freshCursors, scanIndex, type IndexedEntry } from '../../storage/connection-index';
import { acquireLease, releaseLease } from '../../storage/lease';
import { endBuild, KEEP_DAY, listingKeys, pendingMeta, readBuild, readMeta, saveBuild, writeAll, writeMeta, type BuildState } from '../../storage/listing-snapshot';
import type { ConnectionEntry } from '../../storage/token-store';
import { log } from '../../log';
import { buildSnapshot } from './snapshot';
import { rowsOf } from './rows';
import { LISTING_SETTINGS } from './settings';

/** An index entry in a staged value: its fields in a fixed order, times in base-36 milliseconds. */
type Staged = (string | null)[];
const t36 = (iso: string | null) => (iso ? Date.parse(iso).toString(36) : null);
const iso36 = (v: string | null) => (v ? new Date(parseInt(v, 36)).toISOString() : null);

function stage({ hash, entry: e }: IndexedEntry): Staged {
  return [hash, e.accountId, e.version, e.preview, t36(e.savedAt), t36(e.lastValidatedAt), t36(e.lastCheckedAt), e.lastCheckResult, t36(e.lastUsedAt), t36(e.expiresAt), e.testkaseUser?.id ?? null, e.testkaseUser?.name ?? null, e.testkaseUser?.email ?? null, e.tokenName ?? null];
}

function unstage(s: Staged): IndexedEntry {
  const [hash, accountId, version, preview, savedAt, lastValidatedAt, lastCheckedAt, lastCheckResult, lastUsedAt, expiresAt, tkId, tkName, tkEmail, tokenName] = s;
  const entry: ConnectionEntry = {
    accountId: accountId!,
    version: version!,
    preview: preview!,
    savedAt: iso36(savedAt!)!,
    lastValidatedAt: iso36(lastValidatedAt!),
    lastCheckedAt: iso36(lastCheckedAt!),
    lastCheckResult: (lastCheckResult as ConnectionEntry['lastCheckResult']) ?? null,
    lastUsedAt: iso36(lastUsedAt!),
    expiresAt: iso36(expiresAt!),
    testkaseUser: tkId ? { id: tkId, name: tkName ?? '', ...(tkEmail ? { email: tkEmail } : {}) } : null,
    tokenName: tokenName ?? null,
  };
  return { hash: hash!, entry };
}

/** Bytes of staged entries per value (~200 bytes each), well within Forge's 240 KiB. */
const STAGED_BYTES = 200_000;

export async function refreshListing(admin: string, now = Date.now()): Promise<ListingBuild> {
  const worker = randomUUID();
  const lease = await acquireLease(listingKeys.buildWorker, worker, LISTING_SETTINGS.workerLeaseSeconds);
  if (!lease.acquired) {
    const state = await readBuild();
    return { done: false, busy: true, scanned: state?.scanned ?? 0, estimate: state?.estimate ?? null, asOf: null };
  }
  try {
    return await step(admin, now);
  } finally {
    await releaseLease(listingKeys.buildWorker, worker);
  }
}

async function step(admin: string, now: number): Promise<ListingBuild> {
  const meta = await readMeta();
  const state: BuildState = (await readBuild()) ?? {
    // Short: every key of the generation carries it (a UUID's 36 characters were ~1 MB of a 100,000-row snapshot's writes).
    gen: randomBytes(6).toString('hex'),
    by: admin,
    startedAt: new Date(now).toISOString(),
    cursors: freshCursors(),
    scanned: 0,
    staged: 0,
    notBefore: 0,
    estimate: meta?.total ?? null,
  };
  if (now < state.notBefore) return { done: false, scanned: state.scanned, estimate: state.estimate, nextCallInSeconds: Math.ceil((state.notBefore - now) / 1000), asOf: null };

  const scan = await scanIndex(state.cursors, LISTING_SETTINGS.readBudgetBytes);
  state.cursors = scan.cursors;
  state.scanned += scan.entries.length;
  // Units this call read, then the pause that keeps the build within its share of a minute's quota.
  const units = Math.ceil(scan.bytes / 10_000);
  const pauseMs = Math.ceil((units / LISTING_SETTINGS.unitsPerMinute) * 60_000);

  let entries: IndexedEntry[];
  if (scan.done && state.staged === 0) entries = scan.entries;
  else {
    const staged: [string, unknown][] = [];
    let batch: Staged[] = [];
    let bytes = 0;
    const flush = () => {
      if (batch.length > 0) staged.push([listingKeys.staged(state.gen, state.staged + staged.length), batch]);
      batch = [];
      bytes = 0;
    };
    for (const e of scan.entries) {
      const s = stage(e);
      const size = Buffer.byteLength(JSON.stringify(s), 'utf8');
      if (bytes + size > STAGED_BYTES) flush();
      batch.push(s);
      bytes += size;
    }
    flush();
    await writeAll(staged);
    state.staged += staged.length;
    if (!scan.done) {
      state.notBefore = now + pauseMs;
      await saveBuild(state);
      return { done: false, scanned: state.scanned, estimate: state.estimate, nextCallInSeconds: Math.ceil(pauseMs / 1000), asOf: null };
    }
    entries = await readStaged(state);
  }

  const marks = await readAllMarks();
  const asOf = new Date().toISOString();
  const rows = rowsOf(entries, marks, Date.parse(asOf));
  if (entries.length <= LISTING_SETTINGS.liveShardLimit * 8) {
    // Small enough again to be read whole on every page: no snapshot.
    await writeMeta({ ...pendingMeta(entries.length), mode: 'LIVE' });
    await endBuild();
    return { done: true, scanned: state.scanned, estimate: entries.length, asOf };
  }
  const built = buildSnapshot(rows, state.gen, { readFrom: state.startedAt, asOf });
  await writeAll(built.values, KEEP_DAY);
  // The pointer last: a listing reads the whole new generation or the whole previous one.
  await writeMeta(built.meta);
  await endBuild();
  log.info(`the admin listing's snapshot was built: ${rows.length} connections, ${built.values.length} values`);
  return { done: true, scanned: state.scanned, estimate: rows.length, asOf };
}

async function readStaged(state: BuildState): Promise<IndexedEntry[]> {
  const values = await Promise.all(Array.from({ length: state.staged }, (_, n) => kvs.get<Staged[]>(listingKeys.staged(state.gen, n))));
  return values.flatMap((v) => (v ?? []).map(unstage));
}
