/**
 * The panel's first screen: the kept copy at once (when this user saw this issue lately), then the
 * fresh getState the entry started before React loaded. The fresh answer replaces the copy in place
 * (the same ReadyPanel, so nothing remounts: no flash, no jump, focus and scroll stay); while TestKase
 * is slow or down the copy stays, marked, with the error and Retry. What the fresh answer means for the
 * kept copies (keep, drop the issue's, drop the account's) is decided in kept/panel.ts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, AppState, Result } from '../../../src/shared/definitions';
import { keptFate, type Kept } from '../../../src/shared/kept';
import { api, initialState, onConnectionLost } from '../api';
import { announceConnectionChanged } from '../app-events';
import type { UiContext } from '../context';
import { keptKeyOf, readKeptPanel, type KeptPanel } from '../kept/panel';

export type FirstView =
  | { kind: 'loading' }
  | { kind: 'error'; error: AppError }
  | { kind: 'fresh'; state: AppState }
  /** The kept copy; `failure`: the fresh answer could not be had (TestKase slow or down); `retrying`: asked again. */
  | { kind: 'kept'; kept: Kept<KeptPanel>; failure: AppError | null; retrying: boolean };

export interface FirstScreen {
  view: FirstView;
  /** When a fresh answer last replaced a kept copy (for "Updated just now"); null if it never did. */
  swappedAt: number | null;
  /** Retry (a failure, or a state with a Retry step): getState again, behind whatever is shown. */
  retry: () => void;
}

/** A fresh answer that does not replace a kept copy but leaves it shown, marked, with this failure. */
function failureOf(r: Result<AppState>): AppError | null {
  if (!r.ok) return r.error;
  const { connection, linked } = r.data;
  if (connection.kind === 'READY') return linked && !linked.ok ? linked.error : null;
  if (connection.kind === 'PAT_SAVED' && keptFate(connection) === 'keep') return { code: connection.reason === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'UNAVAILABLE', message: connection.message.text };
  return null;
}

export function useFirstScreen(ctx: UiContext): FirstScreen {
  const key = keptKeyOf(ctx);
  const [shownKept] = useState(() => readKeptPanel(key));
  const [view, setView] = useState<FirstView>(() => (shownKept ? { kind: 'kept', kept: shownKept, failure: null, retrying: false } : { kind: 'loading' }));
  const [swappedAt, setSwappedAt] = useState<number | null>(null);
  const latest = useRef(0);
  const keyRef = useRef(key);

  const viewRef = useRef(view);
  viewRef.current = view;

  const settle = useCallback(
    (r: Result<AppState>) => {
      if (r.ok) {
        const { data } = r;
        void import('../kept/panel-write').then((w) => w.settleKept(keyRef.current, data, shownKept), () => undefined);
      }
      const prev = viewRef.current;
      if (prev.kind === 'kept') {
        // The copy stays, marked, where the fresh answer is not to be had; any other fresh answer wins.
        const failure = failureOf(r);
        if (failure) return setView({ ...prev, failure, retrying: false });
        setSwappedAt(Date.now());
      }
      setView(r.ok ? { kind: 'fresh', state: r.data } : { kind: 'error', error: r.error });
    },
    [shownKept],
  );

  const run = useCallback(
    async (call: () => Promise<Result<AppState>>) => {
      const request = ++latest.current;
      const r = await call();
      if (request === latest.current) settle(r);
    },
    [settle],
  );

  useEffect(() => {
    void run(initialState);
    return () => {
      latest.current += 1;
    };
  }, [run]);

  const retry = useCallback(() => {
    setView((prev) => (prev.kind === 'kept' ? { ...prev, retrying: true } : { kind: 'loading' }));
    void run(() => api.getState());
  }, [run]);

  // A call answered that the token or the mapping is gone: re-check, so the state's own message replaces
  // the whole panel (and the kept copies go with the token, in settle).
  // The glance on the same page follows (it reads its own state again).
  useEffect(() => onConnectionLost(() => {
    announceConnectionChanged();
    void run(() => api.getState());
  }), [run]);

  return { view, swappedAt, retry };
}
