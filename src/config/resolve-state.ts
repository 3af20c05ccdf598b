/**
 * The I/O around the state machine: validate the token and look up the Jira project's mapping
 * (in parallel, from cache when fresh), then let computeState decide.
 */
import { z } from 'zod';
import { JiraMapping, Project, User } from '../testkase/contract';
import type { TestKaseClient } from '../testkase/client';
import { isTestKaseError } from '../testkase/errors';
import { MAPPING_TTL_SECONDS, VALIDATION_TTL_SECONDS, dropCache, prefetchCaches, readCache, writeCache, type Prefetched } from '../storage/cache';
import { recordKey, updateMeta, type StoredConfig } from '../storage/user-config';
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
  /** True when TestKase was asked about the token (so the stored metadata was refreshed). */
  revalidated: boolean;
}

export interface ResolveInput {
  accountId: string;
  stored: StoredConfig;
  client: TestKaseClient;
  jiraProjectKey: string | null;
  /** Cache records already read (see stateCacheNames); anything missing is read here. */
  prefetched?: Prefetched;
}

/** The caches resolveState reads, so a caller can fetch them together with the user's metadata. */
export function stateCacheNames(jiraProjectKey: string | null): string[] {
  return jiraProjectKey ? [VALIDATION_CACHE, mappingCache(jiraProjectKey)] : [VALIDATION_CACHE];
}

/** The record of the project a Jira project was last seen mapped to, in a Prefetched map. */
const REMEMBERED = (jiraProjectKey: string) => `remembered:${jiraProjectKey}`;
const rememberedKey = (accountId: string, jiraProjectKey: string) => recordKey(accountId, `mapped:${jiraProjectKey}`);

/** Everything resolveState and stateHints read from storage, in one parallel round trip. */
export async function prefetchStateCaches(accountId: string, jiraProjectKey: string | null): Promise<Prefetched> {
  const [caches, remembered] = await Promise.all([
    prefetchCaches(accountId, stateCacheNames(jiraProjectKey)),
    jiraProjectKey ? kvs.get(rememberedKey(accountId, jiraProjectKey)) : Promise.resolve(undefined),
  ]);
  const all = new Map(caches);
  if (jiraProjectKey) all.set(REMEMBERED(jiraProjectKey), remembered);
  return all;
}

/**
 * What the caches already say, without asking TestKase: whether the token's validation is fresh,
 * and which TestKase project the Jira project maps to (cached, or else the one this user last saw).
 */
export async function stateHints(input: Omit<ResolveInput, 'client'>): Promise<{ fresh: boolean; projectId: string | null }> {
  const { accountId, stored, jiraProjectKey, prefetched } = input;
  const [validation, mapping] = await Promise.all([
    readCache(accountId, VALIDATION_CACHE, stored.meta.version, CachedValidation, prefetched),
    jiraProjectKey ? readCache(accountId, mappingCache(jiraProjectKey), stored.meta.version, JiraMapping, prefetched) : undefined,
  ]);
  let projectId = mapping?.projectId ?? null;
  if (!projectId && jiraProjectKey) {
    const remembered = prefetched?.has(REMEMBERED(jiraProjectKey)) ? prefetched.get(REMEMBERED(jiraProjectKey)) : await kvs.get(rememberedKey(accountId, jiraProjectKey));
    projectId = typeof remembered === 'string' ? remembered : null;
  }
  return { fresh: validation !== undefined && (mapping !== undefined || !jiraProjectKey), projectId };
}

export async function resolveState(input: ResolveInput): Promise<Resolved> {
  let revalidated = false;
  const [validation, mapping] = await Promise.all([
    validate(input, () => (revalidated = true)),
    input.jiraProjectKey ? lookUpMapping(input, input.jiraProjectKey) : Promise.resolve<MappingOutcome>({ kind: 'NOT_APPLICABLE' }),
  ]);
  return { state: computeState({ tokenPresent: true, validation, mapping }), validation, mapping, revalidated };
}

/** After a successful save: the token was just validated, so the first render need not do it again. */
export async function primeValidation(accountId: string, version: string, value: z.infer<typeof CachedValidation>): Promise<void> {
  await writeCache(accountId, VALIDATION_CACHE, version, value, VALIDATION_TTL_SECONDS);
}

/** Forget what we know when TestKase contradicts it (401 → token; 403/404 → mapping). */
export async function forgetValidation(accountId: string): Promise<void> {
  await dropCache(accountId, VALIDATION_CACHE);
}
export async function forgetMapping(accountId: string, jiraProjectKey: string): Promise<void> {
  await dropCache(accountId, mappingCache(jiraProjectKey));
}

async function validate({ accountId, stored, client, prefetched }: ResolveInput, asked: () => void): Promise<ValidationOutcome> {
  const cached = await readCache(accountId, VALIDATION_CACHE, stored.meta.version, CachedValidation, prefetched);
  if (cached) return { kind: 'VALID', projects: cached.projects };
  asked();
  try {
    const [who, projects] = await Promise.all([client.whoAmI(), client.userProjects()]);
    await Promise.all([
      writeCache(accountId, VALIDATION_CACHE, stored.meta.version, { projects, user: who.user }, VALIDATION_TTL_SECONDS),
      updateMeta(accountId, {
        lastValidatedAt: new Date().toISOString(),
        testkaseUser: who.user,
        tokenName: who.token.name,
        expiresAt: who.token.expiresAt,
      }),
    ]);
    return { kind: 'VALID', projects };
  } catch (e) {
    return failureOutcome(e, 'token validation');
  }
}

async function lookUpMapping({ accountId, stored, client, prefetched }: ResolveInput, jiraProjectKey: string): Promise<MappingOutcome> {
  const cached = await readCache(accountId, mappingCache(jiraProjectKey), stored.meta.version, JiraMapping, prefetched);
  if (cached) return { kind: 'MAPPED', mapping: cached };
  const rememberKey = rememberedKey(accountId, jiraProjectKey);
  try {
    const mappings = await client.jiraMappings(jiraProjectKey);
    const mapping = mappings.find((m) => m.jiraProjectKey === jiraProjectKey);
    if (!mapping) {
      const previously = (await kvs.get(rememberKey)) !== undefined;
      return { kind: 'NOT_MAPPED', previouslyMapped: previously };
    }
    await Promise.all([
      writeCache(accountId, mappingCache(jiraProjectKey), stored.meta.version, mapping, MAPPING_TTL_SECONDS),
      kvs.set(rememberKey, mapping.projectId),
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
