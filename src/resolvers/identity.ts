/**
 * checkIdentity: on the global page, whether the saved token's TestKase user is the person signed in
 * to Jira (a Jira user can save someone else's token, and everything they do is then recorded as that
 * person). Jira is asked who the caller is, as the caller; the TestKase user is the one stored with the
 * token. When Jira cannot be asked the answer is UNKNOWN — no warning rather than a false one — and the
 * failure is logged (it never holds the token). A separate function, so the panel's getState makes no
 * Jira call.
 */
import type { IdentityCheck } from '../shared/definitions';
import { compareIdentity, normalizeName } from '../connection/acting-identity';
import { needsConsent } from '../jira/answer';
import { jiraSelf, type JiraSelf } from '../jira/myself';
import { log } from '../log';
import { loadToken } from '../storage/token-store';
import type { CallerIn } from './context';
import type { Implementation } from './envelope';
import { words } from '../shared/words/backend';

/** Who Jira says the caller is, or null when it could not say. */
async function askJira(caller: CallerIn<'GLOBAL_PAGE'>): Promise<JiraSelf | null> {
  try {
    const me = await jiraSelf();
    if (me.accountId === caller.accountId) return me;
    log.warn('Jira answered myself for another account than the caller; no identity warning shown');
  } catch (e) {
    // The user has not allowed the app to act as them yet: Forge asks them (see jira/answer.ts).
    if (needsConsent(e)) throw e;
    log.warn('Jira could not say who the caller is; no identity warning shown', e);
  }
  return null;
}

const checkIdentity: Implementation<'checkIdentity'> = async (_input, caller): Promise<IdentityCheck> => {
  const [stored, me] = await Promise.all([loadToken(caller.accountId), askJira(caller)]);
  const owner = stored?.details.testkaseUser;
  if (!owner || !me) return { kind: 'UNKNOWN' };
  const testkaseUser = { name: owner.name.trim(), email: owner.email?.trim() || null };
  const jiraUser = { name: me.displayName, email: me.emailAddress };
  const comparison = compareIdentity(testkaseUser, jiraUser);
  if (comparison.kind === 'UNKNOWN') return comparison;
  if (comparison.kind === 'MATCH') return { kind: 'MATCH', by: comparison.by };
  const sameName = !!me.displayName && normalizeName(me.displayName) === normalizeName(testkaseUser.name);
  return {
    kind: 'MISMATCH',
    by: comparison.by,
    testkaseUser,
    jiraUser: { displayName: me.displayName },
    message: words.identity.mismatch({ testkaseUser, jiraUser: { displayName: me.displayName, email: me.emailAddress }, sameName }),
  };
};

export const identityResolvers = { checkIdentity };
