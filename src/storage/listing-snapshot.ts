/**
 * The admin listing's snapshot of a large site, in Forge storage (`lst:` keys; see docs/storage.md
 * "The listing snapshot"). A snapshot is a generation of values written once and kept a day (a time to
 * live), then a pointer (`lst:meta`) to it replaced in one write, so a listing reads one whole
 * generation or the previous one, never a mix:
 *
 * - `lst:meta`: the mode (LIVE for a small site, read whole; SNAPSHOT), the generation, when it was
 *   built, the counts, each sort key's number of valued rows, the search's prefixes stored as sets;
 * - `lst:<gen>:id:<k>`: the account hashes of rows 10k…10k+9 (rows are numbered in hash order);
 * - `lst:<gen>:p:<sort>:<k>`: every row in ascending order of a sort key, 128 positions a piece, packed;
 * - `lst:<gen>:f:<filter>:<sort>`: a filter's rows as positions in that order (position-sets.ts);
 * - `lst:<gen>:h:<i>:<sort>`: the rows a heavy search prefix starts a word of, likewise;
 * - `lst:<gen>:q:<hex>`: the postings of every other search, partitioned by their shortest prefix that
 *   is not a heavy one (in hex), with their rows' filters and order by each sort key (partition.ts);
 * - `lst:build`, `lst:build:<gen>:st:<n>`, `lst:build:<gen>:mk:<n>`: a build in progress, continued over
 *   invocations, with the rows it read and the admin marks it is written with (the worker lease
 *   `lst:build:worker` lets one call at a time work on it).
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { decodeZ85, encodeZ85 } from './packing';

export const KEEP_DAY = { ttl: { value: 1, unit: 'DAYS' as const } };

/**
 * A text as the hex of its UTF-16 code units: a search prefix may end half-way through a surrogate
 * pair, and UTF-8 would write every such half alike (U+FFFD).
 */
const hex16 = (text: string) => Array.from({ length: text.length }, (_, i) => text.charCodeAt(i).toString(16).padStart(4, '0')).join('');

export const listingKeys = {
  meta: 'lst:meta',
  build: 'lst:build',
  buildWorker: 'lst:build:worker',
  staged: (gen: string, n: number) => `lst:build:${gen}:st:${n}`,
  stagedMarks: (gen: string, n: number) => `lst:build:${gen}:mk:${n}`,
  ids: (gen: string, k: number) => `lst:${gen}:id:${k}`,
  piece: (gen: string, sort: string, k: number) => `lst:${gen}:p:${sort}:${k}`,
  filterSet: (gen: string, filter: string, sort: string) => `lst:${gen}:f:${filter}:${sort}`,
  prefixSet: (gen: string, set: number, sort: string) => `lst:${gen}:h:${set}:${sort}`,
  partition: (gen: string, prefix: string) => `lst:${gen}:q:${hex16(prefix)}`,
};

/** Hashes per id chunk. */
export const IDS_PER_CHUNK = 10;

/**
 * An id chunk's text: each account hash (40 hex, keys.ts) as its 20 bytes in Z85, 25 characters
 * instead of 40, so a batch read of a page's id chunks holds more of them within a unit.
 */
export const packHashes = (hashes: readonly string[]) => encodeZ85(Buffer.from(hashes.join(''), 'hex'));
export const hashAt = (chunk: string, i: number) => Buffer.from(decodeZ85(chunk.slice(i * 25, i * 25 + 25), 20)).toString('hex');

/**
 * Positions per order piece: a page's rows can be anywhere in the order (a search's matches, a small
 * filter), so pieces are small (~350 characters at 100,000 rows; 19 to a one-unit batch read), yet not
 * so small that their number makes the build's writes many small transactions.
 */
export const POSITIONS_PER_PIECE = 128;

const Counts = z.record(z.string(), z.number());
/** A pointer of an earlier layout does not parse: the page then says it builds, and a new one is built. */
export const SnapshotMeta = z.object({
  mode: z.enum(['LIVE', 'SNAPSHOT']),
  /** Connections at the last count (a live listing or a build). */
  total: z.number(),
  gen: z.string().nullable(),
  asOf: z.string().nullable(),
  /** When the build began reading (the snapshot is of the index between this and asOf). */
  readFrom: z.string().nullable(),
  counts: Counts,
  /** Bits per row number in the packed orders and partitions. */
  width: z.number(),
  /** Per sort key, how many rows have a value: they come first in its ascending order, the rest last. */
  valued: z.record(z.string(), z.number()),
  /** The sort keys in the order the search partitions list theirs. */
  sorts: z.array(z.string()),
  /**
   * The search's heavy prefixes (each stored as a set) and which set each one is: prefixes that start
   * the same words ("acm", "acme") share one. Any other search reads its partition.
   */
  search: z.object({ prefixes: z.array(z.string()), sets: z.array(z.number()) }),
});
export type SnapshotMeta = z.infer<typeof SnapshotMeta>;

/** The pointer before any snapshot exists (or of a small, live site). */
export function pendingMeta(total: number): SnapshotMeta {
  return { mode: 'SNAPSHOT', total, gen: null, asOf: null, readFrom: null, counts: {}, width: 1, valued: {}, sorts: [], search: { prefixes: [], sets: [] } };
}

export async function readMeta(): Promise<SnapshotMeta | undefined> {
  const parsed = SnapshotMeta.safeParse(await kvs.get(listingKeys.meta));
  return parsed.success ? parsed.data : undefined;
}

export async function writeMeta(meta: SnapshotMeta): Promise<void> {
  await kvs.set(listingKeys.meta, meta);
}

/** A transaction's payload stays under Forge's 4 MB with room for its framing. */
const TRANSACTION_BYTES = 3_500_000;
/** A transaction's framing of each value (operation, key quotes, time to live), a generous estimate. */
const FRAMING_BYTES = 100;

/**
 * Values many at a time: ≤ 25 and < 4 MB a transaction (Forge's limits), several transactions at once,
 * in order, until the next transaction would take the write units (each charged by its size, rounded up
 * to 10 KB) over `budgetUnits` — but at least one, so every call with a budget gets on. Answers how
 * many values it wrote and the units they cost. A snapshot's values are new keys of a new generation:
 * nothing else writes them, and writing one again writes the same.
 */
export async function writeAll(values: readonly (readonly [string, unknown])[], options = KEEP_DAY, budgetUnits = Infinity, parallel = 8): Promise<{ written: number; units: number }> {
  const groups: { values: (readonly [string, unknown])[]; bytes: number }[] = [];
  let group: (typeof groups)[number] = { values: [], bytes: 0 };
  for (const value of values) {
    const size = Buffer.byteLength(JSON.stringify(value[1]), 'utf8') + value[0].length + FRAMING_BYTES;
    if (group.values.length > 0 && (group.values.length === 25 || group.bytes + size > TRANSACTION_BYTES)) {
      groups.push(group);
      group = { values: [], bytes: 0 };
    }
    group.values.push(value);
    group.bytes += size;
  }
  if (group.values.length > 0) groups.push(group);
  let [take, units] = [0, 0];
  for (const { bytes } of groups) {
    const cost = Math.max(1, Math.ceil(bytes / 10_000));
    if (take > 0 && units + cost > budgetUnits) break;
    take += 1;
    units += cost;
  }
  for (let i = 0; i < take; i += parallel) {
    await Promise.all(
      groups.slice(i, Math.min(take, i + parallel)).map(({ values: group }) => {
        let tx = kvs.transact();
        for (const [key, value] of group) tx = tx.set(key, value, undefined, options);
        return tx.execute();
      }),
    );
  }
  return { written: groups.slice(0, take).reduce((n, g) => n + g.values.length, 0), units };
}

/**
 * Values by key, in batch reads of at most `perRequest` keys (Forge: ≤ 25), all at once: a read is
 * charged by its answer's size rounded up to 10 KB, so callers size `perRequest` to stay under one unit.
 */
export async function readAll(keys: readonly string[], perRequest = 25): Promise<Map<string, unknown>> {
  const unique = [...new Set(keys)];
  const found = new Map<string, unknown>();
  const groups: string[][] = [];
  for (let i = 0; i < unique.length; i += perRequest) groups.push(unique.slice(i, i + perRequest));
  const answers = await Promise.all(groups.map((group) => kvs.batchGet(group.map((key) => ({ key })))));
  for (const answer of answers) for (const item of answer.successfulKeys) found.set(item.key, item.value);
  return found;
}

export const BuildState = z.object({
  gen: z.string(),
  by: z.string(),
  startedAt: z.string(),
  /** Per index shard: where its reading goes on (a cursor), null when it starts, 'DONE' when read. */
  cursors: z.record(z.string(), z.string().nullable()),
  scanned: z.number(),
  /** Staged chunks written so far (each holds the rows one call read). */
  staged: z.number(),
  /** The earliest the next call may read more (the build keeps to its share of the storage quota). */
  notBefore: z.number(),
  /** The number of connections at the last count, to say how far the build got. */
  estimate: z.number().nullable(),
  /**
   * Once every row is read, when the snapshot takes more than one call's share of writes: its time,
   * the admin marks it is built with (staged like the rows), its number of values and how many are
   * written — so each call computes the very same snapshot and writes on where the last one stopped.
   */
  writing: z.object({ asOf: z.string(), marks: z.number(), values: z.number(), written: z.number() }).optional(),
});
export type BuildState = z.infer<typeof BuildState>;

export async function readBuild(): Promise<BuildState | undefined> {
  const parsed = BuildState.safeParse(await kvs.get(listingKeys.build));
  return parsed.success ? parsed.data : undefined;
}

/** Only the holder of the build's worker lease writes it. */
export async function saveBuild(state: BuildState): Promise<void> {
  await kvs.set(listingKeys.build, state, KEEP_DAY);
}

export async function endBuild(): Promise<void> {
  await kvs.delete(listingKeys.build);
}
