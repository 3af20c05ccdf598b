/**
 * The admin listing's snapshot of a large site, in Forge storage (`lst:` keys; see docs/storage.md
 * "The listing snapshot"). A snapshot is a generation of values written once and kept a day (a time to
 * live), then a pointer (`lst:meta`) to it replaced in one write, so a listing reads one whole
 * generation or the previous one, never a mix:
 *
 * - `lst:meta`: the mode (LIVE for a small site, read whole; SNAPSHOT), the generation, when it was
 *   built, the counts, each filter's size and each order's number of valued rows, the search's directory
 *   sizes and prefixes stored as sets;
 * - `lst:<gen>:id:<k>`: the account hashes of rows 10k…10k+9 (rows are numbered in hash order);
 * - `lst:<gen>:o:<filter>:<sort>:<k>`: a filter's rows in ascending order of a sort key, packed;
 * - `lst:<gen>:sd`, `lst:<gen>:sp:<k>`, `lst:<gen>:sh:<i>`: the search's directory, its postings (every
 *   word start of every searched text, sorted) and, for prefixes that start many words, their sets;
 * - `lst:build`, `lst:build:st:<n>`: a build in progress, continued over invocations (the worker lease
 *   `lst:build:worker` lets one call at a time work on it).
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';

export const KEEP_DAY = { ttl: { value: 1, unit: 'DAYS' as const } };

export const listingKeys = {
  meta: 'lst:meta',
  build: 'lst:build',
  buildWorker: 'lst:build:worker',
  staged: (gen: string, n: number) => `lst:build:${gen}:st:${n}`,
  ids: (gen: string, k: number) => `lst:${gen}:id:${k}`,
  order: (gen: string, filter: string, sort: string, k: number) => `lst:${gen}:o:${filter}:${sort}:${k}`,
  searchDirectory: (gen: string) => `lst:${gen}:sd`,
  postings: (gen: string, k: number) => `lst:${gen}:sp:${k}`,
  prefixSet: (gen: string, i: number) => `lst:${gen}:sh:${i}`,
};

/** Hashes per id chunk: 10 × 40 hex, so ~23 chunks fit one 10 KB batch read. */
export const IDS_PER_CHUNK = 10;

const Counts = z.record(z.string(), z.number());
export const SnapshotMeta = z.object({
  mode: z.enum(['LIVE', 'SNAPSHOT']),
  /** Connections at the last count (a live listing or a build). */
  total: z.number(),
  gen: z.string().nullable(),
  asOf: z.string().nullable(),
  /** When the build began reading (the snapshot is of the index between this and asOf). */
  readFrom: z.string().nullable(),
  counts: Counts,
  /** Bits per row number in the packed orders and sets. */
  width: z.number(),
  /** Rows per order chunk. */
  perChunk: z.number(),
  /** Per filter: its size, and per sort key how many of its rows have a value (the rest sort last). */
  filters: z.record(z.string(), z.object({ size: z.number(), valued: z.record(z.string(), z.number()) })),
  search: z.object({ postings: z.number(), chunks: z.number(), prefixSets: z.array(z.string()) }),
});
export type SnapshotMeta = z.infer<typeof SnapshotMeta>;

/** The pointer before any snapshot exists (or of a small, live site). */
export function pendingMeta(total: number): SnapshotMeta {
  return { mode: 'SNAPSHOT', total, gen: null, asOf: null, readFrom: null, counts: {}, width: 1, perChunk: 1, filters: {}, search: { postings: 0, chunks: 0, prefixSets: [] } };
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

/**
 * Values many at a time: ≤ 25 and < 4 MB a transaction (Forge's limits), several transactions at once.
 * A snapshot's values are new keys of a new generation: nothing else writes them.
 */
export async function writeAll(values: readonly (readonly [string, unknown])[], options = KEEP_DAY, parallel = 8): Promise<void> {
  const groups: (readonly [string, unknown])[][] = [];
  let group: (readonly [string, unknown])[] = [];
  let bytes = 0;
  for (const value of values) {
    const size = Buffer.byteLength(JSON.stringify(value[1]), 'utf8') + value[0].length;
    if (group.length > 0 && (group.length === 25 || bytes + size > TRANSACTION_BYTES)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(value);
    bytes += size;
  }
  if (group.length > 0) groups.push(group);
  for (let i = 0; i < groups.length; i += parallel) {
    await Promise.all(
      groups.slice(i, i + parallel).map((group) => {
        let tx = kvs.transact();
        for (const [key, value] of group) tx = tx.set(key, value, undefined, options);
        return tx.execute();
      }),
    );
  }
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
