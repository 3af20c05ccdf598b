/**
 * The admin listing's bounds. A page reads at most ~50 of Forge's 10 KB read units in at most 5
 * storage round trips, however many connections the site has (docs/admin-page.md, measured in
 * test/src/admin/listing-scale.test.ts); a snapshot's build keeps to its share of the quota.
 */
export const LISTING_SETTINGS = {
  /**
   * A site is listed live (read whole on each page) while every index shard holds at most this many
   * entries: 16 × 40 = up to 640 connections, ~32 read units in one round trip.
   */
  liveShardLimit: 40,
  /** A snapshot older than this is rebuilt when an admin opens the page (it stays shown meanwhile). */
  staleAfterMs: 15 * 60_000,
  /** What one build call reads of the index, at most (~1,200 units: a site of ~24,000 connections in one call). */
  readBudgetBytes: 12_000_000,
  /**
   * The build's share of the installation's read and write units a minute (of 4,000 each): its calls
   * are spaced by what they used, and one writes at most this many (a larger snapshot over several).
   */
  unitsPerMinute: 1_500,
  /** The build's worker lease outlives any invocation (25 s). */
  workerLeaseSeconds: 40,
  /**
   * The first characters of a search that decide it (longer searches are cut, in both modes alike).
   * At most 43: a search partition writes a shared length as one character, '0' + length (partition.ts).
   */
  termMax: 32,
  /**
   * A word prefix that starts more words than 1/prefixSetShare of the rows is stored as sets of
   * positions (one per sort key, at most N bits each): any other prefix's postings are at most N/32,
   * in one partition of a few units.
   */
  prefixSetShare: 32,
  /** At most this many such prefixes per snapshot (prefixes that start the same rows share their sets). */
  maxPrefixSets: 600,
  /** Order pieces per batch read: ~500 bytes each with key and times, so 19 stay within one unit. */
  piecesPerRead: 19,
  /**
   * Rows per batch read: an index entry answers in ~530 bytes with its key and times (20 came to
   * ~10.6 KB, two units each), so 15 stay within one 10 KB unit with room for longer names.
   */
  rowsPerRead: 15,
  /** Id chunks per batch read: 10 hashes in 250 characters, ~390 bytes answered, 23 within one unit. */
  idChunksPerRead: 23,
};
