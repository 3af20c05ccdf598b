/**
 * The Jira admin page's functions. The envelope has already checked that the caller is a Jira
 * administrator on the admin page (admin-access.ts) before any of these runs.
 */
import { auditPage } from '../admin/audit-view';
import { checkAll, CheckRunNotFound } from '../admin/check-all';
import { listConnections } from '../admin/list-connections';
import { removeConnection } from '../admin/remove-connection';
import type { Implementation } from './envelope';
import { fail } from './errors';
import { words } from '../shared/words/backend';

const adminListConnections: Implementation<'adminListConnections'> = (query) => listConnections(query);

const adminRemoveConnection: Implementation<'adminRemoveConnection'> = ({ accountId }, caller) => removeConnection(caller.accountId, accountId);

const adminCheckAll: Implementation<'adminCheckAll'> = async ({ runId }, caller) => {
  try {
    return await checkAll(caller.accountId, runId);
  } catch (e) {
    if (e instanceof CheckRunNotFound) throw fail('NOT_FOUND', words.errors.checkRunGone);
    throw e;
  }
};

const adminAuditLog: Implementation<'adminAuditLog'> = ({ cursor }) => auditPage(cursor);

export const adminResolvers = { adminListConnections, adminRemoveConnection, adminCheckAll, adminAuditLog };
