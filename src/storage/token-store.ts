/**
 * Each user's saved configuration in Forge storage (@forge/kvs), keyed by a hash of the platform
 * accountId — which only ever comes from the resolver's trusted context.
 *
 * - `pat` (kvs.setSecret, one fixed key per user): the whole configuration the user saved — token,
 *   version, preview, owner, expiry. It is the single source of truth and the commit point:
 *   setSecret replaces it atomically and deleteSecret removes it, so a user never has more than one
 *   secret, whatever the interleaving or crash, and no secret can be orphaned.
 * - `meta` (kvs.set, queryable, for listings): DERIVED from the secret. It names the version it
 *   describes and carries what changes after a save (lastValidatedAt, a refreshed owner or expiry).
 *   A reader uses it only when its version is the secret's; otherwise the secret's own fields.
 * - caches (`cache:`) and records (`rec:`): kvs.set; caches are tagged with the token version, so a
 *   new token never sees another token's cache.
 *
 * Reading never writes or deletes. A writer removes only what it replaced, and after writing the
 * metadata re-reads the secret until the two agree (settleMeta), so racing saves and deletes cannot
 * leave metadata describing a token that is not the stored one.
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

/** The secret's value. Validated at save time, so it needs no lastValidatedAt of its own: that is savedAt. */
const SavedConfig = Details.omit({ lastValidatedAt: true }).extend({
  token: z.string().min(1),
  version: z.string().min(1),
});
type SavedConfig = z.infer<typeof SavedConfig>;

const Meta = Details.extend({ version: z.string().min(1) });
type Meta = z.infer<typeof Meta>;

export interface StoredToken {
  token: string;
  /** Changes on every save: tags caches and the metadata. */
  version: string;
  details: TokenDetails;
}

const secretKey = keys.secret;
const metaKey = keys.meta;

/** Rounds of write-then-check before settleMeta gives up (only a storm of writes by one user gets there). */
const SETTLE_ROUNDS = 5;

async function readSecret(accountId: string): Promise<SavedConfig | undefined> {
  const parsed = SavedConfig.safeParse(await kvs.getSecret(secretKey(accountId)));
  return parsed.success ? parsed.data : undefined;
}

async function readMeta(accountId: string): Promise<Meta | undefined> {
  const parsed = Meta.safeParse(await kvs.get(metaKey(accountId)));
  return parsed.success ? parsed.data : undefined;
}

const metaFromSecret = ({ token: _token, ...saved }: SavedConfig): Meta => ({ ...saved, lastValidatedAt: saved.savedAt });
const detailsOf = ({ version: _version, ...details }: Meta): TokenDetails => details;

/**
 * The saved token and what to show about it, or undefined when there is none. The secret and the
 * metadata are read in parallel (one storage round trip); nothing is written.
 */
export async function loadToken(accountId: string): Promise<StoredToken | undefined> {
  const [saved, rawMeta] = await Promise.all([readSecret(accountId), kvs.get(metaKey(accountId))]);
  if (!saved) return undefined;
  rememberSecret(saved.token);
  const meta = Meta.safeParse(rawMeta);
  const current = meta.success && meta.data.version === saved.version ? meta.data : metaFromSecret(saved);
  return { token: saved.token, version: saved.version, details: detailsOf(current) };
}

/**
 * Replaces the user's configuration. `afterCommit` runs once the new token is in force, in parallel
 * with settling the metadata (the caller primes its caches there).
 */
export async function saveToken(
  accountId: string,
  token: string,
  details: Omit<SavedConfig, 'token' | 'version'>,
  afterCommit: (stored: StoredToken) => Promise<void> = () => Promise.resolve(),
): Promise<StoredToken> {
  const saved: SavedConfig = { ...details, token, version: randomUUID() };
  await kvs.setSecret(secretKey(accountId), saved); // commit point
  const meta = metaFromSecret(saved);
  const stored = { token, version: saved.version, details: detailsOf(meta) };
  await Promise.all([settleMeta(accountId, meta), afterCommit(stored)]);
  return stored;
}

/**
 * After TestKase confirmed the token again: record when, and who it belongs to now. If the token was
 * replaced or deleted meanwhile, settleMeta makes the metadata describe what is stored instead.
 */
export async function recordValidation(accountId: string, stored: StoredToken, refreshed: Omit<TokenDetails, 'preview' | 'savedAt'>): Promise<TokenDetails> {
  const details: TokenDetails = { ...stored.details, ...refreshed };
  await settleMeta(accountId, { ...details, version: stored.version });
  return details;
}

/**
 * Removes every record of this user: the secret first (the commit point), then, in parallel, the
 * metadata and the caches and records.
 */
export async function deleteToken(accountId: string): Promise<void> {
  await kvs.deleteSecret(secretKey(accountId));
  await Promise.all([settleMeta(accountId, null), deleteByPrefix(userPrefix(accountId), metaKey(accountId))]);
}

/**
 * Writes `intended` (null: removes the metadata), then re-reads the secret and the metadata until
 * the metadata describes the stored secret, or is absent when there is none. Whichever writer writes
 * the metadata last checks it against the secret afterwards, so once every writer has returned the
 * two agree.
 */
async function settleMeta(accountId: string, intended: Meta | null): Promise<void> {
  let next: Meta | null = intended;
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    if (next) await kvs.set(metaKey(accountId), next);
    else await kvs.delete(metaKey(accountId));
    const [saved, meta] = await Promise.all([readSecret(accountId), readMeta(accountId)]);
    if (saved?.version === meta?.version) return;
    next = saved ? metaFromSecret(saved) : null;
  }
  // Harmless: readers trust the metadata only when its version matches the secret's.
  log.warn(`the token metadata did not settle after ${SETTLE_ROUNDS} rounds of concurrent writes`);
}

async function deleteByPrefix(prefix: string, except: string): Promise<void> {
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    await Promise.all(page.results.filter((r) => r.key !== except).map((r) => kvs.delete(r.key)));
    cursor = page.nextCursor;
  } while (cursor);
}
