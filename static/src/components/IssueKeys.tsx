import { viewIssue } from '../jira';

/** Jira issue keys (the bugs of a result), each opening Jira's issue view dialog. */
export function IssueKeys({ keys, label = 'Bugs' }: { keys: readonly string[]; label?: string }) {
  if (keys.length === 0) return null;
  return (
    <span className="issue-keys">
      <span className="muted">{label}: </span>
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
