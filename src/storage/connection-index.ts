/**
 * The connection index as a whole, for the Jira admin page: every user's entry (`conn:<hash>`, written
 * by token-store.ts; never a token). Forge's key-value store can only list keys by prefix, 100 at a
 * time, so the listing reads the 16 one-hex-digit shards of the prefix in parallel, each page after
 * page: N entries take ⌈N / 1,600⌉ storage round trips instead of ⌈N / 100⌉.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { log } from '../log';
import { CONNECTION_SHARDS } from './keys';
import { ConnectionEntry } from './token-store';

/** The most a key-value query returns per call. */
const PAGE = 100;

export interface IndexScan {
  entries: ConnectionEntry[];
  /** Storage calls the scan made (for the measurements in test/src/admin/listing-scale.test.ts). */
  queries: number;
}

export async function readIndex(): Promise<IndexScan> {
  let queries = 0;
  let unreadable = 0;
  const shards = await Promise.all(
    CONNECTION_SHARDS.map(async (prefix) => {
      const found: ConnectionEntry[] = [];
      let cursor: string | undefined;
      do {
        let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE);
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany();
        queries += 1;
        for (const { value } of page.results) {
          const entry = ConnectionEntry.safeParse(value);
          if (entry.success) found.push(entry.data);
          else unreadable += 1;
        }
        cursor = page.nextCursor;
      } while (cursor);
      return found;
    }),
  );
  if (unreadable > 0) log.warn(`${unreadable} connection index entries could not be read and were left out`);
  return { entries: shards.flat(), queries };
}

/** Every account with an index entry, in key order (what a "check all" run takes in turn). */
export async function indexedAccounts(): Promise<string[]> {
  return (await readIndex()).entries.map((e) => e.accountId);
}
