/**
 * The Jira admin page's audit log in app storage: who removed whose connection and when, who ran a
 * check and what it found. Entries are never deleted. Keys sort newest first (an inverted timestamp),
 * so the newest entries are one key-prefix query away. An entry is written before the action it
 * records and updated when the action is done, so an action interrupted half-way still shows.
 */
import { randomUUID } from 'node:crypto';
import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { Tally } from './check-runs';
import { AUDIT_PREFIX, keys } from './keys';

export const AuditRecord = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(['REMOVE_CONNECTION', 'CHECK_ALL']),
  /** accountIds: display names are looked up when shown (they change; they are not stored). */
  actor: z.string(),
  target: z.string().nullable(),
  outcome: z.enum(['STARTED', 'DONE', 'NOTHING_STORED', 'RUNNING']),
  token: z.object({ preview: z.string(), tokenName: z.string().nullable() }).nullable(),
  check: z.object({ total: z.number(), checked: z.number(), tally: Tally, updatedAt: z.string() }).nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

/**
 * Newest first in key order: 13 digits hold any millisecond timestamp until the year 2286, then 4
 * digits of a counter, inverted too, for entries written within the same millisecond (the id after
 * it is random, so without the counter they came back in random order). The counter is this
 * process's: entries of two function instances in the same millisecond have no order to keep.
 * Keys written before the counter (`<13 digits>:<id>`) still sort by their millisecond.
 */
const SAME_MS_MAX = 9_999;
let last = { at: Number.NaN, seq: 0 };
function orderOf(at: number): string {
  last = at === last.at ? { at, seq: Math.min(last.seq + 1, SAME_MS_MAX) } : { at, seq: 0 };
  return String(9_999_999_999_999 - at).padStart(13, '0') + String(SAME_MS_MAX - last.seq).padStart(4, '0');
}

/** Where an entry lives, to update it when the action it records is done. */
export type AuditKey = string;

export async function appendAudit(entry: Omit<AuditRecord, 'id' | 'at'>, now = Date.now()): Promise<{ key: AuditKey; record: AuditRecord }> {
  const record: AuditRecord = { ...entry, id: randomUUID(), at: new Date(now).toISOString() };
  const key = keys.audit(orderOf(now), record.id);
  await kvs.set(key, record);
  return { key, record };
}

export async function updateAudit(key: AuditKey, record: AuditRecord): Promise<void> {
  await kvs.set(key, record);
}

/** One page of the log, newest first; `cursor` continues where the previous page ended. */
export async function readAudit(limit: number, cursor?: string): Promise<{ records: AuditRecord[]; nextCursor: string | null }> {
  let query = kvs.query().where('key', WhereConditions.beginsWith(AUDIT_PREFIX)).limit(limit);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany();
  const records = page.results.flatMap(({ value }) => {
    const parsed = AuditRecord.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
  return { records, nextCursor: page.nextCursor ?? null };
}
