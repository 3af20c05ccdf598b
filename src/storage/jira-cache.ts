/**
 * What Jira answered the user, kept briefly so a panel does not ask twice: a project's Bug issue type
 * (or that it has none), 5 minutes. Per user and project: the types offered depend on the user's
 * permissions. Only answers are kept; a failure is asked again next time.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { keys } from './keys';

const BUG_TYPE_TTL_SECONDS = 300;

const CachedBugType = z.object({ issueTypeId: z.string().min(1).nullable() });

/** The cached answer (null: the project has no Bug type), or undefined when there is none. */
export async function cachedBugIssueType(accountId: string, jiraProjectKey: string): Promise<string | null | undefined> {
  const parsed = CachedBugType.safeParse(await kvs.get(keys.bugIssueType(accountId, jiraProjectKey)));
  return parsed.success ? parsed.data.issueTypeId : undefined;
}

export async function rememberBugIssueType(accountId: string, jiraProjectKey: string, issueTypeId: string | null): Promise<void> {
  await kvs.set(keys.bugIssueType(accountId, jiraProjectKey), { issueTypeId }, { ttl: { value: BUG_TYPE_TTL_SECONDS, unit: 'SECONDS' } });
}
