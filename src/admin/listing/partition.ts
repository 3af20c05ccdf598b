/**
 * A search partition of the listing's snapshot: the postings of every term whose shortest prefix that
 * is not a heavy one (not stored as a set) is the same. A search that is not itself a heavy prefix
 * finds all its postings in one partition — its own shortest such prefix, which starts every word the
 * search starts — so it reads one value, found by its key: no directory to read first.
 *
 * With the postings, each distinct row's filters and the rows' order by each sort key among
 * themselves, so the search's matches are filtered and ordered exactly without reading the whole
 * order (at 100,000 connections that is 28 units). A partition holds at most N/prefixSetShare
 * postings: ~8 units at 100,000. Pure: snapshot-search.ts builds partitions, snapshot-read.ts reads one.
 */
import { packInts, unpackInts, widthFor } from '../../storage/packing';
import { FILTERS, type Filter, type SortKey } from './rows';

export interface Partition {
  /**
   * The postings' terms in term order, front-coded: a line each, the length shared with the line before
   * as one character (`0` + length: terms are at most termMax = 32 long), then the rest.
   */
  t: string;
  /** Each posting's row (packed at the snapshot's width); the distinct ones, ascending, are "the rows" below. */
  r: string;
  /** Postings, distinct rows. */
  n: number;
  u: number;
  /** Each of the rows' filters: bit i for FILTERS[i]. */
  f: string;
  /** Per sort key (in the meta's `sorts` order): how many of the rows have a value (they come first in its order). */
  v: number[];
  /** The rows (their indexes) in ascending order of each sort key, one order after the other. */
  o: string;
}

/** A row's place in one sort key's order over every row, and how many rows have a value in it. */
export interface SortOrder {
  sort: SortKey;
  /** Row number → position in the ascending order. */
  at: Int32Array;
  valued: number;
}

/** The search's partition: its shortest prefix that is not heavy (null when the search itself is heavy). */
export function partitionOf(needle: string, heavy: ReadonlySet<string>): string | null {
  for (let i = 1; i <= needle.length; i++) if (!heavy.has(needle.slice(0, i))) return needle.slice(0, i);
  return null;
}

/** '0': shared lengths 0…32 are the characters '0'…'P', none of which JSON escapes. */
const SHARED_BASE = 48;

const lcp = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

const distinct = (rows: ArrayLike<number>) => [...new Set(Array.from(rows))].sort((a, b) => a - b);

/** One partition from its postings (in term order). */
export function encodePartition(postings: readonly { term: string; row: number }[], width: number, masks: Uint8Array, orders: readonly SortOrder[]): Partition {
  const lines: string[] = [];
  let previous = '';
  for (const { term } of postings) {
    const shared = lcp(previous, term);
    lines.push(`${String.fromCharCode(SHARED_BASE + shared)}${term.slice(shared)}`);
    previous = term;
  }
  const rows = distinct(postings.map((p) => p.row));
  const u = rows.length;
  const sorted: number[] = [];
  for (const { at } of orders) {
    // By position: the position times u plus the index sorts as the position and gives the index back.
    const keys = new Float64Array(u);
    for (let i = 0; i < u; i++) keys[i] = at[rows[i]!]! * u + i;
    keys.sort();
    for (let i = 0; i < u; i++) sorted.push(keys[i]! % u);
  }
  return {
    t: lines.join('\n'),
    r: packInts(postings.map((p) => p.row), width),
    n: postings.length,
    u,
    f: packInts(rows.map((r) => masks[r]!), 8),
    v: orders.map(({ at, valued }) => rows.filter((r) => at[r]! < valued).length),
    o: packInts(sorted, widthFor(u)),
  };
}

/**
 * The row numbers of the partition's rows in the filter that the needle starts a word of, in the
 * query's order (sortIndex: the sort key's place in the meta's `sorts`).
 */
export function matchesOf(partition: Partition, sortIndex: number, needle: string, filter: Filter, direction: 'asc' | 'desc', width: number): number[] {
  const { n, u } = partition;
  const postingRows = unpackInts(partition.r, width, n);
  const rows = distinct(postingRows);
  const index = new Map(rows.map((r, i) => [r, i]));
  const hit = new Uint8Array(u);
  let previous = '';
  partition.t.split('\n').forEach((line, i) => {
    const term = previous.slice(0, line.charCodeAt(0) - SHARED_BASE) + line.slice(1);
    if (term.startsWith(needle)) hit[index.get(postingRows[i]!)!] = 1;
    previous = term;
  });
  const bit = 1 << FILTERS.indexOf(filter);
  const masks = unpackInts(partition.f, 8, u);
  const local = unpackInts(partition.o, widthFor(u), u * (sortIndex + 1)).slice(u * sortIndex);
  const valued = partition.v[sortIndex] ?? u;
  // Descending: the valued part reversed, then the rows without a value as in ascending (rows.ts).
  const inOrder = direction === 'asc' ? local : [...local.slice(0, valued).reverse(), ...local.slice(valued)];
  return inOrder.filter((i) => hit[i] === 1 && (masks[i]! & bit) !== 0).map((i) => rows[i]!);
}
