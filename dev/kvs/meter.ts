/**
 * Counts what the backend asks of Forge storage while a body runs: calls, round trips — the longest
 * chain of calls each started after the previous one answered (calls started together count once) —
 * and the read and write units the KVS emulation charged them (Forge's 10 KB units, limits.ts). In
 * Forge each storage call is a network call, so round trips, not calls, are what a person waits for,
 * and units are what the installation's quota (4,000 read + 4,000 write a minute) counts. Measures by
 * structure, not by time.
 */
import type { KvsEmulator, KvsUsage } from './emulator';

export interface StorageMeter {
  calls: number;
  roundTrips: number;
  /** Calls per KVS operation (`/api/v1/get`, `/api/v1/query`…). */
  byPath: Record<string, number>;
}

export interface UnitMeter {
  readUnits: number;
  writeUnits: number;
  /** Units per KVS operation. */
  byPath: KvsUsage['byPath'];
}

/** Round trips and calls of `body` (any storage behind `__forge_fetch__`). */
async function meterStorage<T>(body: () => Promise<T>): Promise<{ result: T; meter: StorageMeter }> {
  const original = globalThis.__forge_fetch__;
  if (!original) throw new Error('install the KVS emulation first');
  const meter: StorageMeter = { calls: 0, roundTrips: 0, byPath: {} };
  // A call's depth is one more than the deepest call that had answered when it started.
  let answeredDepth = 0;
  globalThis.__forge_fetch__ = async (target, path, init) => {
    if (target?.type !== 'kvs') return original(target, path, init);
    meter.calls += 1;
    meter.byPath[path] = (meter.byPath[path] ?? 0) + 1;
    const depth = answeredDepth + 1;
    meter.roundTrips = Math.max(meter.roundTrips, depth);
    try {
      return await original(target, path, init);
    } finally {
      answeredDepth = Math.max(answeredDepth, depth);
    }
  };
  try {
    return { result: await body(), meter };
  } finally {
    globalThis.__forge_fetch__ = original;
  }
}

/** The units `emulator` charged while `body` ran (with round trips and calls), for quota assertions. */
export async function meterUnits<T>(emulator: KvsEmulator, body: () => Promise<T>): Promise<{ result: T; meter: StorageMeter; units: UnitMeter }> {
  const before = structuredClone(emulator.usage);
  const { result, meter } = await meterStorage(body);
  const after = emulator.usage;
  const byPath: UnitMeter['byPath'] = {};
  for (const [path, used] of Object.entries(after.byPath)) {
    const was = before.byPath[path] ?? { requests: 0, readUnits: 0, writeUnits: 0 };
    const diff = { requests: used.requests - was.requests, readUnits: used.readUnits - was.readUnits, writeUnits: used.writeUnits - was.writeUnits };
    if (diff.requests > 0) byPath[path] = diff;
  }
  return { result, meter, units: { readUnits: after.readUnits - before.readUnits, writeUnits: after.writeUnits - before.writeUnits, byPath } };
}
