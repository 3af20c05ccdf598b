/**
 * Each user's saved connection in Forge storage (@forge/kvs), keyed by a hash of the platform
 * accountId — which only ever comes from the resolver's trusted context.
 *
 * - `pat` (kvs.setSecret, one fixed key per user): the user's connection — the token, version,
 *   preview, owner, expiry they saved — or, after a Jira admin removed it, the record of that removal
 *   (no token). It is the single source of truth and the commit point: setSecret replaces it
 *   atomically and deleteSecret removes it, so a user never has more than one secret, whatever the
 *   interleaving or crash, and no secret can be orphaned.
 * - `conn:<hash>` (kvs.set, queryable): the user's entry in the connection index the Jira admin page
 *   lists. DERIVED from the secret: it names the version it describes, carries the accountId and what
 *   changes after a save (last validation, last check, last use, a refreshed owner or expiry), and
 *   never the token. A reader uses it only when its version is the secret's; otherwise the secret's
 *   own fields.
 * - caches (`cache:`) and records (`rec:`): kvs.set; caches are tagged with the token version, so a
 *   new token never sees another token's cache.
 *
 * Reading the connection writes nothing. A writer of the index entry re-reads the secret after
 * each write until the two agree (settleEntry), so racing saves, deletes, removals and re-validations
 * cannot leave an entry describing a token that is not the stored one.
 */
import { randomUUID } from 'node:crypto';
import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { User } from '../testkase/contract';
import { log, rememberSecret } from '../log';
import { keys, userPrefix } from './keys';

/** What the app may show about a saved token (never the token). */
const Details = z.object({
  preview: z.string(),
  savedAt: z.string(),
  lastValidatedAt: z.string().nullable(),
  testkaseUser: User.nullable(),
  tokenName: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type TokenDetails = z.infer<typeof Details>;

/** The secret's value when a token is saved. Validated at save time, so its lastValidatedAt is savedAt. */
const SavedConnection = Details.omit({ lastValidatedAt: true }).extend({
  token: z.string().min(1),
  version: z.string().min(1),
});
type SavedConnection = z.infer<typeof SavedConnection>;

/** The secret's value after a Jira admin removed the user's token: who and when, nothing secret. */
const RemovedConnection = z.object({ removedByAdmin: z.object({ at: z.string(), by: z.string() }) });

/** How TestKase last answered about the token: accepted (OK) or refused (REJECTED, a 401). */
const CheckResult = z.enum(['OK', 'REJECTED']);

/** What the index entry adds to the details: how the token has fared since it was saved. */
const Activity = z.object({
  /** When TestKase last answered about the token (a save, a re-validation, an admin's check). */
  lastCheckedAt: z.string().nullable().default(null),
  lastCheckResult: CheckResult.nullable().default(null),
  /** When the app last used the token for its user (updated at most once per USE_RESOLUTION_MS). */
  lastUsedAt: z.string().nullable().default(null),
});
type Activity = z.infer<typeof Activity>;

/** The user's entry in the connection index. */
export const ConnectionEntry = Details.extend(Activity.shape).extend({
  accountId: z.string().min(1),
  version: z.string().min(1),
});
export type ConnectionEntry = z.infer<typeof ConnectionEntry>;

export interface StoredToken {
  token: string;
  /** Changes on every save: tags caches and the index entry. */
  version: string;
  details: TokenDetails;
  activity: Activity;
  /** Whether the index entry describes this version (a save or delete in flight may not have settled it yet). */
  indexed: boolean;
}

/** What the user's connection slot holds. */
export type StoredConnection = { kind: 'TOKEN'; stored: StoredToken } | { kind: 'REMOVED_BY_ADMIN'; at: string } | { kind: 'NONE' };

/** "Last used" is recorded at most this often per user, so using the app costs no extra write per call. */
const USE_RESOLUTION_MS = 60 * 60 * 1000;

const secretKey = keys.secret;
const entryKey = keys.connection;

/** Rounds of write-then-check before settleEntry gives up (only a storm of writes by one user gets there). */
const SETTLE_ROUNDS = 5;

async function readSecret(accountId: string): Promise<SavedConnection | undefined> {
  const parsed = SavedConnection.safeParse(await kvs.getSecret(secretKey(accountId)));
  return parsed.success ? parsed.data : undefined;
}

const entryFromSecret = (accountId: string, { token: _token, ...saved }: SavedConnection): ConnectionEntry => ({
  ...saved,
  accountId,
  lastValidatedAt: saved.savedAt,
  // Every stored token was accepted by TestKase when it was saved.
  lastCheckedAt: saved.savedAt,
  lastCheckResult: 'OK',
  lastUsedAt: null,
});
const detailsOf = ({ preview, savedAt, lastValidatedAt, testkaseUser, tokenName, expiresAt }: ConnectionEntry): TokenDetails => ({
  preview,
  savedAt,
  lastValidatedAt,
  testkaseUser,
  tokenName,
  expiresAt,
});
const activityOf = ({ lastCheckedAt, lastCheckResult, lastUsedAt }: ConnectionEntry): Activity => ({ lastCheckedAt, lastCheckResult, lastUsedAt });
const storedFrom = (saved: SavedConnection, entry: ConnectionEntry, indexed: boolean): StoredToken => ({
  token: saved.token,
  version: saved.version,
  details: detailsOf(entry),
  activity: activityOf(entry),
  indexed,
});
const entryOf = (accountId: string, stored: StoredToken): ConnectionEntry => ({ ...stored.details, ...stored.activity, accountId, version: stored.version });

/**
 * The user's connection and what to show about it. The secret and the index entry are read in
 * parallel (one storage round trip); nothing is written.
 */
export async function readConnection(accountId: string): Promise<StoredConnection> {
  const [rawSecret, rawEntry] = await Promise.all([kvs.getSecret(secretKey(accountId)), kvs.get(entryKey(accountId))]);
  const saved = SavedConnection.safeParse(rawSecret);
  if (!saved.success) {
    const removed = RemovedConnection.safeParse(rawSecret);
    return removed.success ? { kind: 'REMOVED_BY_ADMIN', at: removed.data.removedByAdmin.at } : { kind: 'NONE' };
  }
  rememberSecret(saved.data.token);
  const entry = ConnectionEntry.safeParse(rawEntry);
  const indexed = entry.success && entry.data.version === saved.data.version;
  return { kind: 'TOKEN', stored: storedFrom(saved.data, indexed ? entry.data : entryFromSecret(accountId, saved.data), indexed) };
}

/** The saved token, or undefined when there is none. */
export async function loadToken(accountId: string): Promise<StoredToken | undefined> {
  const connection = await readConnection(accountId);
  return connection.kind === 'TOKEN' ? connection.stored : undefined;
}

/**
 * Replaces the user's connection (and with it any record of an admin's removal). `afterCommit`
 * runs once the new token is in force, in parallel with settling the index entry (the caller primes
 * its caches there).
 */
export async function saveToken(
  accountId: string,
  token: string,
  details: Omit<SavedConnection, 'token' | 'version'>,
  afterCommit: (stored: StoredToken) => Promise<void> = () => Promise.resolve(),
): Promise<StoredToken> {
  const saved: SavedConnection = { ...details, token, version: randomUUID() };
  await kvs.setSecret(secretKey(accountId), saved); // commit point
  // Saving is using it: the first render after a save writes nothing more.
  const entry = { ...entryFromSecret(accountId, saved), lastUsedAt: saved.savedAt };
  const stored = storedFrom(saved, entry, true);
  await Promise.all([settleEntry(accountId, entry), afterCommit(stored)]);
  return stored;
}

/**
 * After TestKase confirmed the token again (the user's own re-validation): record when and who it
 * belongs to now, and that it was used. If the token was replaced or deleted meanwhile, settleEntry
 * makes the entry describe what is stored instead.
 */
export async function recordValidation(accountId: string, stored: StoredToken, refreshed: Omit<TokenDetails, 'preview' | 'savedAt'>): Promise<TokenDetails> {
  const at = refreshed.lastValidatedAt ?? new Date().toISOString();
  const details: TokenDetails = { ...stored.details, ...refreshed };
  await settleEntry(accountId, { ...entryOf(accountId, stored), ...details, lastCheckedAt: at, lastCheckResult: 'OK', lastUsedAt: at });
  return details;
}

/**
 * Whether `recordUse` should record anything now: "last used" is kept to the hour, on an entry that
 * describes the stored version (an unsettled one is left to the writer in flight).
 */
export function useIsDue(stored: StoredToken, now: number): boolean {
  const last = stored.activity.lastUsedAt ? Date.parse(stored.activity.lastUsedAt) : Number.NaN;
  return stored.indexed && !(now - last < USE_RESOLUTION_MS);
}

/** The app used the token for its user. The caller runs it alongside TestKase requests, off the critical path. */
export async function recordUse(accountId: string, stored: StoredToken, at: string): Promise<void> {
  await settleEntry(accountId, { ...entryOf(accountId, stored), lastUsedAt: at });
}

/**
 * A Jira admin's check: what TestKase answered about the stored version. An accepted token also
 * refreshes its owner, name and expiry. Nothing is recorded for a version that is no longer stored.
 */
export async function recordCheck(
  accountId: string,
  stored: StoredToken,
  at: string,
  outcome: { result: 'OK'; refreshed: Pick<TokenDetails, 'testkaseUser' | 'tokenName' | 'expiresAt'> } | { result: 'REJECTED' },
): Promise<void> {
  const entry = entryOf(accountId, stored);
  const checked =
    outcome.result === 'OK'
      ? { ...entry, ...outcome.refreshed, lastValidatedAt: at, lastCheckedAt: at, lastCheckResult: 'OK' as const }
      : { ...entry, lastCheckedAt: at, lastCheckResult: 'REJECTED' as const };
  await settleEntry(accountId, checked);
}

/**
 * Removes every record of this user: the secret first (the commit point), then, in parallel, the
 * index entry and the caches and records.
 */
export async function deleteToken(accountId: string): Promise<void> {
  await kvs.deleteSecret(secretKey(accountId));
  await Promise.all([settleEntry(accountId, null), deleteByPrefix(userPrefix(accountId))]);
}

/**
 * A Jira admin removes the user's token: the secret is replaced by the record of the removal (one
 * atomic write, the commit point, as a delete is), then the index entry, caches and records go, as in
 * the user's own delete. The user's next render reads the record in the same storage round trip as
 * always and says that an admin removed the connection; their next save replaces it.
 * Answers what was removed (for the audit log), or null when nothing was stored.
 */
export async function removeByAdmin(accountId: string, by: string, at: string): Promise<ConnectionEntry | null> {
  const connection = await readConnection(accountId);
  if (connection.kind === 'TOKEN') await kvs.setSecret(secretKey(accountId), { removedByAdmin: { at, by } }); // commit point: the token is gone
  // Also with no token stored: a removal or delete interrupted after its commit may have left these.
  await Promise.all([settleEntry(accountId, null), deleteByPrefix(userPrefix(accountId))]);
  return connection.kind === 'TOKEN' ? entryOf(accountId, connection.stored) : null;
}

/**
 * A check found no token behind the user's index entry (left by a delete or a removal interrupted after
 * its commit): the entry goes, unless a save got in meanwhile (then it describes that token).
 */
export async function dropEntryWithoutToken(accountId: string): Promise<void> {
  await settleEntry(accountId, null);
}

/**
 * Writes `intended` (null: removes the entry), then re-reads the secret until the entry describes the
 * stored token, or is absent when there is none. Whichever writer writes the entry last reads the
 * secret afterwards — and any save or delete that changes the secret after that read writes the entry
 * again itself — so once every writer has returned, the two agree.
 */
async function settleEntry(accountId: string, intended: ConnectionEntry | null): Promise<void> {
  let next: ConnectionEntry | null = intended;
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    if (next) await kvs.set(entryKey(accountId), next);
    else await kvs.delete(entryKey(accountId));
    const saved = await readSecret(accountId);
    if (saved?.version === next?.version) return;
    next = saved ? entryFromSecret(accountId, saved) : null;
  }
  // Harmless: readers trust the entry only when its version matches the secret's.
  log.warn(`the connection index entry did not settle after ${SETTLE_ROUNDS} rounds of concurrent writes`);
}

/** Every non-secret record under the prefix (queries see no secrets: the connection is not touched). */
async function deleteByPrefix(prefix: string): Promise<void> {
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    await Promise.all(page.results.map((r) => kvs.delete(r.key)));
    cursor = page.nextCursor;
  } while (cursor);
}
