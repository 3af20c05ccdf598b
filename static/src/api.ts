/**
 * The only way the UI talks to the backend: one call per row of the function table (the keys, and
 * which calls change what the summary counts, come from src/shared/calls.ts; the payload and
 * answer types from src/shared/functions.ts, imported type-only so no zod reaches the bundle). Every
 * call resolves to a `Result` (never throws, never hangs forever, never leaks raw JSON).
 */
import { makeInvoke } from '@forge/bridge';
import type { AppError, AppState, ErrorCode, Result } from '../../src/shared/definitions';
import type { AnswerOf, Definitions, PayloadOf } from '../../src/shared/functions';
import { CALLS, FUNCTION_KEYS, type CallFacts, type FunctionKey } from '../../src/shared/calls';
import { settle } from '../../src/shared/call';
import { announceTestsChanged } from './app-events';

export { CALL_TIMEOUT_MS, unwrap } from '../../src/shared/call';

const invoke = makeInvoke<Definitions>() as unknown as (key: FunctionKey, payload?: unknown) => Promise<unknown>;

/**
 * A function without payload takes no argument; one whose fields are all optional may be called
 * without one; otherwise the payload its schema describes.
 */
type Call<K extends FunctionKey> = Parameters<Definitions[K]> extends []
  ? () => Promise<Result<AnswerOf<K>>>
  : object extends PayloadOf<K>
    ? (payload?: PayloadOf<K>) => Promise<Result<AnswerOf<K>>>
    : (payload: PayloadOf<K>) => Promise<Result<AnswerOf<K>>>;
export type Api = { [K in FunctionKey]: Call<K> };

/**
 * Errors that mean the connection itself is gone (token revoked or deleted, project unmapped): the
 * screen that got one is stale as a whole, so whoever shows the connection state re-checks it.
 */
const CONNECTION_LOST: ReadonlySet<ErrorCode> = new Set(['TOKEN_REJECTED', 'NO_TOKEN', 'NOT_MAPPED', 'SUSPENDED']);
type Listener = (error: AppError) => void;
const connectionListeners = new Set<Listener>();

/** Called with the error whenever any call answers that the connection is gone; returns the unsubscribe. */
export function onConnectionLost(listener: Listener): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

/** A token saved, replaced or deleted: nothing read with the old one may be shown again (kept copies). */
const CHANGES_TOKEN: ReadonlySet<FunctionKey> = new Set(['savePat', 'deletePat']);
const tokenGoneListeners = new Set<() => void>();

/** Called whenever a call saved, replaced or deleted the token, or answered that it is rejected or gone. */
export function onTokenGone(listener: () => void): () => void {
  tokenGoneListeners.add(listener);
  return () => tokenGoneListeners.delete(listener);
}
const tokenGone = () => {
  for (const l of [...tokenGoneListeners]) l();
};

function callOf(key: FunctionKey) {
  // A write the summary counts (issue context module): on success, tell it to fetch again.
  const announces = (CALLS[key] as CallFacts).changesTests === true;
  return async (...args: [unknown?]): Promise<Result<unknown>> => {
    const r = await settle<unknown>(() => (args.length === 0 ? invoke(key) : invoke(key, args[0])));
    if (!r.ok && CONNECTION_LOST.has(r.error.code)) {
      if (r.error.code !== 'NOT_MAPPED') tokenGone();
      for (const l of [...connectionListeners]) l(r.error);
    }
    if (r.ok && announces) announceTestsChanged();
    if (r.ok && CHANGES_TOKEN.has(key)) tokenGone();
    return r;
  };
}

export const api = Object.fromEntries(FUNCTION_KEYS.map((key) => [key, callOf(key)])) as Api;

// The first screen's data is the critical path of a panel render: main.tsx asks for it before the
// context and the module's code have arrived, and the module picks the answer up when it mounts.
let early: Promise<Result<AppState>> | null = null;
let started: Promise<Result<AppState>> | null = null;

/** Starts the first getState (once per frame); the same promise each time it is asked. */
export function prefetchInitialState(): Promise<Result<AppState>> {
  if (!started) {
    started = api.getState();
    early = started;
  }
  return started;
}

/** The prefetched first `getState` (handed out once), or a fresh one. */
export function initialState(): Promise<Result<AppState>> {
  const pending = early;
  early = null;
  return pending ?? api.getState();
}
