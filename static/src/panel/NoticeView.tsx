import { Message } from '../components/Message';

/** The outcome of a write, shown next to the control that made it. */
export type Notice = { tone: 'success' | 'error' | 'info'; text: string } | null;

/** The result of the last write; errors are alerts, successes polite status messages. */
export function NoticeView({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <Message tone={notice.tone}>
      <p>{notice.text}</p>
    </Message>
  );
}
