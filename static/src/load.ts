/** Data a screen fetches from the backend: one hook for every list and screen (shown by `<Loaded>`). */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { AppError, Result } from '../../src/shared/definitions';

/** Loading, failed (with the backend's sentence), or there. */
export type Load<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: T };

const fromResult = <T,>(r: Result<T>): Load<T> => (r.ok ? { status: 'ready', data: r.data } : { status: 'error', error: r.error });

export interface LoadOptions<T> {
  /** Already fetched (e.g. part of `getState`'s answer): shown at once instead of a first fetch. `null` fetches. */
  initial?: Result<T> | null;
  /** Makes the first fetch instead of `fetch`: the `getState` that main.tsx started before this code arrived. */
  firstFetch?: () => Promise<Result<T>>;
}

interface RefreshOptions {
  /**
   * What a failed refresh does to data already shown: `keep` it (a list the user is reading stays,
   * as stale data is more use than an error), or `show` the error instead.
   */
  onError?: 'keep' | 'show';
}

export interface Loader<T> {
  state: Load<T>;
  /** Shows the skeleton and fetches again: what Retry does. */
  reload: () => Promise<void>;
  /** Fetches again behind what is shown (after a write, or a poll); no skeleton. */
  refresh: (options?: RefreshOptions) => Promise<void>;
  /** Changes the shown data to match a write the backend confirmed, without a fetch. Only when shown. */
  update: (change: (data: T) => T) => void;
  /**
   * Shows an answer fetched elsewhere (the first screen's fresh answer replacing a kept copy), as if
   * it were this loader's newest: an answer still on its way from an earlier fetch is dropped.
   */
  set: (answer: Result<T>) => void;
}

/**
 * Fetches with `fetch` when mounted and whenever `deps` change. Only the newest request's answer is
 * shown: an answer that arrives after a later reload, after `deps` changed or after unmounting is
 * dropped, so a slow refresh cannot overwrite a newer one.
 */
export function useLoad<T>(fetch: () => Promise<Result<T>>, deps: DependencyList, options: LoadOptions<T> = {}): Loader<T> {
  const { initial, firstFetch } = options;
  const [state, setState] = useState<Load<T>>(() => (initial ? fromResult(initial) : { status: 'loading' }));
  // The latest `fetch` (often a new closure each render) without refetching on every render.
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const latest = useRef(0);
  const mounted = useRef(false);

  const run = useCallback(async (call: () => Promise<Result<T>>, after: { skeleton: boolean; onError: 'keep' | 'show' }) => {
    const request = ++latest.current;
    if (after.skeleton) setState({ status: 'loading' });
    const r = await call();
    if (request !== latest.current) return;
    setState((prev) => (r.ok || after.onError === 'show' || prev.status !== 'ready' ? fromResult(r) : prev));
  }, []);

  useEffect(() => {
    const first = !mounted.current;
    mounted.current = true;
    if (!(first && initial)) {
      // On mount the state already says loading; new deps must not show the old deps' data.
      void run(first && firstFetch ? firstFetch : () => fetchRef.current(), { skeleton: !first, onError: 'show' });
    }
    return () => {
      latest.current += 1;
    };
    // `deps` are the caller's: they say when `fetch` means another thing to fetch.
  }, deps);

  const reload = useCallback(() => run(() => fetchRef.current(), { skeleton: true, onError: 'show' }), [run]);
  const refresh = useCallback(
    ({ onError = 'keep' }: RefreshOptions = {}) => run(() => fetchRef.current(), { skeleton: false, onError }),
    [run],
  );
  const update = useCallback((change: (data: T) => T) => {
    setState((prev) => (prev.status === 'ready' ? { status: 'ready', data: change(prev.data) } : prev));
  }, []);

  const set = useCallback((answer: Result<T>) => {
    latest.current += 1;
    setState(fromResult(answer));
  }, []);

  return { state, reload, refresh, update, set };
}
