/**
 * The snapshot's search (pure): the postings — every word start of every searched text, cut to
 * LISTING_SETTINGS.termMax characters — sorted by term; the prefixes that start many words ("heavy":
 * reading their postings would cost more than a set), each stored per sort key as the set of its rows'
 * positions in that order; and every other posting in its partition (partition.ts).
 */
import { listingKeys, type SnapshotMeta } from '../../storage/listing-snapshot';
import { packPositions } from '../../storage/position-sets';
import { encodePartition, partitionOf, type SortOrder } from './partition';
import { normalizeText, searchedTexts, wordStarts, type Row } from './rows';
import { LISTING_SETTINGS } from './settings';

interface Posting {
  term: string;
  row: number;
}

/** The search's terms of one row: each word start of each text, cut to termMax, once each. */
function termsOf(row: Row): string[] {
  const terms = new Set<string>();
  for (const text of searchedTexts(row)) {
    const normalized = normalizeText(text);
    for (const p of wordStarts(normalized)) terms.add(normalized.slice(p, p + LISTING_SETTINGS.termMax));
  }
  return [...terms];
}

/** Rows as their ascending positions in one order. */
export const positionsOf = (rows: Int32Array, order: SortOrder) => rows.map((row) => order.at[row]!).sort();

/** The first index in [from, to) where `holds` stops holding (it holds for a leading run, then never). */
function endOfRun(from: number, to: number, holds: (i: number) => boolean): number {
  let [lo, hi] = [from, to];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The prefixes that start more postings than 1/prefixSetShare of the rows, as ranges of the sorted
 * postings (a prefix's postings are contiguous: found by binary search, not by walking them). Only a
 * heavy prefix can have heavy extensions, so the set of them is closed under prefixes.
 */
function heavyPrefixes(postings: readonly Posting[], rows: number): { prefix: string; from: number; to: number }[] {
  const heavyAbove = Math.max(1, Math.floor(rows / LISTING_SETTINGS.prefixSetShare));
  const found: { prefix: string; from: number; to: number }[] = [];
  const visit = (from: number, to: number, depth: number) => {
    if (depth > LISTING_SETTINGS.termMax) return;
    // Within a prefix of depth − 1 the terms that are that prefix itself sort first.
    let i = endOfRun(from, to, (k) => postings[k]!.term.length < depth);
    while (i < to) {
      const prefix = postings[i]!.term.slice(0, depth);
      const j = endOfRun(i, to, (k) => postings[k]!.term.startsWith(prefix));
      if (j - i > heavyAbove && found.length < LISTING_SETTINGS.maxPrefixSets) {
        found.push({ prefix, from: i, to: j });
        visit(i, j, depth + 1);
      }
      i = j;
    }
  };
  visit(0, postings.length, 1);
  return found;
}

export function buildSearch(rows: readonly Row[], gen: string, orders: readonly SortOrder[], masks: Uint8Array, width: number, values: [string, unknown][]): SnapshotMeta['search'] {
  // Sorted by term, then row: each distinct term once (a native string sort), its rows in row order.
  const rowsOfTerm = new Map<string, number[]>();
  rows.forEach((r, row) => {
    for (const term of termsOf(r)) {
      const list = rowsOfTerm.get(term);
      if (list) list.push(row);
      else rowsOfTerm.set(term, [row]);
    }
  });
  const postings: Posting[] = [];
  for (const term of [...rowsOfTerm.keys()].sort()) for (const row of rowsOfTerm.get(term)!) postings.push({ term, row });

  // Each heavy prefix's rows, per sort key; prefixes that start the same rows share one stored set.
  const heavy = heavyPrefixes(postings, rows.length);
  const stored = new Map<string, number>();
  const seen = new Int32Array(rows.length).fill(-1);
  const sets = heavy.map(({ from, to }, h) => {
    const members: number[] = [];
    for (let i = from; i < to; i++) {
      const row = postings[i]!.row;
      if (seen[row] !== h) members.push(row);
      seen[row] = h;
    }
    const member = Int32Array.from(members);
    const pack = (order: SortOrder) => packPositions(positionsOf(member, order), rows.length);
    const first = pack(orders[0]!);
    // Positions in one order name the rows exactly (an order is a permutation): equal sets, equal text.
    const same = `${first.e}${first.n}:${first.z}`;
    const known = stored.get(same);
    if (known !== undefined) return known;
    const set = stored.size;
    stored.set(same, set);
    orders.forEach((order, k) => values.push([listingKeys.prefixSet(gen, set, order.sort), k === 0 ? first : pack(order)]));
    return set;
  });

  // Every other posting in its partition: postings of one partition are contiguous in term order.
  const isHeavy = new Set(heavy.map((h) => h.prefix));
  let i = 0;
  while (i < postings.length) {
    const partition = partitionOf(postings[i]!.term, isHeavy);
    let j = i + 1;
    while (j < postings.length && partition !== null && postings[j]!.term.startsWith(partition)) j++;
    // A term whose every prefix is heavy is found by those prefixes' sets alone.
    if (partition !== null) {
      values.push([listingKeys.partition(gen, partition), encodePartition(postings.slice(i, j), width, masks, orders)]);
    }
    i = j;
  }
  return { prefixes: heavy.map((h) => h.prefix), sets };
}
