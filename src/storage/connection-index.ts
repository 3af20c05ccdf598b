/**
 * The connection index as a whole, for the Jira admin page: every user's entry (`conn:<hash>`, written
 * by token-store.ts; never a token). Forge's key-value store can only list keys by prefix, 100 at a
 * time, so the index is read as its 16 one-hex-digit shards in parallel, each page after page.
 *
 * - `readIndex`: all of it (a "check all" run's accounts; a small site's listing).
 * - `probeIndex`: a small site's listing: the first `perShard` entries of each shard in one round trip,
 *   and whether any shard has more (then the site is listed from a snapshot, admin/listing/).
 * - `scanIndex`: a snapshot's build, continued over invocations: from saved cursors until about
 *   `budgetBytes` were read.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { log } from '../log';
import { CONNECTION_SHARDS, hashOfKey } from './keys';
import { ConnectionEntry } from './token-store';

/** The most a key-value query returns per call. */
const PAGE = 100;

export interface IndexedEntry {
  hash: string;
  entry: ConnectionEntry;
}

export interface IndexScan {
  entries: IndexedEntry[];
  /** Storage calls the scan made (for the measurements in test/src/admin/listing-scale.test.ts). */
  queries: number;
}

interface ShardPage {
  entries: IndexedEntry[];
  cursor: string | undefined;
  bytes: number;
  unreadable: number;
}

async function readPage(prefix: string, limit: number, cursor: string | undefined): Promise<ShardPage> {
  let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(limit);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany();
  const entries: IndexedEntry[] = [];
  let unreadable = 0;
  let bytes = 0;
  for (const { key, value } of page.results) {
    bytes += key.length + JSON.stringify(value).length;
    const entry = ConnectionEntry.safeParse(value);
    if (entry.success) entries.push({ hash: hashOfKey(key), entry: entry.data });
    else unreadable += 1;
  }
  return { entries, cursor: page.nextCursor, bytes, unreadable };
}

const warnUnreadable = (n: number) => {
  if (n > 0) log.warn(`${n} connection index entries could not be read and were left out`);
};

export async function readIndex(): Promise<IndexScan> {
  let queries = 0;
  let unreadable = 0;
  const shards = await Promise.all(
    CONNECTION_SHARDS.map(async (prefix) => {
      const found: IndexedEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await readPage(prefix, PAGE, cursor);
        queries += 1;
        unreadable += page.unreadable;
        found.push(...page.entries);
        cursor = page.cursor;
      } while (cursor);
      return found;
    }),
  );
  warnUnreadable(unreadable);
  return { entries: shards.flat(), queries };
}

/** Every account with an index entry, in key order (what a "check all" run takes in turn). */
export async function indexedAccounts(): Promise<string[]> {
  return (await readIndex()).entries.map((e) => e.entry.accountId);
}

/** The first `perShard` entries of each shard, in one round trip; `complete` when no shard has more. */
export async function probeIndex(perShard: number): Promise<{ entries: IndexedEntry[]; complete: boolean }> {
  const pages = await Promise.all(CONNECTION_SHARDS.map((prefix) => readPage(prefix, perShard, undefined)));
  warnUnreadable(pages.reduce((n, p) => n + p.unreadable, 0));
  return { entries: pages.flatMap((p) => p.entries), complete: pages.every((p) => !p.cursor) };
}

/** Shard → where reading goes on: null to start, a cursor, or 'DONE'. */
export type ScanCursors = Record<string, string | null>;

export const freshCursors = (): ScanCursors => Object.fromEntries(CONNECTION_SHARDS.map((s) => [s, null]));

/**
 * Reads the shards on from `cursors`, in parallel, until about `budgetBytes` were read (each shard
 * stops once its share is used) or every shard is read.
 */
export async function scanIndex(cursors: ScanCursors, budgetBytes: number): Promise<{ entries: IndexedEntry[]; cursors: ScanCursors; bytes: number; done: boolean }> {
  const open = Object.keys(cursors).filter((s) => cursors[s] !== 'DONE');
  const share = budgetBytes / Math.max(1, open.length);
  const next: ScanCursors = { ...cursors };
  let unreadable = 0;
  const results = await Promise.all(
    open.map(async (shard) => {
      const found: IndexedEntry[] = [];
      let cursor = cursors[shard] ?? undefined;
      let bytes = 0;
      do {
        const page = await readPage(shard, PAGE, cursor);
        unreadable += page.unreadable;
        found.push(...page.entries);
        bytes += page.bytes;
        cursor = page.cursor;
      } while (cursor && bytes < share);
      next[shard] = cursor ?? 'DONE';
      return { found, bytes };
    }),
  );
  warnUnreadable(unreadable);
  return {
    entries: results.flatMap((r) => r.found),
    cursors: next,
    bytes: results.reduce((n, r) => n + r.bytes, 0),
    done: Object.values(next).every((c) => c === 'DONE'),
  };
}
