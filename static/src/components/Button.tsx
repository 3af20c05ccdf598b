import type { ButtonHTMLAttributes } from 'react';

type Appearance = 'primary' | 'default' | 'subtle' | 'danger' | 'link';

/** A Jira-looking button. `busy` disables it and swaps the label (e.g. "Saving…"). */
export function Button({
  appearance = 'default',
  busy = false,
  busyLabel,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { appearance?: Appearance; busy?: boolean; busyLabel?: string }) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={`btn btn-${appearance}${className ? ` ${className}` : ''}`}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
