/**
 * Focus that follows what opens and closes: a form or view that opens takes focus, Esc closes it,
 * and focus goes back to the control that opened it (or a named fallback when that one is gone, e.g.
 * the row of an unlinked test case).
 */
import { useCallback, useRef } from 'react';

/** Focuses `el` once the current render is on screen (React commits after the handler that changed state). */
export function focusSoon(el: () => HTMLElement | null | undefined): void {
  setTimeout(() => {
    const target = el();
    if (target?.isConnected) target.focus();
  }, 0);
}

/** Remembers the focused control when something opens; `restore` puts focus back there (or on `fallback`). */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, []);
  const restore = useCallback((fallback?: () => HTMLElement | null | undefined) => {
    const el = opener.current;
    opener.current = null;
    focusSoon(() => (el?.isConnected ? el : fallback?.()));
  }, []);
  return { remember, restore };
}
