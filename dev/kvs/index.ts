/**
 * Wires a KvsEmulator to `globalThis.__forge_fetch__`, the seam `@forge/kvs` sends every storage
 * call through (with `{ type: 'kvs' }` as the first argument).
 */
import { KvsEmulator } from './emulator';

export { KvsEmulator } from './emulator';
export type { KvsWrite } from './emulator';

type ForgeFetch = (target: { type: string }, path: string, init?: { body?: unknown }) => Promise<Response>;

declare global {
   
  var __forge_fetch__: ForgeFetch | undefined;
}

/** Installs the emulator; returns a function that restores whatever was there before. */
export function installForgeFetch(emulator: KvsEmulator): () => void {
  const previous = globalThis.__forge_fetch__;
  globalThis.__forge_fetch__ = async (target, path, init) => {
    if (target?.type !== 'kvs') {
      // Only storage goes through here in this app; anything else is a bug worth hearing about.
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
