/**
 * The storage layout before the fixed secret key: the PAT in `pat:<version>` secrets named by the
 * metadata (`version`, and `orphanVersion` for a save that was interrupted). Read so that users who
 * saved a token under it stay connected; their next save or delete removes those secrets (which
 * cannot be found any other way: Forge cannot list secrets). Nothing here writes.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { User } from '../testkase/contract';
import type { StoredConfig } from './user-config';

const LegacyMeta = z.object({
  version: z.string().min(1),
  // Only the old layout had this field: it tells old metadata from the derived metadata of today.
  orphanVersion: z.string().nullable(),
  preview: z.string(),
  savedAt: z.string(),
  lastValidatedAt: z.string().nullable(),
  testkaseUser: User.nullable(),
  tokenName: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

const legacyKey = (prefix: string, version: string) => `${prefix}pat:${version}`;

/** The secrets an old-layout metadata record names; none for anything else. */
export function legacySecretKeys(rawMeta: unknown, prefix: string): string[] {
  const parsed = LegacyMeta.safeParse(rawMeta);
  if (!parsed.success) return [];
  const { version, orphanVersion } = parsed.data;
  return [version, ...(orphanVersion && orphanVersion !== version ? [orphanVersion] : [])].map((v) => legacyKey(prefix, v));
}

/** A configuration saved under the old layout, read as it is (one more round trip, only for such users). */
export async function loadLegacyConfig(rawMeta: unknown, prefix: string): Promise<StoredConfig | undefined> {
  const parsed = LegacyMeta.safeParse(rawMeta);
  if (!parsed.success) return undefined;
  const { version, orphanVersion: _orphan, ...details } = parsed.data;
  const token = await kvs.getSecret<unknown>(legacyKey(prefix, version));
  return typeof token === 'string' && token.length > 0 ? { token, version, details, legacy: true } : undefined;
}
