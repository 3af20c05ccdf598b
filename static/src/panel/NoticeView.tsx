import type { ReactNode, Ref } from 'react';
import { Message } from '../components/Message';

/** The outcome of a write, shown next to the control that made it. */
export type Notice = {
  tone: 'success' | 'error' | 'info' | 'warning';
  text: string;
  /** Further whole sentences, each its own paragraph (an outcome's groups, the next step). */
  more?: readonly string[];
  /** An action the outcome offers (e.g. Record again for the ones not recorded). */
  action?: ReactNode;
} | null;

/**
 * The result of the last write; errors are alerts, successes polite status messages. Focusable from
 * code (`noticeRef`) so focus can land on the outcome when the control that made it is gone.
 */
export function NoticeView({ notice, noticeRef }: { notice: Notice; noticeRef?: Ref<HTMLDivElement> }) {
  if (!notice) return null;
  return (
    <div ref={noticeRef} tabIndex={-1} className="notice">
      <Message tone={notice.tone} actions={notice.action}>
        <p>{notice.text}</p>
        {notice.more?.map((line) => <p key={line}>{line}</p>)}
      </Message>
    </div>
  );
}
