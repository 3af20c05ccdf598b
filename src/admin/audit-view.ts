/** The audit log as the Jira admin page shows it: newest first, with who acted and whose connection, by name. */
import type { AuditPage, JiraUserSummary } from '../shared/definitions';
import { readAudit } from '../storage/audit-log';
import { isJiraFailure } from '../jira/answer';
import { lookUpUsers } from '../jira/users';
import { log } from '../log';

const PAGE = 25;

const unknownUser = (accountId: string): JiraUserSummary => ({ accountId, displayName: null, avatarUrl: null, active: null });

export async function auditPage(cursor: string | undefined): Promise<AuditPage> {
  const { records, nextCursor } = await readAudit(PAGE, cursor);
  let users = new Map<string, JiraUserSummary>();
  const accounts = records.flatMap((r) => (r.target ? [r.actor, r.target] : [r.actor]));
  try {
    if (accounts.length > 0) users = await lookUpUsers(accounts);
  } catch (e) {
    if (!isJiraFailure(e)) throw e;
    log.warn('Jira did not say who the audit log accounts are', e);
  }
  const who = (accountId: string) => users.get(accountId) ?? unknownUser(accountId);
  return {
    entries: records.map((r) => ({ ...r, actor: who(r.actor), target: r.target ? who(r.target) : null })),
    nextCursor,
  };
}
