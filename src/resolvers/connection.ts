/** getState, savePat, deletePat: the user's connection to TestKase, on the panel and the settings page. */
import type { AppState } from '../shared/definitions';
import { tokenPreview } from '../testkase/token';
import { rememberSecret } from '../log';
import { deleteToken, saveToken } from '../storage/token-store';
import { rememberValidation } from '../storage/connection-cache';
import { clientFactory } from '../connection/client-factory';
import type { JustSaved } from '../connection/open-connection';
import { checkToken } from '../connection/validate-token';
import type { CallContext } from './context';
import type { Implementation } from './envelope';
import { unverifiedToken } from './errors';
import { firstScreen } from './first-screen';

/** The first screen, with where it is. */
async function appState(caller: CallContext, justSaved?: JustSaved): Promise<AppState> {
  const { module, issueKey, jiraProjectKey } = caller;
  return { module, issueKey, jiraProjectKey, ...(await firstScreen(caller, justSaved)) };
}

const getState: Implementation<'getState'> = (_input, caller) => appState(caller);

/** Validates against TestKase first: a rejected or unverifiable token is never stored. */
const savePat: Implementation<'savePat'> = async ({ token }, caller) => {
  rememberSecret(token);
  const client = clientFactory.create(token);
  const check = await checkToken(client, { projects: true });
  if (check.kind !== 'VALID') throw unverifiedToken(check);
  const { facts, projects } = check;
  const validation = { projects, user: facts.testkaseUser };
  const stored = await saveToken(
    caller.accountId,
    token,
    { preview: tokenPreview(token), savedAt: new Date().toISOString(), ...facts },
    ({ version }) => rememberValidation(caller.accountId, version, validation),
  );
  return appState(caller, { stored, client, validation });
};

const deletePat: Implementation<'deletePat'> = async (_input, caller) => {
  await deleteToken(caller.accountId);
  return appState(caller);
};

export const connectionResolvers = { getState, savePat, deletePat };
