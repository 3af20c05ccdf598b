/**
 * One page of a large site's listing, from its snapshot (snapshot.ts) and the rows as stored now:
 *
 * 1. the snapshot's pointer and the admin marks (3 small prefixes), in parallel;
 * 2. the order chunks the page needs — or, to search, the search's directory and the filter's whole
 *    order in that sort (at 100,000 connections ~28 units: a row number is 17 bits);
 * 3. searching: the prefix's set of rows, or its few postings chunks;
 * 4. the page's account hashes (id chunks, 23 to a unit);
 * 5. the page's index entries as stored now (20 to a unit).
 *
 * Order, filters, counts and search are the snapshot's (exact as of its time); each row shows what is
 * stored now, or that it is gone.
 */
import { kvs } from '@forge/kvs';
import type { ConnectionCounts } from '../../shared/definitions';
import type { Marks } from '../../storage/admin-marks';
import { keys } from '../../storage/keys';
import { IDS_PER_CHUNK, listingKeys, readAll, type SnapshotMeta } from '../../storage/listing-snapshot';
import { unpackInts, unpackSet } from '../../storage/packing';
import { ConnectionEntry } from '../../storage/token-store';
import { LISTING_SETTINGS } from './settings';
import { decodeTerms, type PostingsChunk } from './snapshot';
import { normalizeText, rowsOf, type Query, type Row } from './rows';

export interface SnapshotPage {
  rows: Row[];
  counts: ConnectionCounts;
  matched: number;
  page: number;
}

/** Ascending positions of the descending order's positions [from, to): the valued part reversed, then the rest. */
function ascendingPositions(from: number, to: number, direction: 'asc' | 'desc', valued: number): number[] {
  const out: number[] = [];
  for (let p = from; p < to; p++) out.push(direction === 'asc' || p >= valued ? p : valued - 1 - p);
  return out;
}

async function orderChunks(meta: SnapshotMeta, query: Query, chunks: readonly number[]): Promise<Map<number, number[]>> {
  const size = meta.filters[query.health]!.size;
  const read = await Promise.all(chunks.map((k) => kvs.get<string>(listingKeys.order(meta.gen!, query.health, query.sort, k))));
  const out = new Map<number, number[]>();
  chunks.forEach((k, i) => out.set(k, unpackInts(read[i] ?? '', meta.width, Math.min(meta.perChunk, size - k * meta.perChunk))));
  return out;
}

/** The rows the search's normalized needle starts a word of, as row numbers. */
async function searchRows(meta: SnapshotMeta, needle: string): Promise<Set<number>> {
  const gen = meta.gen!;
  const set = meta.search.prefixSets.indexOf(needle);
  if (set >= 0) return unpackSet((await kvs.get<string>(listingKeys.prefixSet(gen, set))) ?? '', meta.total);
  const directory = (await kvs.get<string[]>(listingKeys.searchDirectory(gen))) ?? [];
  // The chunks whose terms may start with the needle: from the last one starting at or before it.
  let first = 0;
  for (let lo = 0, hi = directory.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (directory[mid]! <= needle) {
      first = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const chunks: number[] = [];
  const upper = `${needle}\uffff`;
  for (let k = first; k < directory.length && (k === first || directory[k]! < upper); k++) chunks.push(k);
  const read = await Promise.all(chunks.map((k) => kvs.get<PostingsChunk>(listingKeys.postings(gen, k))));
  const found = new Set<number>();
  for (const chunk of read) {
    if (!chunk) continue;
    const terms = decodeTerms(chunk);
    const refs = unpackInts(chunk.r, meta.width, chunk.n);
    terms.forEach((t, i) => {
      if (t.startsWith(needle)) found.add(refs[i]!);
    });
  }
  return found;
}

export async function snapshotPage(meta: SnapshotMeta, query: Query, marks: Promise<Marks>): Promise<SnapshotPage> {
  const filter = meta.filters[query.health]!;
  const valued = filter.valued[query.sort] ?? filter.size;
  const needle = normalizeText(query.text).slice(0, LISTING_SETTINGS.termMax);
  let matched: number;
  let pageRefs: number[];
  let page: number;
  if (!needle) {
    matched = filter.size;
    page = Math.min(query.page, Math.max(1, Math.ceil(matched / query.pageSize)));
    const positions = ascendingPositions((page - 1) * query.pageSize, Math.min(matched, page * query.pageSize), query.direction, valued);
    const chunkOf = (p: number) => Math.floor(p / meta.perChunk);
    const chunks = await orderChunks(meta, query, [...new Set(positions.map(chunkOf))]);
    pageRefs = positions.map((p) => chunks.get(chunkOf(p))![p % meta.perChunk]!);
  } else {
    const all = Array.from({ length: Math.ceil(filter.size / meta.perChunk) }, (_, k) => k);
    const [order, hits] = await Promise.all([orderChunks(meta, query, all), searchRows(meta, needle)]);
    const asc = all.flatMap((k) => order.get(k)!);
    const inOrder = query.direction === 'asc' ? asc : [...asc.slice(0, valued).reverse(), ...asc.slice(valued)];
    const found = inOrder.filter((ref) => hits.has(ref));
    matched = found.length;
    page = Math.min(query.page, Math.max(1, Math.ceil(matched / query.pageSize)));
    pageRefs = found.slice((page - 1) * query.pageSize, page * query.pageSize);
  }
  return { rows: await rowsNow(meta, pageRefs, marks), counts: meta.counts as ConnectionCounts, matched, page };
}

/** The page's rows as stored now: hashes from the id chunks, then their index entries. */
async function rowsNow(meta: SnapshotMeta, refs: readonly number[], marksRead: Promise<Marks>): Promise<Row[]> {
  const gen = meta.gen!;
  const idKeys = refs.map((r) => listingKeys.ids(gen, Math.floor(r / IDS_PER_CHUNK)));
  const ids = await readAll(idKeys, LISTING_SETTINGS.idChunksPerRead);
  const hashes = refs.map((r) => {
    const chunk = ids.get(listingKeys.ids(gen, Math.floor(r / IDS_PER_CHUNK)));
    const at = (r % IDS_PER_CHUNK) * 40;
    return typeof chunk === 'string' ? chunk.slice(at, at + 40) : '';
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

