/**
 * The I/O around the state machine: validate the token and look up the Jira project's mapping
 * (in parallel, from cache when fresh), then let computeState decide.
 */
import { z } from 'zod';
import { JiraMapping, Project, User } from '../testkase/contract';
import type { TestKaseClient } from '../testkase/client';
import { isTestKaseError } from '../testkase/errors';
import { MAPPING_TTL_SECONDS, VALIDATION_TTL_SECONDS, dropCache, prefetch, readCache, readRecord, writeCache, type Prefetched } from '../storage/cache';
import { cacheKey, recordKey, recordValidation, type StoredConfig, type TokenDetails } from '../storage/user-config';
import { kvs } from '@forge/kvs';
import { log } from '../log';
import { computeState, type MappingOutcome, type ValidationOutcome } from './state-machine';
import type { ConfigState } from '../shared/definitions';

const VALIDATION_CACHE = 'validation';
const mappingCache = (jiraProjectKey: string) => `mapping:${jiraProjectKey}`;

const CachedValidation = z.object({ projects: z.array(Project), user: User });

export interface Resolved {
  state: ConfigState;
  validation: ValidationOutcome;
  mapping: MappingOutcome;
  /** What to show about the token now, when TestKase was asked about it (owner, expiry, when). */
  refreshed: TokenDetails | null;
}

export interface ResolveInput {
  accountId: string;
  stored: StoredConfig;
  client: TestKaseClient;
  jiraProjectKey: string | null;
  /** Records already read by prefetchStateCaches; anything missing is read here. */
  prefetched?: Prefetched;
}

const rememberedKey = (accountId: string, jiraProjectKey: string) => recordKey(accountId, `mapped:${jiraProjectKey}`);

/** Everything readKnownState reads from storage, so a caller can fetch it in parallel with the user's metadata. */
export function prefetchStateCaches(accountId: string, jiraProjectKey: string | null): Promise<Prefetched> {
  const keys = [cacheKey(accountId, VALIDATION_CACHE)];
  if (jiraProjectKey) keys.push(cacheKey(accountId, mappingCache(jiraProjectKey)), rememberedKey(accountId, jiraProjectKey));
  return prefetch(keys);
}

/** What storage already knows, parsed and checked against the token version; read once per call. */
export interface KnownState {
  validation: z.infer<typeof CachedValidation> | undefined;
  mapping: JiraMapping | undefined;
  /** The project this Jira project was last seen mapped to (kept across token saves). */
  rememberedProjectId: string | null;
}

export async function readKnownState({ accountId, stored, jiraProjectKey, prefetched }: Omit<ResolveInput, 'client'>): Promise<KnownState> {
  const { version } = stored;
  const [validation, mapping, remembered] = await Promise.all([
    readCache(accountId, VALIDATION_CACHE, version, CachedValidation, prefetched),
    jiraProjectKey ? readCache(accountId, mappingCache(jiraProjectKey), version, JiraMapping, prefetched) : undefined,
    jiraProjectKey ? readRecord(rememberedKey(accountId, jiraProjectKey), prefetched) : undefined,
  ]);
  return { validation, mapping, rememberedProjectId: typeof remembered === 'string' ? remembered : null };
}

/**
 * Without asking TestKase: whether resolving the state is answered from cache alone, and which
 * TestKase project the Jira project most likely maps to (cached, or else the one last seen).
 */
export function stateHints(known: KnownState, jiraProjectKey: string | null): { fresh: boolean; projectId: string | null } {
  return {
    fresh: known.validation !== undefined && (known.mapping !== undefined || !jiraProjectKey),
    projectId: known.mapping?.projectId ?? known.rememberedProjectId,
  };
}

/** `known` when the caller already read it (to act on stateHints first); read here otherwise. */
export async function resolveState(input: ResolveInput, known?: KnownState): Promise<Resolved> {
  const cached = known ?? (await readKnownState(input));
  let refreshed: TokenDetails | null = null;
  const [validation, mapping] = await Promise.all([
    validate(input, cached, (details) => (refreshed = details)),
    input.jiraProjectKey ? lookUpMapping(input, cached, input.jiraProjectKey) : Promise.resolve<MappingOutcome>({ kind: 'NOT_APPLICABLE' }),
  ]);
  return { state: computeState({ tokenPresent: true, validation, mapping }), validation, mapping, refreshed };
}

/** After a successful save: the token was just validated, so the first render need not do it again. */
export async function primeValidation(accountId: string, version: string, value: z.infer<typeof CachedValidation>): Promise<void> {
  await writeCache(accountId, VALIDATION_CACHE, version, value, VALIDATION_TTL_SECONDS);
}

/** Forget what we know when TestKase contradicts it (see forgetContradicted). */
async function forgetValidation(accountId: string): Promise<void> {
  await dropCache(accountId, VALIDATION_CACHE);
}
async function forgetMapping(accountId: string, jiraProjectKey: string): Promise<void> {
  await dropCache(accountId, mappingCache(jiraProjectKey));
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

async function validate(
  { accountId, stored, client }: ResolveInput,
  known: KnownState,
  refreshed: (details: TokenDetails) => void,
): Promise<ValidationOutcome> {
  if (known.validation) return { kind: 'VALID', projects: known.validation.projects };
  try {
    const [who, projects] = await Promise.all([client.whoAmI(), client.userProjects()]);
    const [, details] = await Promise.all([
      writeCache(accountId, VALIDATION_CACHE, stored.version, { projects, user: who.user }, VALIDATION_TTL_SECONDS),
      recordValidation(accountId, stored, {
        lastValidatedAt: new Date().toISOString(),
        testkaseUser: who.user,
        tokenName: who.token.name,
        expiresAt: who.token.expiresAt,
      }),
    ]);
    refreshed(details);
    return { kind: 'VALID', projects };
  } catch (e) {
    return failureOutcome(e, 'token validation');
  }
}

async function lookUpMapping({ accountId, stored, client }: ResolveInput, known: KnownState, jiraProjectKey: string): Promise<MappingOutcome> {
  if (known.mapping) return { kind: 'MAPPED', mapping: known.mapping };
  try {
    const mappings = await client.jiraMappings(jiraProjectKey);
    const mapping = mappings.find((m) => m.jiraProjectKey === jiraProjectKey);
    if (!mapping) return { kind: 'NOT_MAPPED', previouslyMapped: known.rememberedProjectId !== null };
    await Promise.all([
      writeCache(accountId, mappingCache(jiraProjectKey), stored.version, mapping, MAPPING_TTL_SECONDS),
      kvs.set(rememberedKey(accountId, jiraProjectKey), mapping.projectId),
    ]);
    return { kind: 'MAPPED', mapping };
  } catch (e) {
    return failureOutcome(e, 'mapping lookup');
  }
}

function failureOutcome(e: unknown, what: string): { kind: 'REJECTED' } | { kind: 'UNAVAILABLE' } | { kind: 'RATE_LIMITED'; retryAfterSeconds?: number } {
  if (isTestKaseError(e, 'UNAUTHORIZED')) return { kind: 'REJECTED' };
  if (isTestKaseError(e, 'RATE_LIMITED')) {
    const retry = e.details.retryAfterSeconds;
    return retry === undefined ? { kind: 'RATE_LIMITED' } : { kind: 'RATE_LIMITED', retryAfterSeconds: retry };
  }
  log.warn(`${what} failed`, e);
  return { kind: 'UNAVAILABLE' };
}
