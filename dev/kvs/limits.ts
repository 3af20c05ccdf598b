/**
 * Forge's published limits for the key-value store, as the emulation enforces them (one place each).
 * Source: developer.atlassian.com/platform/forge/limits-kvs-ce (updated 1 Dec 2025), storage-reference/
 * transactions, storage-reference/batchops, storage-reference/handling-errors-kvs; see
 * /work/shared/forge-notes.md "KVS / custom entities" and docs/storage.md "Storage units".
 */
export const KVS_LIMITS = {
  /** "Value size: 240 KiB — maximum size of a single persisted value (in RAW)": the value's JSON, in UTF-8 bytes. */
  maxValueBytes: 240 * 1024,
  /** A secret (kvs.setSecret) is JSON of at most 128 KiB (forge-notes.md). */
  maxSecretBytes: 128 * 1024,
  /** "Object depth: 31". */
  maxDepth: 31,
  /** "Key length: 500". */
  maxKeyLength: 500,
  /** "Key format: /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/". */
  keyFormat: /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/,
  /**
   * "Read/Write (10KB request per min): 4000 … Request sizes are rounded up to the nearest 10KB." Read
   * as 10,000 bytes (the page writes KB, not KiB; the smaller unit charges a little more, never less).
   */
  unitBytes: 10_000,
  readUnitsPerMinute: 4_000,
  writeUnitsPerMinute: 4_000,
  /** "Each batch operation can contain a maximum of 25 keys." */
  batchMaxKeys: 25,
  /** "Each transaction can contain a maximum of 25 operations." */
  transactionMaxOperations: 25,
  /** "Each transaction is limited to a payload size of 4MB" (batchSet likewise). */
  maxRequestBytes: 4 * 1024 * 1024,
  /** "A query returns at most 100 results" (the query builder's limit). */
  queryMaxLimit: 100,
} as const;

/** Units a request of this many bytes is charged: rounded up to the unit, at least one. */
export const unitsFor = (bytes: number): number => Math.max(1, Math.ceil(bytes / KVS_LIMITS.unitBytes));

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
