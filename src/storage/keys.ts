/**
 * Every storage key the app uses, in one place. A user's records share a prefix derived from a hash
 * of the platform accountId (which only ever comes from the resolver's trusted context), so they can
 * be found and deleted together and no key reveals the account.
 */
import { createHash } from 'node:crypto';

const accountHash = (accountId: string) => createHash('sha256').update(accountId).digest('hex').slice(0, 40);

export const userPrefix = (accountId: string) => `u:${accountHash(accountId)}:`;

/**
 * The connection index: one entry per user with a saved token, all under one prefix so a Jira admin's
 * listing can query them (kvs.query by key prefix). The hash spreads entries evenly over the 16
 * one-hex-digit sub-prefixes, which lets a listing read the shards in parallel.
 */
const CONNECTION_PREFIX = 'conn:';
export const CONNECTION_SHARDS = [...'0123456789abcdef'].map((digit) => `${CONNECTION_PREFIX}${digit}`);

/** The audit log: newest first in key order (see audit-log.ts). */
export const AUDIT_PREFIX = 'audit:';

export const keys = {
  /**
   * kvs.setSecret: the user's connection — their saved token and what they saved with it, or the
   * record that a Jira admin removed it.
   */
  secret: (accountId: string) => `${userPrefix(accountId)}pat`,
  /** kvs.set, queryable: the user's entry in the connection index (derived from the secret, never the token). */
  connection: (accountId: string) => `${CONNECTION_PREFIX}${accountHash(accountId)}`,
  /** kvs.set with a TTL: what TestKase said about the token (its projects and owner). */
  validation: (accountId: string) => `${userPrefix(accountId)}cache:validation`,
  /** kvs.set with a TTL: the TestKase project a Jira project is mapped to. */
  mapping: (accountId: string, jiraProjectKey: string) => `${userPrefix(accountId)}cache:mapping:${jiraProjectKey}`,
  /** kvs.set with a TTL: the id of a Jira project's Bug issue type, as Jira answered the user (or that it has none). */
  bugIssueType: (accountId: string, jiraProjectKey: string) => `${userPrefix(accountId)}cache:jira:bugtype:${jiraProjectKey}`,
  /** kvs.set: the project a Jira project was last seen mapped to (tells MAPPING_LOST from never mapped). */
  remembered: (accountId: string, jiraProjectKey: string) => `${userPrefix(accountId)}rec:mapped:${jiraProjectKey}`,
  /** kvs.set: one audit log entry; `order` sorts newest first. */
  audit: (order: string, id: string) => `${AUDIT_PREFIX}${order}:${id}`,
  /** kvs.set with a TTL: a "check all" run in progress (what is left to check, and the tallies so far). */
  checkRun: (runId: string) => `admin:check:${runId}`,
  /** kvs.set with a TTL: one slice of the accounts a check run takes in turn. */
  checkRunSlice: (runId: string, slice: number) => `admin:check:${runId}:accounts:${slice}`,
};
