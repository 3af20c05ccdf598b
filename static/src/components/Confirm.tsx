import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { words } from '../../../src/shared/words/base';
import { Button } from './Button';
import { Message } from './Message';

/**
 * A confirmation shown in place, next to what it is about (a modal would open far from it in a frame
 * that Jira sizes to its content). Focus moves into it when it opens, Esc or Cancel close it (not while
 * `busy`), and focus goes back to what opened it when it closes.
 */
export function Confirm({
  title,
  children,
  confirmLabel,
  busyLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  /** Why the last attempt failed (the backend's sentence); the confirmation stays open to retry. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const bodyId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    box.current?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
    // Once per opening: the component is mounted when the confirmation opens.
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    if (!busy) onCancel();
  };

  return (
    <div ref={box} className="confirm-box" role="group" aria-labelledby={titleId} aria-describedby={bodyId} tabIndex={-1} onKeyDown={onKeyDown}>
      <p id={titleId} className="confirm-title">
        {title}
      </p>
      <div id={bodyId} className="confirm-body">
        {children}
      </div>
      {error && (
        <Message tone="error">
          <p>{error}</p>
        </Message>
      )}
      <div className="form-actions">
        <Button appearance="danger" busy={busy} busyLabel={busyLabel} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button appearance="subtle" disabled={busy} onClick={onCancel}>
          {words.common.cancel}
        </Button>
      </div>
    </div>
  );
}
