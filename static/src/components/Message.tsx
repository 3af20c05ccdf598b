import type { ReactNode } from 'react';

export type Tone = 'info' | 'success' | 'warning' | 'error';

/**
 * A section message. Errors and warnings use role="alert" (announced at once); info and success use
 * role="status" (polite).
 */
export function Message({ tone, title, children, actions }: { tone: Tone; title?: string; children?: ReactNode; actions?: ReactNode }) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div role={role} className={`message message-${tone}`}>
      {title && <p className="message-title">{title}</p>}
      {children && <div className="message-body">{children}</div>}
      {actions && <div className="message-actions">{actions}</div>}
    </div>
  );
}
