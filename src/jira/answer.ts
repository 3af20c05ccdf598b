/**
 * Jira's answers to the calls the app makes as the signed-in user (`asUser().requestJira`), read the
 * way every other edge is: the status decides, the body is parsed with zod, and anything else is a
 * typed failure the resolvers turn into a sentence. Each call site writes its `route` literally, so
 * the Forge lint checks its scope against manifest.yml.
 */
import type { APIResponse } from '@forge/api';
import type { z } from 'zod';

/** Jira refused (401/403), did not answer, or answered something unexpected. */
export class JiraFailure extends Error {
  constructor(
    readonly kind: 'REFUSED' | 'UNAVAILABLE' | 'BAD_RESPONSE',
    message: string,
  ) {
    super(message);
    this.name = 'JiraFailure';
  }
}

export const isJiraFailure = (e: unknown): e is JiraFailure => e instanceof JiraFailure;

/** A Jira JSON answer, parsed; `what` names the call in failures (never a body: Jira may echo input). */
export async function jiraJson<T extends z.ZodType>(pending: Promise<APIResponse>, schema: T, what: string): Promise<z.infer<T>> {
  let response: APIResponse;
  try {
    response = await pending;
  } catch (e) {
    if (needsConsent(e)) throw e;
    throw new JiraFailure('UNAVAILABLE', `${what}: ${e instanceof Error ? e.name : 'the request failed'}`);
  }
  if (response.status === 401 || response.status === 403) throw new JiraFailure('REFUSED', `${what}: Jira answered ${response.status}`);
  if (!response.ok) throw new JiraFailure('UNAVAILABLE', `${what}: Jira answered ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new JiraFailure('BAD_RESPONSE', `${what}: the answer is not JSON`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new JiraFailure('BAD_RESPONSE', `${what}: the answer does not have the documented shape`);
  return parsed.data;
}

/**
 * The user has not yet allowed the app to act as them in Jira (@forge/api's NeedsAuthenticationError).
 * Forge asks them for consent when this error leaves the function, so it is the one failure the
 * resolvers let through instead of turning it into a sentence (see resolvers/envelope.ts).
 */
export function needsConsent(e: unknown): boolean {
  return e instanceof Error && e.name === 'NEEDS_AUTHENTICATION_ERR';
}
