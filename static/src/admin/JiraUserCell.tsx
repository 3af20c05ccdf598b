import type { AdminConnection, JiraUserSummary } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/admin';
import { Lozenge } from '../components/Lozenge';

/** How a connection's owner is named in sentences: Jira's name, else TestKase's, else the account id. */
export function whoIs(row: Pick<AdminConnection, 'accountId' | 'jiraUser' | 'testkaseUser'>): string {
  return row.jiraUser?.displayName ?? row.testkaseUser?.name ?? row.accountId;
}

/** A Jira account: avatar and name as Jira gives them, or the account id when Jira did not say. */
export function JiraUserCell({ accountId, user }: { accountId: string; user: JiraUserSummary | null }) {
  return (
    <span className="jira-user">
      {user?.avatarUrl ? <img className="avatar" src={user.avatarUrl} alt="" width="24" height="24" /> : <span className="avatar avatar-empty" aria-hidden="true" />}
      <span>
        {user?.displayName ? (
          <span className="block">{user.displayName}</span>
        ) : (
          <>
            <span className="block muted">{words.admin.unknownUser}</span>
            <span className="block muted small mono" title={words.admin.accountId}>
              {accountId}
            </span>
          </>
        )}
        {user?.active === false && <Lozenge>{words.admin.deactivated}</Lozenge>}
      </span>
    </span>
  );
}
