/**
 * Who may use the Jira admin page's functions: a Jira administrator (Jira's own ADMINISTER
 * permission, asked as the caller: jira/permissions.ts). The envelope has already let only calls from
 * the admin page through (the function table's modules); nothing the browser sends takes part. A
 * refusal changes nothing: it happens before the payload is parsed.
 */
import { isJiraFailure, needsConsent } from '../jira/answer';
import { isJiraAdministrator } from '../jira/permissions';
import { log } from '../log';
import { words } from '../shared/words/backend';
import { fail } from './errors';

export async function requireJiraAdmin(): Promise<void> {
  let admin: boolean;
  try {
    admin = await isJiraAdministrator();
  } catch (e) {
    if (needsConsent(e)) throw e;
    if (!(isJiraFailure(e) && e.kind === 'REFUSED')) {
      log.warn('Jira could not say whether the caller is a Jira administrator', e);
      throw fail('UNAVAILABLE', words.errors.adminUnverified);
    }
    admin = false;
  }
  if (!admin) {
    log.warn('a Jira admin function was refused to a caller who is not a Jira administrator');
    throw fail('FORBIDDEN', words.errors.notAdmin);
  }
}
