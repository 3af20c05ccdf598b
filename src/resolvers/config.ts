/** getState, savePat, deletePat: the configuration flow of both modules. */
import type { AppState, LinkedTests, Result, TokenSummary } from '../shared/definitions';
import { isTestKaseError } from '../testkase/errors';
import { tokenPreview } from '../testkase/token';
import { deleteConfig, loadConfig, saveConfig, type TokenDetails } from '../storage/user-config';
import { forgetContradicted, prefetchStateCaches, primeValidation, readKnownState, resolveState, stateHints } from '../config/resolve-state';
import { callerOf, clientFactory, guard, parsePayload, type ResolverRequest } from './session';
import { EmptyPayload, SavePatPayload } from './payloads';
import { fail, fromTestKase } from './errors';
import { fetchLinkedTests } from './linked-tests';
import type { CallContext } from './context';
import type { TestKaseClient } from '../testkase/client';
import type { StoredConfig } from '../storage/user-config';
import { rememberSecret } from '../log';

function summary(details: TokenDetails): TokenSummary {
  return {
    preview: details.preview,
    savedAt: details.savedAt,
    lastValidatedAt: details.lastValidatedAt,
    testkaseUser: details.testkaseUser,
    tokenName: details.tokenName,
    expiresAt: details.expiresAt,
  };
}

async function buildState(ctx: CallContext, loaded?: { stored: StoredConfig; client: TestKaseClient }): Promise<AppState> {
  const base = { module: ctx.module, issueKey: ctx.issueKey, jiraProjectKey: ctx.jiraProjectKey };
  // One storage round trip: the secret, its metadata and the caches are read in parallel.
  const [stored, prefetched] = loaded
    ? [loaded.stored, undefined]
    : await Promise.all([loadConfig(ctx.accountId), prefetchStateCaches(ctx.accountId, ctx.jiraProjectKey)]);
  if (!stored) return { ...base, config: { kind: 'NO_CONFIG' }, token: null, linked: null };
  const client = loaded?.client ?? clientFactory.create(stored.token);
  const input = { accountId: ctx.accountId, stored, client, jiraProjectKey: ctx.jiraProjectKey, ...(prefetched ? { prefetched } : {}) };

  // A render that must ask TestKase about the token or the mapping would otherwise wait for that
  // answer before asking for the linked cases. The project is almost always the one cached or last
  // seen: ask for its cases at the same time, and use the answer only if the state confirms it.
  const known = await readKnownState(input);
  let guess: { projectId: string; linked: Promise<LinkedTests> } | null = null;
  if (ctx.issueKey && ctx.jiraProjectKey) {
    const hints = stateHints(known, ctx.jiraProjectKey);
    if (!hints.fresh && hints.projectId) {
      const linked = fetchLinkedTests(client, hints.projectId, ctx.issueKey);
      linked.catch(() => undefined); // discarded when the guess is wrong; handled below when right
      guess = { projectId: hints.projectId, linked };
    }
  }
  const { state, refreshed } = await resolveState(input, known);

  let linked: Result<LinkedTests> | null = null;
  let config = state;
  if (state.kind === 'READY' && state.project && ctx.issueKey && ctx.jiraProjectKey) {
    try {
      const pending = guess?.projectId === state.project.id ? guess.linked : fetchLinkedTests(client, state.project.id, ctx.issueKey);
      linked = { ok: true, data: await pending };
    } catch (e) {
      await forgetContradicted(ctx.accountId, ctx.jiraProjectKey, e);
      // Revoked since it was cached: say so now instead of showing an empty list.
      if (isTestKaseError(e, 'UNAUTHORIZED')) config = { kind: 'PAT_SAVED', reason: 'TOKEN_REJECTED' };
      else linked = { ok: false, error: fromTestKase(e, false) };
    }
  }
  return { ...base, config, token: summary(refreshed ?? stored.details), linked };
}

/** Why a token could not be verified, said so that it is clear nothing was stored or changed. */
function unverifiedToken(e: unknown) {
  const error = fromTestKase(e, false);
  const unchanged = 'Your token was not saved and your previous settings are unchanged.';
  switch (error.code) {
    case 'TOKEN_REJECTED':
      return fail('TOKEN_REJECTED', `TestKase rejected this token: it may be mistyped, revoked or expired. ${unchanged} Create a new token in TestKase (Settings → API Keys) and paste it here.`);
    case 'RATE_LIMITED':
      return fail('RATE_LIMITED', `TestKase is receiving too many requests for this token. ${unchanged} Wait ${error.retryAfterSeconds ?? 'a few'} seconds and try again.`, error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {});
    case 'UNAVAILABLE':
      return fail('UNAVAILABLE', `TestKase could not be reached to check this token. ${unchanged} Try again in a moment.`);
    default:
      return fail(error.code, `TestKase could not confirm this token. ${unchanged} Try again; if it keeps happening, tell your Jira admin.`);
  }
}

export const configResolvers = {
  getState: (request: ResolverRequest) =>
    guard(async () => {
      parsePayload(EmptyPayload, request.payload);
      return buildState(callerOf(request));
    }),

  /** Validates against TestKase first: a rejected or unverifiable token is never stored. */
  savePat: (request: ResolverRequest) =>
    guard(async () => {
      const ctx = callerOf(request);
      const { token } = parsePayload(SavePatPayload, request.payload);
      rememberSecret(token);
      const client = clientFactory.create(token);
      let who, projects;
      try {
        [who, projects] = await Promise.all([client.whoAmI(), client.userProjects()]);
      } catch (e) {
        throw unverifiedToken(e);
      }
      const stored = await saveConfig(
        ctx.accountId,
        token,
        { preview: tokenPreview(token), savedAt: new Date().toISOString(), testkaseUser: who.user, tokenName: who.token.name, expiresAt: who.token.expiresAt },
        ({ version }) => primeValidation(ctx.accountId, version, { projects, user: who.user }),
      );
      return buildState(ctx, { stored, client });
    }),

  deletePat: (request: ResolverRequest) =>
    guard(async () => {
      const ctx = callerOf(request);
      parsePayload(EmptyPayload, request.payload);
      await deleteConfig(ctx.accountId);
      return buildState(ctx);
    }),
};
