/** getState, savePat, deletePat: the user's connection to TestKase, in both modules. */
import type { AppState, LinkedTests, Result } from '../shared/definitions';
import { tokenPreview } from '../testkase/token';
import { rememberSecret } from '../log';
import { deleteToken, saveToken } from '../storage/token-store';
import { rememberValidation } from '../storage/connection-cache';
import { clientFactory } from '../connection/client-factory';
import { openConnection, type JustSaved } from '../connection/open-connection';
import type { CallContext } from './context';
import type { Implementation } from './envelope';
import { toAppError, unverifiedToken } from './errors';
import { fetchLinkedTests } from './linked-tests';
import { withMessage } from './sentences';

/** The first screen: the state, what to say about it, the token's details, and in an issue panel its linked tests. */
async function appState(caller: CallContext, justSaved?: JustSaved): Promise<AppState> {
  const { issueKey, jiraProjectKey } = caller;
  const first = issueKey && jiraProjectKey ? (client: Parameters<typeof fetchLinkedTests>[0], projectId: string) => fetchLinkedTests(client, projectId, issueKey) : undefined;
  const connection = await openConnection<LinkedTests>(
    { accountId: caller.accountId, jiraProjectKey },
    // The settings page checks the token with TestKase each time it opens: a revoked token shows at once there.
    { ...(first ? { first } : {}), ...(justSaved ? { justSaved } : {}), revalidate: caller.module === 'GLOBAL_PAGE' && !justSaved },
  );
  const linked: Result<LinkedTests> | null = connection.first
    ? connection.first.ok
      ? { ok: true, data: connection.first.data }
      : { ok: false, error: toAppError(connection.first.error) }
    : null;
  return {
    module: caller.module,
    issueKey,
    jiraProjectKey,
    config: withMessage(connection.state, { module: caller.module, jiraProjectKey }),
    token: connection.token,
    linked,
  };
}

const getState: Implementation<'getState'> = (_input, caller) => appState(caller);

/** Validates against TestKase first: a rejected or unverifiable token is never stored. */
const savePat: Implementation<'savePat'> = async ({ token }, caller) => {
  rememberSecret(token);
  const client = clientFactory.create(token);
  let who, projects;
  try {
    [who, projects] = await Promise.all([client.whoAmI(), client.userProjects()]);
  } catch (e) {
    throw unverifiedToken(e);
  }
  const validation = { projects, user: who.user };
  const stored = await saveToken(
    caller.accountId,
    token,
    { preview: tokenPreview(token), savedAt: new Date().toISOString(), testkaseUser: who.user, tokenName: who.token.name, expiresAt: who.token.expiresAt },
    ({ version }) => rememberValidation(caller.accountId, version, validation),
  );
  return appState(caller, { stored, client, validation });
};

const deletePat: Implementation<'deletePat'> = async (_input, caller) => {
  await deleteToken(caller.accountId);
  return appState(caller);
};

export const connectionResolvers = { getState, savePat, deletePat };
