/**
 * Builds a large site's listing snapshot (adminRefreshListing), one bounded share per call: each call
 * reads the index on from where the last one stopped, at most LISTING_SETTINGS.readBudgetBytes, and
 * keeps what it read in compact staged values (build-staging.ts); once the last shard is read, the
 * snapshot is built from all of them (snapshot.ts) and written, at most LISTING_SETTINGS.unitsPerMinute
 * write units a call, and the pointer is replaced in one write last. A site that fits one call (up to
 * ~24,000 connections, ~1,000 write units) is read and written in that call without staging. Calls are
 * spaced so the build uses at most that share of the installation's read and of its write units a
 * minute; one call at a time works on it (a worker lease), whichever tab or admin calls.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ListingBuild } from '../../shared/definitions';
import { readAllMarks, type Marks } from '../../storage/admin-marks';
import { freshCursors, scanIndex, type IndexedEntry } from '../../storage/connection-index';
import { acquireLease, releaseLease } from '../../storage/lease';
import { endBuild, KEEP_DAY, pendingMeta, readBuild, readMeta, saveBuild, writeAll, writeMeta, listingKeys, type BuildState } from '../../storage/listing-snapshot';
import { log } from '../../log';
import { readStagedEntries, readStagedMarks, stagedEntries, stagedMarks } from './build-staging';
import { buildSnapshot } from './snapshot';
import { rowsOf } from './rows';
import { LISTING_SETTINGS } from './settings';

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

/** The pause after a call that used this many units (of reads or of writes, whichever is more): the build's share of a minute. */
const pauseAfter = (units: number) => Math.ceil((units / LISTING_SETTINGS.unitsPerMinute) * 60_000);

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
  const later = (pauseMs: number): ListingBuild => ({ done: false, scanned: state.scanned, estimate: state.estimate, nextCallInSeconds: Math.ceil(pauseMs / 1000), asOf: null });
  if (now < state.notBefore) return later(state.notBefore - now);

  let entries: IndexedEntry[];
  let readBytes: number;
  // Units this call wrote so far: the snapshot's values get what is left of the share.
  let wroteUnits = 0;
  if (state.writing) {
    const read = await readStagedEntries(state);
    [entries, readBytes] = [read.entries, read.bytes];
  } else {
    const scan = await scanIndex(state.cursors, LISTING_SETTINGS.readBudgetBytes);
    state.cursors = scan.cursors;
    state.scanned += scan.entries.length;
    readBytes = scan.bytes;
    if (scan.done && state.staged === 0) entries = scan.entries;
    else {
      const staged = stagedEntries(state, scan.entries);
      wroteUnits += (await writeAll(staged)).units;
      state.staged += staged.length;
      if (!scan.done) {
        state.notBefore = now + pauseAfter(Math.max(Math.ceil(readBytes / 10_000), wroteUnits));
        await saveBuild(state);
        return later(state.notBefore - now);
      }
      const read = await readStagedEntries(state);
      [entries, readBytes] = [read.entries, readBytes + read.bytes];
    }
  }

  let marks: Marks;
  if (state.writing) {
    const read = await readStagedMarks(state, state.writing.marks);
    [marks, readBytes] = [read.marks, readBytes + read.bytes];
  } else marks = await readAllMarks();
  const asOf = state.writing?.asOf ?? new Date().toISOString();
  const rows = rowsOf(entries, marks, Date.parse(asOf));
  if (!state.writing && entries.length <= LISTING_SETTINGS.liveShardLimit * 8) {
    // Small enough again to be read whole on every page: no snapshot.
    await writeMeta({ ...pendingMeta(entries.length), mode: 'LIVE' });
    await endBuild();
    return { done: true, scanned: state.scanned, estimate: entries.length, asOf };
  }
  const built = buildSnapshot(rows, state.gen, { readFrom: state.startedAt, asOf });
  if (state.staged > 0 && !state.writing) {
    // Written over several calls: first keep what the snapshot is built from, so each call builds the same.
    const keep = stagedMarks(state, marks);
    wroteUnits += (await writeAll(keep)).units;
    state.writing = { asOf, marks: keep.length, values: built.values.length, written: 0 };
    await saveBuild(state);
  }
  if (state.writing && state.writing.values !== built.values.length) {
    // Only a new version of the app, deployed between two calls, builds it otherwise: start again.
    log.warn('the admin listing snapshot being written came out differently; building it again');
    await endBuild();
    return later(0);
  }
  const from = state.writing?.written ?? 0;
  const budget = state.writing ? LISTING_SETTINGS.unitsPerMinute - wroteUnits : Infinity;
  const wrote = budget > 0 ? await writeAll(built.values.slice(from), KEEP_DAY, budget) : { written: 0, units: 0 };
  if (state.writing && from + wrote.written < built.values.length) {
    state.writing.written = from + wrote.written;
    state.notBefore = now + pauseAfter(Math.max(Math.ceil(readBytes / 10_000), wroteUnits + wrote.units));
    await saveBuild(state);
    return later(state.notBefore - now);
  }
  // The pointer last: a listing reads the whole new generation or the whole previous one.
  await writeMeta(built.meta);
  await endBuild();
  log.info(`the admin listing's snapshot was built: ${rows.length} connections, ${built.values.length} values`);
  return { done: true, scanned: state.scanned, estimate: rows.length, asOf };
}
