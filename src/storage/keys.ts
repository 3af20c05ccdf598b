/**
 * Every storage key the app uses, in one place. A user's records share a prefix derived from a hash
 * of the platform accountId (which only ever comes from the resolver's trusted context), so they can
 * be found and deleted together and no key reveals the account.
 */
import { createHash } from 'node:crypto';

export const userPrefix = (accountId: string) => `u:${createHash('sha256').update(accountId).digest('hex').slice(0, 40)}:`;

export const keys = {
  /** kvs.setSecret: the user's saved token and what they saved with it. */
  secret: (accountId: string) => `${userPrefix(accountId)}pat`,
  /** kvs.set: derived, queryable details of the saved token. */
  meta: (accountId: string) => `${userPrefix(accountId)}meta`,
  /** kvs.set with a TTL: what TestKase said about the token (its projects and owner). */
  validation: (accountId: string) => `${userPrefix(accountId)}cache:validation`,
  /** kvs.set with a TTL: the TestKase project a Jira project is mapped to. */
  mapping: (accountId: string, jiraProjectKey: string) => `${userPrefix(accountId)}cache:mapping:${jiraProjectKey}`,
  /** kvs.set: the project a Jira project was last seen mapped to (tells MAPPING_LOST from never mapped). */
  remembered: (accountId: string, jiraProjectKey: string) => `${userPrefix(accountId)}rec:mapped:${jiraProjectKey}`,
};
