/**
 * The @forge/bridge stand-in for UI tests: `vi.mock('@forge/bridge', () => import('./bridgeMock'))`
 * (path relative to the test). `invoke` is what `makeInvoke()` returns; route it with `routeInvoke`.
 */
import { vi } from 'vitest';
import type { Definitions, FunctionKey } from '../../src/shared/definitions';

export const invoke = vi.fn<(key: FunctionKey, payload?: unknown) => Promise<unknown>>();
export const navigate = vi.fn<(location: unknown) => Promise<void>>(async () => undefined);
export const open = vi.fn<(location: unknown) => Promise<void>>(async () => undefined);
/** The location `view.createHistory()` answers with (the global page reads `?returnTo=` from it). */
export const historyLocation = { pathname: '/', search: '' };
export const getContext = vi.fn<() => Promise<unknown>>();
export const enableTheme = vi.fn<() => Promise<void>>(async () => undefined);

export const emit = vi.fn<(event: string, payload?: unknown) => Promise<void>>(async () => undefined);
export const on = vi.fn<(event: string, callback: (payload?: unknown) => unknown) => Promise<{ unsubscribe(): void }>>(async () => ({ unsubscribe: () => undefined }));

export const makeInvoke = () => invoke;
export const events = { emit, on };
export const view = { getContext, theme: { enable: enableTheme }, createHistory: async () => ({ location: { ...historyLocation } }) };
export const router = { navigate, open };

type Handler<K extends FunctionKey> = (payload: Parameters<Definitions[K]>[0]) => Awaited<ReturnType<Definitions[K]>> | Promise<Awaited<ReturnType<Definitions[K]>>>;
export type Handlers = { [K in FunctionKey]?: Handler<K> };

/** Answer each resolver call from `handlers`; an unexpected call fails the test loudly. */
export function routeInvoke(handlers: Handlers) {
  invoke.mockImplementation(async (key, payload) => {
    const h = handlers[key] as ((p: unknown) => unknown) | undefined;
    if (!h) throw new Error(`unexpected invoke ${String(key)}`);
    return h(payload);
  });
}

/** How often, and with what payloads, a resolver function was called. */
export const callsOf = (key: FunctionKey) => invoke.mock.calls.filter(([k]) => k === key).map(([, p]) => p);
