/**
 * A snapshot of the listing, computed from every row at once (pure): the counts; every row in each
 * sort key's ascending order, in small pieces; each filter's rows as positions in each order; and the
 * search (snapshot-search.ts). A page finds the positions of its rows — from a filter's set, a heavy
 * search's set, or a search partition — and reads only those positions' pieces (snapshot-read.ts).
 * snapshot-build.ts stores it.
 */
import type { ConnectionCounts } from '../../shared/definitions';
import { packInts, widthFor } from '../../storage/packing';
import { packPositions } from '../../storage/position-sets';
import { IDS_PER_CHUNK, listingKeys, packHashes, POSITIONS_PER_PIECE, type SnapshotMeta } from '../../storage/listing-snapshot';
import type { SortOrder } from './partition';
import { buildSearch, positionsOf } from './snapshot-search';
import { ascendingIndexes, countsOf, FILTERS, inFilter, SORT_KEYS, sortValue, type Row } from './rows';

export interface BuiltSnapshot {
  meta: SnapshotMeta;
  values: [string, unknown][];
}

export function buildSnapshot(unsorted: readonly Row[], gen: string, times: { readFrom: string; asOf: string }): BuiltSnapshot {
  const rows = [...unsorted].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const n = rows.length;
  const width = widthFor(n);
  const values: [string, unknown][] = [];

  // Row numbers → account hashes.
  for (let k = 0; k * IDS_PER_CHUNK < n; k++) values.push([listingKeys.ids(gen, k), packHashes(rows.slice(k * IDS_PER_CHUNK, (k + 1) * IDS_PER_CHUNK).map((r) => r.hash))]);

  // Each row's filters (bit i: FILTERS[i]), read by the filters' sets here and by the search's partitions.
  const masks = Uint8Array.from(rows, (r) => FILTERS.reduce((mask, f, i) => (inFilter(r, f) ? mask | (1 << i) : mask), 0));
  const orders: SortOrder[] = SORT_KEYS.map((sort) => {
    const order = Int32Array.from(ascendingIndexes(rows, sort));
    for (let k = 0; k * POSITIONS_PER_PIECE < n; k++) values.push([listingKeys.piece(gen, sort, k), packInts(order.subarray(k * POSITIONS_PER_PIECE, (k + 1) * POSITIONS_PER_PIECE), width)]);
    const at = new Int32Array(n);
    order.forEach((row, position) => (at[row] = position));
    return { sort, at, valued: rows.filter((r) => sortValue(r, sort) !== null).length };
  });
  FILTERS.forEach((filter, i) => {
    if (filter === 'ALL') return;
    const members = Int32Array.from(masks.keys()).filter((row) => (masks[row]! & (1 << i)) !== 0);
    for (const order of orders) values.push([listingKeys.filterSet(gen, filter, order.sort), packPositions(positionsOf(members, order), n)]);
  });

  const search = buildSearch(rows, gen, orders, masks, width, values);
  const counts: ConnectionCounts = countsOf(rows);
  return {
    meta: { mode: 'SNAPSHOT', total: n, gen, asOf: times.asOf, readFrom: times.readFrom, counts, width, valued: Object.fromEntries(orders.map((o) => [o.sort, o.valued])), sorts: [...SORT_KEYS], search },
    values,
  };
}
