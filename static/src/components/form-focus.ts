/** A form or view that opens takes focus (its first field), and Esc closes it. */
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const FIELDS = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])';

/** A form that opens: its first field takes focus, and Esc cancels it. */
export function useFormFocus<T extends HTMLElement>(onCancel: () => void): { ref: RefObject<T>; onKeyDown: (e: KeyboardEvent<T>) => void } {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>(FIELDS)?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent<T>) => {
    if (e.key !== 'Escape') return;
    // The innermost open form closes, not every form around it.
    e.stopPropagation();
    e.preventDefault();
    onCancel();
  };
  return { ref, onKeyDown };
}
