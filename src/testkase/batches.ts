/**
 * Requests sized for TestKase: a list sent in batches that each stay under TestKase's body limit and
 * its count limit. (Written here for the bulk record; helper `limits` adds the same generic splitter
 * on its branch — the lead merges the two into one.)
 */

/** TestKase refuses request bodies over this many bytes (413), as the simulator does. */
export const REQUEST_BODY_MAX_BYTES = 64 * 1024;

/** A value's size as a JSON request body, in UTF-8 bytes (what a body limit counts). */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * `items` in order, in batches of at most `maxCount` whose sizes add up to at most `maxBytes`. An item
 * larger than `maxBytes` on its own gets a batch of its own (the server's answer then says it is too large).
 */
export function splitByBytes<T>(items: T[], sizeOf: (item: T) => number, maxBytes: number, maxCount: number): T[][] {
  const out: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size > maxBytes)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}
