/**
 * A snapshot of the listing, computed from every row at once (pure): the counts, each filter's rows in
 * ascending order of each sort key, and the search's postings — every word start of every searched
 * text, cut to LISTING_SETTINGS.termMax characters, sorted — with the prefixes that start many words
 * kept as sets of rows. snapshot-build.ts stores it; snapshot-read.ts answers pages from it.
 */
import type { ConnectionCounts } from '../../shared/definitions';
import { packInts, packSet, widthFor, BYTES_PER_UNIT_VALUE } from '../../storage/packing';
import { IDS_PER_CHUNK, listingKeys, type SnapshotMeta } from '../../storage/listing-snapshot';
import { LISTING_SETTINGS } from './settings';
import { ascending, countsOf, FILTERS, inFilter, normalizeText, searchedTexts, SORT_KEYS, sortValue, wordStarts, type Row } from './rows';

export interface BuiltSnapshot {
  meta: SnapshotMeta;
  values: [string, unknown][];
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

/** Shared-prefix length of two strings. */
const lcp = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** Postings chunk: the terms front-coded (`<shared prefix length, base 36>|<rest>` a line) and their rows packed. */
export interface PostingsChunk {
  t: string;
  r: string;
  n: number;
}

export function decodeTerms(chunk: PostingsChunk): string[] {
  const terms: string[] = [];
  let previous = '';
  for (const line of chunk.t.split('\n')) {
    const bar = line.indexOf('|');
    const term = previous.slice(0, parseInt(line.slice(0, bar), 36)) + line.slice(bar + 1);
    terms.push(term);
    previous = term;
  }
  return terms;
}

export function buildSnapshot(unsorted: readonly Row[], gen: string, times: { readFrom: string; asOf: string }): BuiltSnapshot {
  const rows = [...unsorted].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const n = rows.length;
  const width = widthFor(n);
  const perChunk = Math.max(1, Math.floor((BYTES_PER_UNIT_VALUE * 8) / width));
  const values: [string, unknown][] = [];

  // Row numbers → account hashes.
  for (let k = 0; k * IDS_PER_CHUNK < n; k++) values.push([listingKeys.ids(gen, k), rows.slice(k * IDS_PER_CHUNK, (k + 1) * IDS_PER_CHUNK).map((r) => r.hash).join('')]);

  // Each sort key's ascending order over every row, then each filter's rows in it (a subset keeps the order).
  const filters: SnapshotMeta['filters'] = {};
  const index = new Map(rows.map((r, i) => [r, i]));
  const members = new Map(FILTERS.map((f) => [f, new Uint8Array(n)] as const));
  rows.forEach((r, i) => {
    for (const f of FILTERS) if (inFilter(r, f)) members.get(f)![i] = 1;
  });
  for (const f of FILTERS) filters[f] = { size: members.get(f)!.reduce((a, b) => a + b, 0), valued: {} };
  for (const sort of SORT_KEYS) {
    const order = [...rows].sort(ascending(sort)).map((r) => index.get(r)!);
    for (const f of FILTERS) {
      const inIt = members.get(f)!;
      const refs = order.filter((i) => inIt[i] === 1);
      filters[f]!.valued[sort] = refs.filter((i) => sortValue(rows[i]!, sort) !== null).length;
      for (let k = 0; k * perChunk < refs.length; k++) values.push([listingKeys.order(gen, f, sort, k), packInts(refs.slice(k * perChunk, (k + 1) * perChunk), width)]);
    }
  }

  const search = buildSearch(rows, gen, width, values);
  const counts: ConnectionCounts = countsOf(rows);
  return {
    meta: { mode: 'SNAPSHOT', total: n, gen, asOf: times.asOf, readFrom: times.readFrom, counts, width, perChunk, filters, search },
    values,
  };
}

/** The postings in chunks of about one storage unit, their directory, and the prefixes stored as sets. */
function buildSearch(rows: readonly Row[], gen: string, width: number, values: [string, unknown][]): SnapshotMeta['search'] {
  const postings: { term: string; row: number }[] = [];
  rows.forEach((r, row) => {
    for (const term of termsOf(r)) postings.push({ term, row });
  });
  postings.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.row - b.row));

  // Chunks of about one unit: front-coded terms plus packed rows.
  const directory: string[] = [];
  let start = 0;
  while (start < postings.length) {
    let bytes = 0;
    let end = start;
    const lines: string[] = [];
    let previous = '';
    while (end < postings.length && bytes < BYTES_PER_UNIT_VALUE) {
      const term = postings[end]!.term;
      const shared = lcp(previous, term);
      const line = `${shared.toString(36)}|${term.slice(shared)}`;
      lines.push(line);
      bytes += Buffer.byteLength(line, 'utf8') + 1 + width / 8 + 2;
      previous = term;
      end += 1;
    }
    const chunk: PostingsChunk = { t: lines.join('\n'), r: packInts(postings.slice(start, end).map((p) => p.row), width), n: end - start };
    values.push([listingKeys.postings(gen, directory.length), chunk]);
    directory.push(postings[start]!.term);
    start = end;
  }
  values.push([listingKeys.searchDirectory(gen), directory]);

  // Prefixes that start too many postings to read are kept as sets of rows. A prefix's postings are
  // contiguous in term order; only a heavy prefix can have heavy extensions.
  // More postings than 1/prefixSetShare of the rows: reading them would cost more than the set of rows.
  const heavyAbove = Math.max(1, Math.floor(rows.length / LISTING_SETTINGS.prefixSetShare));
  const prefixSets: string[] = [];
  const visit = (from: number, to: number, depth: number) => {
    if (depth > LISTING_SETTINGS.termMax || prefixSets.length >= LISTING_SETTINGS.maxPrefixSets) return;
    let i = from;
    while (i < to) {
      const term = postings[i]!.term;
      if (term.length < depth) {
        i += 1;
        continue;
      }
      const prefix = term.slice(0, depth);
      let j = i + 1;
      while (j < to && postings[j]!.term.startsWith(prefix)) j++;
      if (j - i > heavyAbove && prefixSets.length < LISTING_SETTINGS.maxPrefixSets) {
        values.push([listingKeys.prefixSet(gen, prefixSets.length), packSet(postings.slice(i, j).map((p) => p.row), rows.length)]);
        prefixSets.push(prefix);
        visit(i, j, depth + 1);
      }
      i = j;
    }
  };
  visit(0, postings.length, 1);
  return { postings: postings.length, chunks: directory.length, prefixSets };
}
