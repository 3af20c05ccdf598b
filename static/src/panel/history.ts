/**
 * Views the panel opens (a test cycle) are entries in the browser's history of the panel's own frame:
 * the browser's Back closes the view and stays on the issue, as Back does in Jira's own panels.
 *
 * Why the frame's History API and not `view.createHistory()`: Forge documents createHistory for
 * full-page modules, whose path Jira mirrors into its own URL; in an issue panel there is no such URL,
 * and the local host's createHistory is an in-memory stack the browser's Back never reaches. An
 * iframe's `history.pushState` adds to the tab's joint session history, so Back pops the panel's entry
 * first. The frame's URL is left as it is (state only), so a reload never lands on another URL.
 */
import { useCallback, useEffect, useState } from 'react';

function stateOf(key: string, state: unknown): unknown {
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>)[key] : undefined;
}

/** `[view, open, close]`: `open` pushes an entry; `close` (and the browser's Back) pops it. */
export function usePanelView<T>(key: string): [T | null, (view: T) => void, () => void] {
  const [view, setView] = useState<T | null>(null);

  useEffect(() => {
    // A reloaded frame starts on the list, whatever entry it was left on.
    if (stateOf(key, window.history.state) !== undefined) window.history.replaceState({ ...(window.history.state as object), [key]: undefined }, '');
    const onPop = (e: PopStateEvent) => setView((stateOf(key, e.state) as T | undefined) ?? null);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [key]);

  const open = useCallback(
    (next: T) => {
      const base = typeof window.history.state === 'object' && window.history.state !== null ? (window.history.state as object) : {};
      window.history.pushState({ ...base, [key]: next }, '');
      setView(next);
    },
    [key],
  );
  const close = useCallback(() => {
    if (stateOf(key, window.history.state) !== undefined) window.history.back();
    else setView(null);
  }, [key]);
  return [view, open, close];
}
