/**
 * What storage remembers about a user's connection between renders, so a steady-state panel render
 * does not re-validate the token or re-read the mapping on every call:
 * - the validation (the token's projects with roles, and its owner), 10 minutes;
 * - the mapping of a Jira project to a TestKase project, 2 minutes;
 * - the project a Jira project was last seen mapped to (no expiry: it tells MAPPING_LOST from never
 *   mapped).
 * Cache entries carry the token version they were computed with: a saved or replaced token never sees
 * another token's entry. Only successes are cached; a failure is re-checked on the next call.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { JiraMapping, Project, User } from '../testkase/contract';
import { keys } from './keys';
import { readConnection, type StoredToken } from './token-store';

const VALIDATION_TTL_SECONDS = 600;
const MAPPING_TTL_SECONDS = 120;

export const CachedValidation = z.object({ projects: z.array(Project), user: User });
export type CachedValidation = z.infer<typeof CachedValidation>;

/** Everything storage knows about the user's connection, as of one read. */
export interface ConnectionSnapshot {
  stored: StoredToken | undefined;
  /** When a Jira admin removed the user's token (and they have not saved one since); null otherwise. */
  removedByAdminAt: string | null;
  /** Valid for the stored token's version only. */
  validation: CachedValidation | undefined;
  mapping: JiraMapping | undefined;
  /** The project this Jira project was last seen mapped to (kept across token saves). */
  rememberedProjectId: string | null;
}

const Tagged = z.object({ version: z.string(), value: z.unknown() });

function forVersion<T extends z.ZodType>(raw: unknown, version: string | undefined, schema: T): z.infer<T> | undefined {
  const tagged = Tagged.safeParse(raw);
  if (!tagged.success || version === undefined || tagged.data.version !== version) return undefined;
  const parsed = schema.safeParse(tagged.data.value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The token, its details and every cache a render needs, in one storage round trip (the reads run in
 * parallel: in Forge each storage call is a network call).
 */
export async function readSnapshot(accountId: string, jiraProjectKey: string | null): Promise<ConnectionSnapshot> {
  const [connection, validation, mapping, remembered] = await Promise.all([
    readConnection(accountId),
    kvs.get(keys.validation(accountId)),
    jiraProjectKey ? kvs.get(keys.mapping(accountId, jiraProjectKey)) : undefined,
    jiraProjectKey ? kvs.get(keys.remembered(accountId, jiraProjectKey)) : undefined,
  ]);
  const stored = connection.kind === 'TOKEN' ? connection.stored : undefined;
  return {
    stored,
    removedByAdminAt: connection.kind === 'REMOVED_BY_ADMIN' ? connection.at : null,
    validation: forVersion(validation, stored?.version, CachedValidation),
    mapping: forVersion(mapping, stored?.version, JiraMapping),
    rememberedProjectId: typeof remembered === 'string' ? remembered : null,
  };
}

const ttl = (seconds: number) => ({ ttl: { value: seconds, unit: 'SECONDS' as const } });

export async function rememberValidation(accountId: string, version: string, value: CachedValidation): Promise<void> {
  await kvs.set(keys.validation(accountId), { version, value }, ttl(VALIDATION_TTL_SECONDS));
}

/** The mapping, and that this Jira project has been seen mapped (to tell a lost mapping from none). */
export async function rememberMapping(accountId: string, version: string, mapping: JiraMapping): Promise<void> {
  await Promise.all([
    kvs.set(keys.mapping(accountId, mapping.jiraProjectKey), { version, value: mapping }, ttl(MAPPING_TTL_SECONDS)),
    kvs.set(keys.remembered(accountId, mapping.jiraProjectKey), mapping.projectId),
  ]);
}

/** TestKase contradicted the validation (the token was refused, or the user's projects changed). */
export async function forgetValidation(accountId: string): Promise<void> {
  await kvs.delete(keys.validation(accountId));
}

/** TestKase contradicted the mapping (the project is gone or no longer the user's). */
export async function forgetMapping(accountId: string, jiraProjectKey: string): Promise<void> {
  await kvs.delete(keys.mapping(accountId, jiraProjectKey));
}
