/**
 * A lease in Forge storage: a key only one holder can create (`keyPolicy: 'FAIL_IF_EXISTS'`), with a
 * time to live so a holder that dies cannot keep it. It is how the admin page keeps one "check all"
 * run (and one worker on it) and one listing rebuild per site, across tabs, admins and invocations.
 *
 * Forge publishes no error code for a refused FAIL_IF_EXISTS write, so a refusal is never trusted by
 * its code: after any storage error the key is read back, and whoever it names holds the lease (our
 * own write may have landed though its answer was lost).
 */
import { ForgeKvsError, kvs } from '@forge/kvs';
import { z } from 'zod';

const Lease = z.object({ holder: z.string(), at: z.number(), data: z.unknown().optional() });
export type Lease = z.infer<typeof Lease>;

export type Acquired = { acquired: true; lease: Lease } | { acquired: false; lease: Lease | undefined };

const ttl = (seconds: number) => ({ value: Math.max(1, Math.ceil(seconds)), unit: 'SECONDS' as const });

export async function readLease(key: string): Promise<Lease | undefined> {
  const parsed = Lease.safeParse(await kvs.get(key));
  return parsed.success ? parsed.data : undefined;
}

/** Takes the lease unless someone holds it; answers who does. */
export async function acquireLease(key: string, holder: string, ttlSeconds: number, data?: unknown, now = Date.now()): Promise<Acquired> {
  const lease: Lease = { holder, at: now, ...(data === undefined ? {} : { data }) };
  try {
    await kvs.set(key, lease, { ttl: ttl(ttlSeconds), keyPolicy: 'FAIL_IF_EXISTS' });
    return { acquired: true, lease };
  } catch (e) {
    if (!(e instanceof ForgeKvsError)) throw e;
    const current = await readLease(key);
    if (current?.holder === holder) return { acquired: true, lease: current };
    if (current) return { acquired: false, lease: current };
    // Refused, yet nobody holds it: it expired or was released just now. One more try settles it.
    try {
      await kvs.set(key, lease, { ttl: ttl(ttlSeconds), keyPolicy: 'FAIL_IF_EXISTS' });
      return { acquired: true, lease };
    } catch (again) {
      if (!(again instanceof ForgeKvsError)) throw again;
      const now2 = await readLease(key);
      return now2?.holder === holder ? { acquired: true, lease: now2 } : { acquired: false, lease: now2 };
    }
  }
}

/** Gives the lease back if we still hold it (it may have expired and gone to someone else). */
export async function releaseLease(key: string, holder: string): Promise<void> {
  const current = await readLease(key);
  if (current?.holder === holder) await kvs.delete(key);
}
