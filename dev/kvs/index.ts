/**
 * Wires a KvsEmulator to `globalThis.__forge_fetch__`, the seam `@forge/kvs` sends every storage
 * call through (with `{ type: 'kvs' }` as the first argument), and optionally the product API calls
 * `@forge/api` sends through it (`{ type: 'fpp', … }`: `asUser().requestJira(…)`), for in-process tests.
 */
import { KvsEmulator } from './emulator';

/** Answers a product API call made in-process; `target` is what @forge/api sent (`provider`, `remote`…). */
export type InProcessProduct = (call: { target: Record<string, unknown>; method: string; path: string; body: string }) => Promise<{ status: number; body: unknown; headers?: Record<string, string> }>;

export { KvsEmulator } from './emulator';
export type { KvsWrite } from './emulator';
export { KVS_LIMITS } from './limits';

type ForgeFetch = (target: { type: string }, path: string, init?: { body?: unknown; method?: string }) => Promise<Response>;

declare global {
   
  var __forge_fetch__: ForgeFetch | undefined;
}

/** Installs the emulator; returns a function that restores whatever was there before. */
export function installForgeFetch(emulator: KvsEmulator, options: { product?: InProcessProduct } = {}): () => void {
  const previous = globalThis.__forge_fetch__;
  globalThis.__forge_fetch__ = async (target, path, init) => {
    if (target?.type === 'fpp' && options.product) {
      const answer = await options.product({ target, method: init?.method ?? 'GET', path, body: typeof init?.body === 'string' ? init.body : '' });
      return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
    }
    if (target?.type !== 'kvs') {
      // Only storage (and, when given, product calls) goes through here; anything else is a bug worth hearing about.
      throw new Error(`The local Forge runtime does not emulate __forge_fetch__ of type '${String(target?.type)}'`);
    }
    let body: unknown = undefined;
    if (typeof init?.body === 'string' && init.body.length > 0) body = JSON.parse(init.body);
    const result = await emulator.handleAfterLatency(path, body);
    const text = result.body === undefined ? '' : JSON.stringify(result.body);
    return new Response(result.status === 204 ? null : text, {
      status: result.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return () => {
    globalThis.__forge_fetch__ = previous;
  };
}
