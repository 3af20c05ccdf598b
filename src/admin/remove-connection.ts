/**
 * A Jira admin removes a user's stored TestKase connection: their token and every record the app keeps
 * for them go, with the same crash safety as the user's own delete (storage/token-store.ts
 * removeByAdmin), and the user is told why on their next visit. The audit log entry is written first
 * and confirmed after, so an interrupted removal still shows as started. It names the token actually
 * removed (storage/token-store.ts removeByAdmin reads it in the same write that removes it).
 */
import type { AdminRemoval } from '../shared/definitions';
import { appendAudit, updateAudit } from '../storage/audit-log';
import { removeByAdmin } from '../storage/token-store';
import { clearMarks } from '../storage/admin-marks';
import { log } from '../log';
import { guardAuditRate } from './audit-guard';

export async function removeConnection(adminAccountId: string, accountId: string): Promise<AdminRemoval> {
  await guardAuditRate(adminAccountId);
  const { key, record } = await appendAudit({
    action: 'REMOVE_CONNECTION',
    actor: adminAccountId,
    target: accountId,
    outcome: 'STARTED',
    token: null,
    check: null,
  });
  // A removal is a clean slate: a suspension, a note, a finding about the token go with it (the log keeps them).
  const [removed] = await Promise.all([removeByAdmin(accountId, adminAccountId, record.at), clearMarks(accountId)]);
  await updateAudit(key, {
    ...record,
    outcome: removed ? 'DONE' : 'NOTHING_STORED',
    token: removed ? { preview: removed.preview, tokenName: removed.tokenName } : null,
  });
  log.info(removed ? 'a Jira admin removed a stored TestKase connection' : 'a Jira admin removed a connection that was not stored');
  return { accountId, removed: removed !== null };
}
