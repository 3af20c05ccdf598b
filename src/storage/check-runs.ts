/**
 * A Jira admin's "check all" run, kept between the invocations that carry it out (each does what
 * fits in Forge's 25 s and the page calls again): the accounts to check, fixed when the run starts,
 * in slices of SLICE accounts (a value holds at most 240 KiB), and how far it got. Kept one day.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { keys } from './keys';

const SLICE = 1_000;
const KEEP = { ttl: { value: 1, unit: 'DAYS' as const } };

export const Tally = z.object({ WORKING: z.number(), REJECTED: z.number(), EXPIRED: z.number(), UNREACHABLE: z.number(), GONE: z.number() });
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
});
export type CheckRun = z.infer<typeof Run>;

const Slice = z.array(z.string());

export const emptyTally = (): Tally => ({ WORKING: 0, REJECTED: 0, EXPIRED: 0, UNREACHABLE: 0, GONE: 0 });

export async function createRun(run: Omit<CheckRun, 'total' | 'next' | 'tally' | 'notBefore'>, accountIds: readonly string[]): Promise<CheckRun> {
  const slices: string[][] = [];
  for (let i = 0; i < accountIds.length; i += SLICE) slices.push(accountIds.slice(i, i + SLICE));
  const created: CheckRun = { ...run, total: accountIds.length, next: 0, tally: emptyTally(), notBefore: 0 };
  // The slices first: a run record is never visible without its accounts.
  await Promise.all(slices.map((slice, i) => kvs.set(keys.checkRunSlice(run.runId, i), slice, KEEP)));
  await kvs.set(keys.checkRun(run.runId), created, KEEP);
  return created;
}

export async function readRun(runId: string): Promise<CheckRun | undefined> {
  const parsed = Run.safeParse(await kvs.get(keys.checkRun(runId)));
  return parsed.success ? parsed.data : undefined;
}

export async function saveRun(run: CheckRun): Promise<void> {
  await kvs.set(keys.checkRun(run.runId), run, KEEP);
}

/** The accounts at positions [from, from + count) of the run (within one slice or across two). */
export async function accountsOf(runId: string, from: number, count: number): Promise<string[]> {
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
