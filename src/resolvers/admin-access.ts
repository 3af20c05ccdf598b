/**
 * Who may use the Jira admin page's functions: a Jira administrator (Jira's own ADMINISTER
 * permission, asked as the caller: jira/permissions.ts), calling from the admin page. The accountId
 * and the module come from the trusted Forge context; nothing the browser sends takes part. A refusal
 * changes nothing: it happens before the payload is parsed.
 */
import { isJiraFailure, needsConsent } from '../jira/answer';
import { isJiraAdministrator } from '../jira/permissions';
import { log } from '../log';
import type { CallContext } from './context';
import { fail } from './errors';
import { sentences } from './sentences';

export async function requireJiraAdmin(caller: CallContext): Promise<void> {
  if (caller.module !== 'ADMIN_PAGE') throw fail('FORBIDDEN', sentences.admin.pageOnly);
  let admin: boolean;
  try {
    admin = await isJiraAdministrator();
  } catch (e) {
    if (needsConsent(e)) throw e;
    if (!(isJiraFailure(e) && e.kind === 'REFUSED')) {
      log.warn('Jira could not say whether the caller is a Jira administrator', e);
      throw fail('UNAVAILABLE', sentences.admin.unverified);
    }
    admin = false;
  }
  if (!admin) {
    log.warn('a Jira admin function was refused to a caller who is not a Jira administrator');
    throw fail('FORBIDDEN', sentences.admin.notAdmin);
  }
}
