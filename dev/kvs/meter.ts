/**
 * Counts what the backend asks of Forge storage while a body runs: calls, and round trips — the
 * longest chain of calls each started after the previous one answered (calls started together count
 * once). In Forge each storage call is a network call, so round trips, not calls, are what a person
 * waits for. Measures by structure, not by time.
 */
export interface StorageMeter {
  calls: number;
  roundTrips: number;
  /** Calls per KVS operation (`/api/v1/get`, `/api/v1/query`…). */
  byPath: Record<string, number>;
}

export async function meterStorage<T>(body: () => Promise<T>): Promise<{ result: T; meter: StorageMeter }> {
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
