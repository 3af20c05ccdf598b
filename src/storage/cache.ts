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

/** Raw storage records read ahead of time (in parallel with the user's metadata), by storage key. */
export type Prefetched = ReadonlyMap<string, unknown>;

/** Reads several records at once: a render needs them all, and each storage call is a round trip. */
export async function prefetch(keys: string[]): Promise<Prefetched> {
  const values = await Promise.all(keys.map((key) => kvs.get(key)));
  return new Map(keys.map((key, i) => [key, values[i]]));
}

/** A record from the prefetched set, or from storage when it was not read ahead. */
export async function readRecord(key: string, prefetched?: Prefetched): Promise<unknown> {
  return prefetched?.has(key) ? prefetched.get(key) : kvs.get(key);
}

export async function readCache<T extends z.ZodType>(
  accountId: string,
  name: string,
  version: string,
  schema: T,
  prefetched?: Prefetched,
): Promise<z.infer<T> | undefined> {
  const raw = (await readRecord(cacheKey(accountId, name), prefetched)) as { version?: unknown; value?: unknown } | undefined;
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
