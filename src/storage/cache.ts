/**
 * Short-lived per-user caches in Forge storage, so a steady-state panel render does not
 * re-validate the token or re-read the mapping on every call. Every entry carries the token
 * version it was computed with: a saved or replaced token never sees another token's cache.
 * Only successes are cached; a failure is re-checked on the next call.
 */
import { kvs } from '@forge/kvs';
import type { z } from 'zod';
import { cacheKey } from './user-config';

export const VALIDATION_TTL_SECONDS = 600;
export const MAPPING_TTL_SECONDS = 120;

export async function readCache<T extends z.ZodType>(
  accountId: string,
  name: string,
  version: string,
  schema: T,
): Promise<z.infer<T> | undefined> {
  const raw = (await kvs.get(cacheKey(accountId, name))) as { version?: unknown; value?: unknown } | undefined;
  if (!raw || raw.version !== version) return undefined;
  const parsed = schema.safeParse(raw.value);
  return parsed.success ? parsed.data : undefined;
}

export async function writeCache(accountId: string, name: string, version: string, value: unknown, ttlSeconds: number) {
  await kvs.set(cacheKey(accountId, name), { version, value }, { ttl: { value: ttlSeconds, unit: 'SECONDS' } });
}

export async function dropCache(accountId: string, name: string) {
  await kvs.delete(cacheKey(accountId, name));
}
