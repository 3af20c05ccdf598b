/**
 * A Jira admin's "check all" run, kept between the invocations that carry it out (each does what
 * fits in Forge's 25 s and the page calls again): the accounts to check, fixed when the run starts,
 * in slices of SLICE accounts (a value holds at most 240 KiB), and how far it got. Kept one day.
 *
 * One run per site: the run id is the holder of the `checkActive` lease (lease.ts); a second start,
 * from another tab or admin, joins it. The run record is written by its creator, then only by the
 * invocation holding the `checkWorker` lease, so no two writers race on it. Stop is a key of its own,
 * which anyone may write and the worker reads.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { keys } from './keys';

const SLICE = 1_000;
const KEEP = { ttl: { value: 1, unit: 'DAYS' as const } };

export const Tally = z.object({ WORKING: z.number(), REJECTED: z.number(), EXPIRED: z.number(), UNREACHABLE: z.number(), GONE: z.number(), SUSPENDED: z.number().default(0) });
export type Tally = z.infer<typeof Tally>;

const Run = z.object({
  runId: z.string(),
  by: z.string(),
  startedAt: z.string(),
  /** The audit log entry that reports this run. */
  auditKey: z.string(),
  total: z.number().int().min(0),
  /** Accounts before this position are done. */
  next: z.number().int().min(0),
  tally: Tally,
  /** TestKase asked to wait (429 Retry-After) until then (epoch ms): no check starts before. */
  notBefore: z.number().default(0),
  /** The earliest the next check may start (epoch ms): the rate cap carries over from one invocation to the next. */
  nextSlotAt: z.number().default(0),
  /** When a worker last recorded progress (epoch ms): a run that has not moved for long is abandoned. */
  updatedAt: z.number().default(0),
  /**
   * The last-check times of the tokens TestKase could not be asked about: their shown states date from
   * then (oldest and newest), or null when every one it was asked about answered.
   */
  unreachableSince: z.object({ oldest: z.string().nullable(), newest: z.string().nullable() }).nullable().default(null),
});
export type CheckRun = z.infer<typeof Run>;

const Slice = z.array(z.string());
const StopRequest = z.object({ by: z.string(), at: z.string() });
export type StopRequest = z.infer<typeof StopRequest>;

export const emptyTally = (): Tally => ({ WORKING: 0, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0, SUSPENDED: 0 });

export async function createRun(run: Pick<CheckRun, 'runId' | 'by' | 'startedAt' | 'auditKey'>, accountIds: readonly string[], now = Date.now()): Promise<CheckRun> {
  const slices: string[][] = [];
  for (let i = 0; i < accountIds.length; i += SLICE) slices.push(accountIds.slice(i, i + SLICE));
  const created: CheckRun = { ...run, total: accountIds.length, next: 0, tally: emptyTally(), notBefore: 0, nextSlotAt: 0, updatedAt: now, unreachableSince: null };
  // The slices first: a run record is never visible without its accounts.
  await Promise.all(slices.map((slice, i) => kvs.set(keys.checkRunSlice(run.runId, i), slice, KEEP)));
  await kvs.set(keys.checkRun(run.runId), created, KEEP);
  return created;
}

export async function readRun(runId: string): Promise<CheckRun | undefined> {
  const parsed = Run.safeParse(await kvs.get(keys.checkRun(runId)));
  return parsed.success ? parsed.data : undefined;
}

/** Only the creator and the worker-lease holder write the run. */
export async function saveRun(run: CheckRun): Promise<void> {
  await kvs.set(keys.checkRun(run.runId), run, KEEP);
}

/** The accounts at positions [from, from + count) of the run (within one slice or across two). */
export async function accountsOf(runId: string, from: number, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const first = Math.floor(from / SLICE);
  const last = Math.floor((from + count - 1) / SLICE);
  const slices = await Promise.all(
    Array.from({ length: last - first + 1 }, async (_, i) => {
      const parsed = Slice.safeParse(await kvs.get(keys.checkRunSlice(runId, first + i)));
      return parsed.success ? parsed.data : [];
    }),
  );
  return slices.flat().slice(from - first * SLICE, from - first * SLICE + count);
}

export async function requestStop(runId: string, stop: StopRequest): Promise<void> {
  await kvs.set(keys.checkStop(runId), stop, KEEP);
}

export async function readStop(runId: string): Promise<StopRequest | undefined> {
  const parsed = StopRequest.safeParse(await kvs.get(keys.checkStop(runId)));
  return parsed.success ? parsed.data : undefined;
}

export async function clearStop(runId: string): Promise<void> {
  await kvs.delete(keys.checkStop(runId));
}
