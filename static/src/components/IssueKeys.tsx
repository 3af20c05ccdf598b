import { words } from '../../../src/shared/words/base';
import { viewIssue } from '../jira';

/** Jira issue keys (the bugs of a result), each opening Jira's issue view dialog. */
export function IssueKeys({ keys, label = words.common.bugs }: { keys: readonly string[]; label?: string }) {
  if (keys.length === 0) return null;
  return (
    <span className="issue-keys">
      <span className="muted">{words.common.listLabel({ label })}</span>
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && ', '}
          <button type="button" className="btn btn-link issue-key" onClick={() => void viewIssue(key)}>
            {key}
          </button>
        </span>
      ))}
    </span>
  );
}
