import { words } from '../../../src/shared/words/base';
import { viewIssue } from '../jira';
import { focusSoon } from './focus';

/**
 * Jira issue keys (the bugs of a result), each opening Jira's issue view dialog; when it closes, focus
 * is put back on the key that opened it (Jira returns focus to the app's frame, not inside it).
 */
export function IssueKeys({ keys, label = words.common.bugs }: { keys: readonly string[]; label?: string }) {
  if (keys.length === 0) return null;
  return (
    <span className="issue-keys">
      <span className="muted">{words.common.listLabel({ label })}</span>
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && ', '}
          <button type="button" className="btn btn-link issue-key" onClick={(e) => {
              const opener = e.currentTarget;
              void viewIssue(key, () => focusSoon(() => opener));
            }}>
            {key}
          </button>
        </span>
      ))}
    </span>
  );
}
