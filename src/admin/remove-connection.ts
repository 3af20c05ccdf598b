/**
 * A Jira admin removes a user's stored TestKase connection: their token and every record the app keeps
 * for them go, with the same crash safety as the user's own delete (storage/token-store.ts
 * removeByAdmin), and the user is told why on their next visit. The audit log entry is written first
 * and confirmed after, so an interrupted removal still shows as started.
 */
import type { AdminRemoval } from '../shared/definitions';
import { appendAudit, updateAudit } from '../storage/audit-log';
import { removeByAdmin } from '../storage/token-store';
import { log } from '../log';

export async function removeConnection(adminAccountId: string, accountId: string): Promise<AdminRemoval> {
  const { key, record } = await appendAudit({
    action: 'REMOVE_CONNECTION',
    actor: adminAccountId,
    target: accountId,
    outcome: 'STARTED',
    token: null,
    check: null,
  });
  const removed = await removeByAdmin(accountId, adminAccountId, record.at);
  await updateAudit(key, {
    ...record,
    outcome: removed ? 'DONE' : 'NOTHING_STORED',
    token: removed ? { preview: removed.preview, tokenName: removed.tokenName } : null,
  });
  log.info(removed ? 'a Jira admin removed a stored TestKase connection' : 'a Jira admin removed a connection that was not stored');
  return { accountId, removed: removed !== null };
}
