/**
 * The Jira admin page's functions. The envelope has already checked that the caller is a Jira
 * administrator on the admin page (admin-access.ts) before any of these runs.
 */
import { auditPage } from '../admin/audit-view';
import { checkAll, CheckRunNotFound } from '../admin/check-all';
import { listConnections } from '../admin/list-connections';
import { removeConnection } from '../admin/remove-connection';
import { resumeConnection, setNote, suspendConnection } from '../admin/connection-marks';
import { refreshListing } from '../admin/listing/snapshot-build';
import type { Implementation } from './envelope';
import { fail } from './errors';
import { words } from '../shared/words/backend';

const adminListConnections: Implementation<'adminListConnections'> = (query) => listConnections(query);

const adminRemoveConnection: Implementation<'adminRemoveConnection'> = ({ accountId }, caller) => removeConnection(caller.accountId, accountId);

const adminCheckAll: Implementation<'adminCheckAll'> = async ({ runId, stop }, caller) => {
  try {
    return await checkAll(caller.accountId, { runId, stop });
  } catch (e) {
    if (e instanceof CheckRunNotFound) throw fail('NOT_FOUND', words.errors.checkRunGone);
    throw e;
  }
};

const adminAuditLog: Implementation<'adminAuditLog'> = ({ cursor }) => auditPage(cursor);

const adminSuspendConnection: Implementation<'adminSuspendConnection'> = ({ accountId }, caller) => suspendConnection(caller.accountId, accountId);
const adminResumeConnection: Implementation<'adminResumeConnection'> = ({ accountId }, caller) => resumeConnection(caller.accountId, accountId);
const adminSetNote: Implementation<'adminSetNote'> = ({ accountId, text }, caller) => setNote(caller.accountId, accountId, text);
const adminRefreshListing: Implementation<'adminRefreshListing'> = (_input, caller) => refreshListing(caller.accountId);

export const adminResolvers = {
  adminListConnections,
  adminRemoveConnection,
  adminCheckAll,
  adminAuditLog,
  adminSuspendConnection,
  adminResumeConnection,
  adminSetNote,
  adminRefreshListing,
};
