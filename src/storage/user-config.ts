/**
 * Each user's saved configuration in Forge storage (@forge/kvs), keyed by a hash of the
 * platform accountId — which only ever comes from the resolver's trusted context.
 *
 * - the PAT: `kvs.setSecret` (encrypted, not queryable), under a per-save version;
 * - metadata (preview, who, when, expiry): `kvs.set`;
 * - caches: `kvs.set` with a TTL, tagged with the token version so a new token never reuses them.
 *
 * Saving is crash-safe: the metadata record is the commit point. A crash before it leaves the old
 * configuration in force, a crash after it the new one. Either way the secret that lost is named in
 * `orphanVersion` and deleted on the next read, so no token outlives its configuration.
 * Deleting removes the secrets first, so a half-deleted configuration reads as none.
 */
import { createHash, randomUUID } from 'node:crypto';
import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { User } from '../testkase/contract';

const Meta = z.object({
  version: z.string(),
  /** A secret version that may still exist and must be deleted (left by an interrupted save). */
  orphanVersion: z.string().nullable(),
  preview: z.string(),
  savedAt: z.string(),
  lastValidatedAt: z.string().nullable(),
  testkaseUser: User.nullable(),
  tokenName: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type TokenMeta = z.infer<typeof Meta>;

export interface StoredConfig {
  token: string;
  meta: TokenMeta;
}

const userPrefix = (accountId: string) => `u:${createHash('sha256').update(accountId).digest('hex').slice(0, 40)}:`;
const metaKey = (accountId: string) => `${userPrefix(accountId)}meta`;
const secretKey = (accountId: string, version: string) => `${userPrefix(accountId)}pat:${version}`;
export const cacheKey = (accountId: string, name: string) => `${userPrefix(accountId)}cache:${name}`;
export const recordKey = (accountId: string, name: string) => `${userPrefix(accountId)}rec:${name}`;

export async function readMeta(accountId: string): Promise<TokenMeta | undefined> {
  const raw = await kvs.get(metaKey(accountId));
  const parsed = Meta.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The saved token and its metadata, or undefined when there is none (or only half of one). */
export async function loadConfig(accountId: string): Promise<StoredConfig | undefined> {
  const meta = await readMeta(accountId);
  if (!meta) return undefined;
  const token = await kvs.getSecret<string>(secretKey(accountId, meta.version));
  if (typeof token !== 'string' || token.length === 0) {
    // Metadata without its secret: a delete was interrupted. Finish it.
    await deleteConfig(accountId);
    return undefined;
  }
  if (meta.orphanVersion && meta.orphanVersion !== meta.version) {
    await kvs.deleteSecret(secretKey(accountId, meta.orphanVersion));
    await kvs.set(metaKey(accountId), { ...meta, orphanVersion: null });
  }
  return { token, meta };
}

export async function saveConfig(
  accountId: string,
  token: string,
  details: Omit<TokenMeta, 'version' | 'orphanVersion'>,
): Promise<TokenMeta> {
  const previous = await readMeta(accountId);
  const version = randomUUID();
  if (previous) await kvs.set(metaKey(accountId), { ...previous, orphanVersion: version });
  await kvs.setSecret(secretKey(accountId, version), token);
  const meta: TokenMeta = { ...details, version, orphanVersion: previous?.version ?? null };
  await kvs.set(metaKey(accountId), meta); // commit point
  if (previous) {
    await kvs.deleteSecret(secretKey(accountId, previous.version));
    meta.orphanVersion = null;
    await kvs.set(metaKey(accountId), meta);
  }
  await deleteByPrefix(`${userPrefix(accountId)}cache:`);
  return meta;
}

export async function updateMeta(accountId: string, patch: Partial<Omit<TokenMeta, 'version' | 'orphanVersion'>>): Promise<void> {
  const meta = await readMeta(accountId);
  if (meta) await kvs.set(metaKey(accountId), { ...meta, ...patch });
}

/** Removes every record of this user: secrets first, then metadata, caches and remembered mappings. */
export async function deleteConfig(accountId: string): Promise<void> {
  const meta = await readMeta(accountId);
  if (meta) {
    await kvs.deleteSecret(secretKey(accountId, meta.version));
    if (meta.orphanVersion) await kvs.deleteSecret(secretKey(accountId, meta.orphanVersion));
  }
  await kvs.delete(metaKey(accountId));
  await deleteByPrefix(userPrefix(accountId));
}

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
