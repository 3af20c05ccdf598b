/**
 * One page of a large site's listing, from its snapshot (snapshot.ts) and the rows as stored now, in
 * at most five storage round trips:
 *
 * 1. the snapshot's pointer and the admin marks (3 small prefixes), in parallel;
 * 2. the page's matches: the filter's set of positions in the sort's order and, searching a heavy
 *    prefix, its set likewise (one batch read, ≤ 2 units each at 100,000 connections) — or, for any
 *    other search, its partition (≤ ~8 units at 100,000), which orders its rows itself (then step 3
 *    is skipped);
 * 3. the order pieces at the page's positions (128 positions each, 19 to a batch read and unit);
 * 4. the page's account hashes (id chunks);
 * 5. the page's index entries as stored now.
 *
 * Order, filters, counts and search are the snapshot's (exact as of its time); each row shows what is
 * stored now, or that it is gone. Of what a page reads, only the sets (at most N bits each) and the
 * partition (at most N/32 postings) grow with the site; never the orders.
 */
import { kvs } from '@forge/kvs';
import type { ConnectionCounts } from '../../shared/definitions';
import type { Marks } from '../../storage/admin-marks';
import { keys } from '../../storage/keys';
import { hashAt, IDS_PER_CHUNK, listingKeys, POSITIONS_PER_PIECE, readAll, type SnapshotMeta } from '../../storage/listing-snapshot';
import { unpackInts } from '../../storage/packing';
import { unpackPositions, type PackedPositions } from '../../storage/position-sets';
import { ConnectionEntry } from '../../storage/token-store';
import { LISTING_SETTINGS } from './settings';
import { matchesOf, partitionOf, type Partition } from './partition';
import { normalizeText, rowsOf, type Query, type Row } from './rows';

export interface SnapshotPage {
  rows: Row[];
  counts: ConnectionCounts;
  matched: number;
  page: number;
}

interface Found {
  matched: number;
  page: number;
  /** The page's row numbers, in order. */
  refs: number[];
}

const pageOf = (query: Query, matched: number) => Math.min(query.page, Math.max(1, Math.ceil(matched / query.pageSize)));

export async function snapshotPage(meta: SnapshotMeta, query: Query, marks: Promise<Marks>): Promise<SnapshotPage> {
  const needle = normalizeText(query.text).slice(0, LISTING_SETTINGS.termMax);
  const heavy = needle ? meta.search.prefixes.indexOf(needle) : -1;
  const found = needle && heavy < 0 ? await inPartition(meta, query, needle) : await atPositions(meta, query, heavy < 0 ? null : meta.search.sets[heavy]!);
  return { rows: await rowsNow(meta, found.refs, marks), counts: meta.counts as ConnectionCounts, matched: found.matched, page: found.page };
}

/** The page from sets of positions in the sort's order (none: every row), then those positions' pieces. */
async function atPositions(meta: SnapshotMeta, query: Query, set: number | null): Promise<Found> {
  const gen = meta.gen!;
  const n = meta.total;
  const setKeys = [...(query.health === 'ALL' ? [] : [listingKeys.filterSet(gen, query.health, query.sort)]), ...(set === null ? [] : [listingKeys.prefixSet(gen, set, query.sort)])];
  const read = setKeys.length > 0 ? await readAll(setKeys) : new Map<string, unknown>();
  let members: Uint8Array | null = null;
  for (const key of setKeys) {
    const positions = unpackPositions((read.get(key) as PackedPositions | undefined) ?? NO_POSITIONS, n);
    if (members) for (let p = 0; p < n; p++) members[p] = members[p]! & positions[p]!;
    else members = positions;
  }
  const matched = members ? members.reduce((a, b) => a + b, 0) : n;
  const page = pageOf(query, matched);
  const positions = pagePositions(members, n, meta.valued[query.sort] ?? n, query.direction, (page - 1) * query.pageSize, query.pageSize);
  return { matched, page, refs: await rowsAtPositions(meta, query.sort, positions) };
}

/** A set not found (only a generation past its day has none) holds no position. */
const NO_POSITIONS: PackedPositions = { e: 'r', k: 0, n: 0, z: '' };

/**
 * The positions of the query's order [skip, skip + take) among the members (null: all rows). The
 * i-th of the order is i ascending; descending, it is the valued part reversed, then the rows without
 * a value as in ascending (rows.ts), so one stored order answers both directions.
 */
function pagePositions(members: Uint8Array | null, n: number, valued: number, direction: 'asc' | 'desc', skip: number, take: number): number[] {
  const nth = (i: number) => (direction === 'asc' || i >= valued ? i : valued - 1 - i);
  const out: number[] = [];
  if (!members) {
    for (let i = skip; i < Math.min(n, skip + take); i++) out.push(nth(i));
    return out;
  }
  for (let i = 0; i < n && out.length < take; i++) {
    const p = nth(i);
    if (members[p] !== 1) continue;
    if (skip > 0) skip -= 1;
    else out.push(p);
  }
  return out;
}

/** Row numbers at positions of a sort key's order, from its pieces (batch reads of LISTING_SETTINGS.piecesPerRead). */
async function rowsAtPositions(meta: SnapshotMeta, sort: string, positions: readonly number[]): Promise<number[]> {
  const gen = meta.gen!;
  const pieceOf = (p: number) => Math.floor(p / POSITIONS_PER_PIECE);
  const read = await readAll(
    positions.map((p) => listingKeys.piece(gen, sort, pieceOf(p))),
    LISTING_SETTINGS.piecesPerRead,
  );
  const pieces = new Map<number, number[]>();
  return positions.map((p) => {
    const k = pieceOf(p);
    if (!pieces.has(k)) pieces.set(k, unpackInts((read.get(listingKeys.piece(gen, sort, k)) as string | undefined) ?? '', meta.width, Math.min(POSITIONS_PER_PIECE, meta.total - k * POSITIONS_PER_PIECE)));
    return pieces.get(k)![p % POSITIONS_PER_PIECE]!;
  });
}

/** The page from the search's partition: its matches in the filter, already in the sort's order. */
async function inPartition(meta: SnapshotMeta, query: Query, needle: string): Promise<Found> {
  const gen = meta.gen!;
  // Not null: the needle is not heavy, so at least the needle itself is a prefix that is not.
  const prefix = partitionOf(needle, new Set(meta.search.prefixes))!;
  const partition = (await kvs.get<Partition>(listingKeys.partition(gen, prefix))) ?? null;
  // No partition: no word starts so.
  const sortIndex = meta.sorts.indexOf(query.sort);
  const matching = partition && sortIndex >= 0 ? matchesOf(partition, sortIndex, needle, query.health, query.direction, meta.width) : [];
  const page = pageOf(query, matching.length);
  return { matched: matching.length, page, refs: matching.slice((page - 1) * query.pageSize, page * query.pageSize) };
}

/** The page's rows as stored now: hashes from the id chunks, then their index entries. */
async function rowsNow(meta: SnapshotMeta, refs: readonly number[], marksRead: Promise<Marks>): Promise<Row[]> {
  const gen = meta.gen!;
  const idKeys = refs.map((r) => listingKeys.ids(gen, Math.floor(r / IDS_PER_CHUNK)));
  const ids = await readAll(idKeys, LISTING_SETTINGS.idChunksPerRead);
  const hashes = refs.map((r) => {
    const chunk = ids.get(listingKeys.ids(gen, Math.floor(r / IDS_PER_CHUNK)));
    return typeof chunk === 'string' ? hashAt(chunk, r % IDS_PER_CHUNK) : '';
  });
  const [entries, marks] = await Promise.all([readAll(hashes.filter(Boolean).map((h) => keys.connectionOfHash(h)), LISTING_SETTINGS.rowsPerRead), marksRead]);
  const now = Date.now();
  return hashes.map((hash) => {
    const parsed = ConnectionEntry.safeParse(entries.get(keys.connectionOfHash(hash)));
    const [row] = rowsOf(parsed.success ? [{ hash, entry: parsed.data }] : [], onlyFor(marks, hash), now);
    return row ?? goneRow(hash);
  });
}

/** The marks of one account (a suspension without a token is listed, anything else is not). */
function onlyFor(marks: Marks, hash: string): Marks {
  const pick = <T>(m: Map<string, T>) => (m.has(hash) ? new Map([[hash, m.get(hash)!]]) : new Map<string, T>());
  return { suspensions: pick(marks.suspensions), notes: pick(marks.notes), mismatches: pick(marks.mismatches), queries: 0 };
}

/** Listed in the snapshot, not stored any more. */
function goneRow(hash: string): Row {
  return {
    hash,
    accountId: '',
    testkaseUser: null,
    tokenName: null,
    preview: '',
    savedAt: '',
    lastValidatedAt: null,
    lastCheckedAt: null,
    lastCheckResult: null,
    lastUsedAt: null,
    expiresAt: null,
    health: 'NOT_CHECKED',
    expiringSoon: false,
    tokenStored: false,
    suspended: null,
    note: null,
    notYours: null,
    gone: true,
  };
}

