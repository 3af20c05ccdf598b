/**
 * What Jira admins (and the identity check) record about a user's connection, beside it: a suspension,
 * an admin's note, and the finding that the saved token belongs to another TestKase user. Each is one
 * small value per account under its own prefix (keys.ts), outside the user's prefix: the user's own
 * delete does not lift a suspension, and the admin listing reads each prefix whole (few keys: these
 * are exceptions, not one per user).
 *
 * A suspension is read on every render, in the same storage round trip as the token (connection-cache.ts).
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { ADMIN_NOTE_MAX } from '../shared/facts';
import { hashOfKey, keys, MISMATCH_PREFIX, NOTE_PREFIX, SUSPENSION_PREFIX } from './keys';

export const Suspension = z.object({
  accountId: z.string(),
  at: z.string(),
  /** The suspending admin's accountId, and their Jira name as Jira gave it then (what the user is told). */
  by: z.string(),
  byName: z.string().max(255).nullable(),
});
export type Suspension = z.infer<typeof Suspension>;

export const AdminNote = z.object({ accountId: z.string(), text: z.string().max(ADMIN_NOTE_MAX), at: z.string(), by: z.string() });
export type AdminNote = z.infer<typeof AdminNote>;

/** The saved token's TestKase user is not the Jira user (connection/acting-identity.ts), for that token version. */
export const Mismatch = z.object({
  accountId: z.string(),
  version: z.string(),
  by: z.enum(['EMAIL', 'NAME']),
  testkaseUser: z.object({ name: z.string(), email: z.string().nullable() }),
  jiraName: z.string().nullable(),
  at: z.string(),
});
export type Mismatch = z.infer<typeof Mismatch>;

export async function readSuspension(accountId: string): Promise<Suspension | undefined> {
  const parsed = Suspension.safeParse(await kvs.get(keys.suspension(accountId)));
  return parsed.success ? parsed.data : undefined;
}

/** Answers the suspension in force before (null: there was none), read atomically with the write. */
export async function suspend(suspension: Suspension): Promise<Suspension | null> {
  const previous = await kvs.set<Suspension, unknown>(keys.suspension(suspension.accountId), suspension, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
  const parsed = Suspension.safeParse(previous?.value);
  return parsed.success ? parsed.data : null;
}

export async function resume(accountId: string): Promise<void> {
  await kvs.delete(keys.suspension(accountId));
}

export async function readNote(accountId: string): Promise<AdminNote | undefined> {
  const parsed = AdminNote.safeParse(await kvs.get(keys.adminNote(accountId)));
  return parsed.success ? parsed.data : undefined;
}

export async function writeNote(note: AdminNote): Promise<void> {
  await kvs.set(keys.adminNote(note.accountId), note);
}

export async function clearNote(accountId: string): Promise<void> {
  await kvs.delete(keys.adminNote(accountId));
}

/** What the identity check found for this token version: a mismatch is kept, anything else clears it. */
export async function recordIdentity(accountId: string, found: Omit<Mismatch, 'accountId'> | null): Promise<void> {
  if (found) await kvs.set(keys.mismatch(accountId), { accountId, ...found });
  else await kvs.delete(keys.mismatch(accountId));
}

/** Everything a removal clears: a removal is a clean slate (the audit log keeps the history). */
export async function clearMarks(accountId: string): Promise<void> {
  await Promise.all([kvs.delete(keys.suspension(accountId)), kvs.delete(keys.adminNote(accountId)), kvs.delete(keys.mismatch(accountId))]);
}

export interface Marks {
  /** By account hash (the part after `conn:`). */
  suspensions: Map<string, Suspension>;
  notes: Map<string, AdminNote>;
  mismatches: Map<string, Mismatch>;
  /** Storage calls made (each prefix is read page after page). */
  queries: number;
}

/** Every mark, by account hash: three prefix reads in parallel. */
export async function readAllMarks(): Promise<Marks> {
  let queries = 0;
  const all = async <T>(prefix: string, schema: z.ZodType<T>): Promise<Map<string, T>> => {
    const found = new Map<string, T>();
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      queries += 1;
      for (const { key, value } of page.results) {
        const parsed = schema.safeParse(value);
        if (parsed.success) found.set(hashOfKey(key), parsed.data);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  };
  const [suspensions, notes, mismatches] = await Promise.all([all(SUSPENSION_PREFIX, Suspension), all(NOTE_PREFIX, AdminNote), all(MISMATCH_PREFIX, Mismatch)]);
  return { suspensions, notes, mismatches, queries };
}
