/**
 * The connection use case: everything between "a Jira user opened the app" and "this is their state",
 * for the first screen (getState) and for every panel operation alike.
 *
 * 1. Read what storage knows, in one round trip: the token, its details, the validation and mapping
 *    caches and the project last seen mapped (storage/connection-cache.ts).
 * 2. Ask TestKase only what the caches do not answer — the token's validation and the Jira project's
 *    mapping, in parallel — and remember the successes.
 * 3. Make the render's first request against the project (getState: the linked test cases) at the
 *    same time when the project is almost certainly known (cached or last seen), and keep its answer
 *    only if the state confirms that project.
 * 4. Let the pure state machine decide (state-machine.ts), and forget what TestKase contradicted.
 */
import type { TestKaseClient } from '../testkase/client';
import { isTestKaseError } from '../testkase/errors';
import { log } from '../log';
import {
  forgetMapping,
  forgetValidation,
  readSnapshot,
  rememberMapping,
  rememberValidation,
  type CachedValidation,
  type ConnectionSnapshot,
} from '../storage/connection-cache';
import { recordUse, recordValidation, useIsDue, type StoredToken, type TokenDetails } from '../storage/token-store';
import { clientFactory } from './client-factory';
import { computeState, type ConnectionState, type MappingOutcome, type UseOutcome, type ValidationOutcome } from './state-machine';
import { checkToken, refusalOf, type Refusal } from './validate-token';

export interface Where {
  accountId: string;
  /** Null outside a Jira project (the global page): there is no mapping to check. */
  jiraProjectKey: string | null;
}

/** The render's first request against the mapped project, given the project id. */
type FirstRequest<T> = (client: TestKaseClient, projectId: string) => Promise<T>;

type FirstAnswer<T> = { ok: true; data: T } | { ok: false; error: unknown };

export interface OpenedConnection<T> {
  state: ConnectionState;
  /** What to show about the saved token (refreshed when TestKase was asked about it); null without one. */
  token: TokenDetails | null;
  /** A client with the user's token (null without one). */
  client: TestKaseClient | null;
  /** The first request's answer when READY with a project; null otherwise. */
  first: FirstAnswer<T> | null;
}

/** A token saved just now: TestKase has validated it, so nothing needs asking again. */
export interface JustSaved {
  stored: StoredToken;
  client: TestKaseClient;
  validation: CachedValidation;
}

export interface OpenOptions<T> {
  first?: FirstRequest<T>;
  justSaved?: JustSaved;
  /** Ask TestKase about the token even when the cache knows (the settings page: a revoked token must show at once). */
  revalidate?: boolean;
  /** Ask TestKase for the mapping even when the cache knows (a write must not go to a project whose mapping was removed). */
  freshMapping?: boolean;
}

export async function openConnection<T = never>(where: Where, options: OpenOptions<T> = {}): Promise<OpenedConnection<T>> {
  const read = await readKnown(where, options.justSaved);
  const known: ConnectionSnapshot = {
    ...read,
    validation: options.revalidate ? undefined : read.validation,
    mapping: options.freshMapping ? undefined : read.mapping,
  };
  if (!known.stored) {
    const token = known.removedByAdminAt ? ({ kind: 'REMOVED_BY_ADMIN' } as const) : ({ kind: 'ABSENT' } as const);
    const state = computeState({ token, validation: { kind: 'UNAVAILABLE' }, mapping: { kind: 'NOT_APPLICABLE' }, use: { kind: 'NOT_USED' } });
    return { state, token: null, client: null, first: null };
  }
  const stored = known.stored;
  const client = options.justSaved?.client ?? clientFactory.create(stored.token);
  // "Last used" (for the Jira admin page), at most once an hour: written while TestKase answers, and
  // skipped when a re-validation below records it anyway. Never fails or delays the render beyond that.
  const used = known.validation !== undefined && useIsDue(stored, Date.now()) ? noteUse(where.accountId, stored) : Promise.resolve();

  // The project is almost always the one cached or last seen: when TestKase must be asked about the
  // token or the mapping, make the first request at the same time instead of after the answer.
  const answered = known.validation !== undefined && (known.mapping !== undefined || where.jiraProjectKey === null);
  const likelyProject = known.mapping?.projectId ?? known.rememberedProjectId;
  const early = options.first && !answered && likelyProject ? { projectId: likelyProject, answer: settle(options.first(client, likelyProject)) } : null;

  let token = stored.details;
  const [validation, mapping] = await Promise.all([
    validate(where.accountId, stored, client, known).then((v) => {
      if (v.refreshed) token = v.refreshed;
      return v.outcome;
    }),
    where.jiraProjectKey ? lookUpMapping(where.accountId, where.jiraProjectKey, stored.version, client, known) : Promise.resolve<MappingOutcome>({ kind: 'NOT_APPLICABLE' }),
  ]);

  let state = computeState({ token: { kind: 'PRESENT' }, validation, mapping, use: { kind: 'NOT_USED' } });
  let first: FirstAnswer<T> | null = null;
  if (state.kind === 'READY' && state.project && options.first) {
    first = await (early?.projectId === state.project.id ? early.answer : settle(options.first(client, state.project.id)));
    if (!first.ok) {
      if (where.jiraProjectKey) await forgetContradicted(where.accountId, where.jiraProjectKey, first.error);
      const use: UseOutcome = isTestKaseError(first.error, 'UNAUTHORIZED') ? { kind: 'REJECTED' } : { kind: 'ACCEPTED' };
      state = computeState({ token: { kind: 'PRESENT' }, validation, mapping, use });
      if (state.kind !== 'READY') first = null;
    }
  }
  await used;
  return { state, token, client, first };
}

function noteUse(accountId: string, stored: StoredToken): Promise<void> {
  return recordUse(accountId, stored, new Date().toISOString()).catch((e: unknown) => log.warn('recording when the token was last used failed', e));
}

/**
 * Drops what a TestKase error contradicts, so the next render re-checks instead of repeating the
 * failure: 401 → the token's validation; 403/404 on the project → membership (validation) and mapping.
 */
export async function forgetContradicted(accountId: string, jiraProjectKey: string, e: unknown): Promise<void> {
  if (isTestKaseError(e, 'UNAUTHORIZED')) await forgetValidation(accountId);
  if (isTestKaseError(e, 'FORBIDDEN') || isTestKaseError(e, 'NOT_FOUND')) {
    await Promise.all([forgetValidation(accountId), forgetMapping(accountId, jiraProjectKey)]);
  }
}

async function readKnown(where: Where, justSaved: JustSaved | undefined): Promise<ConnectionSnapshot> {
  const snapshot = await readSnapshot(where.accountId, where.jiraProjectKey);
  if (!justSaved) return snapshot;
  // The cache may still hold the replaced token's entries (tagged with its version): use what the save established.
  return { ...snapshot, stored: justSaved.stored, validation: justSaved.validation, mapping: snapshot.stored?.version === justSaved.stored.version ? snapshot.mapping : undefined };
}

function settle<T>(pending: Promise<T>): Promise<FirstAnswer<T>> {
  return pending.then(
    (data) => ({ ok: true as const, data }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

async function validate(
  accountId: string,
  stored: StoredToken,
  client: TestKaseClient,
  known: ConnectionSnapshot,
): Promise<{ outcome: ValidationOutcome; refreshed?: TokenDetails }> {
  if (known.validation) return { outcome: { kind: 'VALID', projects: known.validation.projects } };
  const check = await checkToken(client, { projects: true });
  if (check.kind !== 'VALID') return { outcome: failureOutcome(check, 'token validation') };
  const { facts, projects } = check;
  const [, refreshed] = await Promise.all([
    rememberValidation(accountId, stored.version, { projects, user: facts.testkaseUser }),
    recordValidation(accountId, stored, { lastValidatedAt: new Date().toISOString(), ...facts }),
  ]);
  return { outcome: { kind: 'VALID', projects }, refreshed };
}

async function lookUpMapping(accountId: string, jiraProjectKey: string, version: string, client: TestKaseClient, known: ConnectionSnapshot): Promise<MappingOutcome> {
  if (known.mapping) return { kind: 'MAPPED', mapping: known.mapping };
  try {
    const mapping = (await client.jiraMappings(jiraProjectKey)).find((m) => m.jiraProjectKey === jiraProjectKey);
    if (!mapping) return { kind: 'NOT_MAPPED', previouslyMapped: known.rememberedProjectId !== null };
    await rememberMapping(accountId, version, mapping);
    return { kind: 'MAPPED', mapping };
  } catch (e) {
    return failureOutcome(refusalOf(e), 'mapping lookup');
  }
}

/** A refusal as the state machine takes it: anything but a 401 or a 429 is TestKase being unavailable. */
function failureOutcome(refusal: Refusal, what: string): { kind: 'REJECTED' } | { kind: 'UNAVAILABLE' } | { kind: 'RATE_LIMITED'; retryAfterSeconds?: number } {
  if (refusal.kind !== 'FAILED') return refusal;
  log.warn(`${what} failed`, refusal.error);
  return { kind: 'UNAVAILABLE' };
}
