/**
 * Who the signed-in user is in Jira, from GET /rest/api/3/myself called as the user (scope
 * read:jira-user). Jira leaves `emailAddress` out when the user's profile visibility hides it, so
 * it is optional here; nothing else of the answer is kept.
 */
import { asUser, route } from '@forge/api';
import { z } from 'zod';
import { jiraJson } from './answer';

const Myself = z.object({
  accountId: z.string().min(1).max(128),
  displayName: z.string().max(255).optional(),
  emailAddress: z.string().max(320).optional(),
});

export interface JiraSelf {
  accountId: string;
  displayName: string | null;
  /** Null when Jira hides it (the user's privacy settings) or has none. */
  emailAddress: string | null;
}

export async function jiraSelf(): Promise<JiraSelf> {
  const me = await jiraJson(asUser().requestJira(route`/rest/api/3/myself`), Myself, 'myself');
  return { accountId: me.accountId, displayName: me.displayName?.trim() || null, emailAddress: me.emailAddress?.trim() || null };
}
