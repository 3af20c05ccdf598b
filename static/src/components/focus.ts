/**
 * Focus that follows what opens and closes: a form or view that opens takes focus, Esc closes it,
 * and focus goes back to the control that opened it (or a named fallback when that one is gone, e.g.
 * the row of an unlinked test case).
 */
import { useCallback, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

/**
 * Focuses `el` now when it is already on screen (a row's own button, which outlives the view that
 * closes under it), so focus never passes through <body> while the closing render commits; and again
 * once that render is on screen (React commits after the handler that changed state) when the target
 * is new or was replaced.
 */
export function focusSoon(el: () => HTMLElement | null | undefined): void {
  const now = el();
  if (now?.isConnected) now.focus();
  setTimeout(() => {
    const target = el();
    if (target?.isConnected && target !== document.activeElement) target.focus();
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

/**
 * For a box mounted when it opens (a confirmation, an editor): focus moves to `target` then, and back
 * to what had it when the box closes (unmounts).
 */
export function useFocusWhileOpen(target: RefObject<HTMLElement | null>): void {
  // A layout effect: focus moves in the commit that shows (or removes) the box, never a task later.
  useLayoutEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    target.current?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
    // Once per opening: the box is mounted when it opens.
  }, []);
}

/** Esc closes the box (not while it is busy), without reaching what is behind it. */
export const closeOnEscape =
  (busy: boolean, onCancel: () => void) =>
  (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    if (!busy) onCancel();
  };
