/**
 * A resolver call's TestKase work ends when the call answers. Without this, a request whose sibling
 * failed first (savePat: whoAmI answers 401 while the project list is still being retried) went on
 * retrying after the answer — requests with a token the user was already told is rejected, spending
 * that token's rate limit, from a function Forge may already have frozen or reused for the next call.
 * Every client made during a call takes the call's signal (client.ts); it is aborted when the call
 * ends, which stops the attempt in flight and any retry still to come.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';

const current = new AsyncLocalStorage<AbortSignal>();

/** Runs one resolver call; the TestKase requests it started and left behind are stopped when it ends. */
export async function withCallLifetime<T>(body: () => Promise<T>): Promise<T> {
  const ended = new AbortController();
  setMaxListeners(0, ended.signal); // one listener per request in flight: a call may have many at once
  try {
    return await current.run(ended.signal, body);
  } finally {
    ended.abort();
  }
}

/** The signal of the call in progress (none outside a resolver call: scripts, the benchmark's own clients). */
export function callSignal(): AbortSignal | undefined {
  return current.getStore();
}
