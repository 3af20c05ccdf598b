import type { Notice } from '../load';
import { Message } from '../components/Message';

/** The result of the last write; errors are alerts, successes polite status messages. */
export function NoticeView({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <Message tone={notice.tone}>
      <p>{notice.text}</p>
    </Message>
  );
}
