/**
 * What a listing build keeps between its calls (snapshot-build.ts): the index entries each call read,
 * and — once it writes the snapshot over several calls — the admin marks it is built with, so every
 * call computes the same snapshot. Compact: an entry's fields in a fixed order, times in base 36.
 */
import { kvs } from '@forge/kvs';
import type { AdminNote, Marks, Mismatch, Suspension } from '../../storage/admin-marks';
import type { IndexedEntry } from '../../storage/connection-index';
import { listingKeys, type BuildState } from '../../storage/listing-snapshot';
import type { ConnectionEntry } from '../../storage/token-store';

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

/** Bytes of staged items per value (~200 bytes an entry), well within Forge's 240 KiB. */
const STAGED_BYTES = 200_000;

/** Items in values of at most STAGED_BYTES, keyed from `first` on. */
function chunked(items: readonly unknown[], key: (n: number) => string, first: number): [string, unknown][] {
  const values: [string, unknown][] = [];
  let batch: unknown[] = [];
  let bytes = 0;
  const flush = () => {
    if (batch.length > 0) values.push([key(first + values.length), batch]);
    batch = [];
    bytes = 0;
  };
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item), 'utf8');
    if (bytes + size > STAGED_BYTES) flush();
    batch.push(item);
    bytes += size;
  }
  flush();
  return values;
}

/** The values that keep entries read by one call, after the `state.staged` kept before. */
export const stagedEntries = (state: BuildState, entries: readonly IndexedEntry[]) => chunked(entries.map(stage), (n) => listingKeys.staged(state.gen, n), state.staged);

/** Every staged value of a kind, read at once; with the bytes read (the build paces itself by them). */
async function readChunks<T>(count: number, key: (n: number) => string): Promise<{ items: T[]; bytes: number }> {
  const values = await Promise.all(Array.from({ length: count }, (_, n) => kvs.get<T[]>(key(n))));
  return { items: values.flatMap((v) => v ?? []), bytes: values.reduce((sum, v) => sum + Buffer.byteLength(JSON.stringify(v ?? null), 'utf8'), 0) };
}

export async function readStagedEntries(state: BuildState): Promise<{ entries: IndexedEntry[]; bytes: number }> {
  const { items, bytes } = await readChunks<Staged>(state.staged, (n) => listingKeys.staged(state.gen, n));
  return { entries: items.map(unstage), bytes };
}

type StagedMark = ['s' | 'n' | 'm', string, unknown];

export const stagedMarks = (state: BuildState, marks: Marks) =>
  chunked(
    [...[...marks.suspensions].map(([h, v]): StagedMark => ['s', h, v]), ...[...marks.notes].map(([h, v]): StagedMark => ['n', h, v]), ...[...marks.mismatches].map(([h, v]): StagedMark => ['m', h, v])],
    (n) => listingKeys.stagedMarks(state.gen, n),
    0,
  );

export async function readStagedMarks(state: BuildState, count: number): Promise<{ marks: Marks; bytes: number }> {
  const { items, bytes } = await readChunks<StagedMark>(count, (n) => listingKeys.stagedMarks(state.gen, n));
  const of = <T>(kind: StagedMark[0]) => new Map(items.filter((m) => m[0] === kind).map(([, hash, value]) => [hash, value as T]));
  return { marks: { suspensions: of<Suspension>('s'), notes: of<AdminNote>('n'), mismatches: of<Mismatch>('m'), queries: 0 }, bytes };
}
