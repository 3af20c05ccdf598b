/**
 * Shared set-up of every resolver call: parse the payload, find the caller, load their token,
 * and (for issue operations) resolve the mapped TestKase project. Turns every failure into a
 * Result, so no resolver ever throws to the UI.
 */
import { z } from 'zod';
import type { MappedProject, Result } from '../shared/definitions';
import { TestKaseClient } from '../testkase/client';
import { resolveBaseUrl } from '../testkase/base-url';
import { isTestKaseError } from '../testkase/errors';
import { loadConfig, type StoredConfig } from '../storage/user-config';
import { forgetContradicted, prefetchStateCaches, resolveState } from '../config/resolve-state';
import { log } from '../log';
import { trustedContext, type CallContext } from './context';
import { AppFailure, fail, fromConfigState, fromTestKase, fromZod } from './errors';

export interface ResolverRequest {
  payload: unknown;
  context: Record<string, unknown>;
}

/** Test and benchmark hook: observe or replace how clients are made (e.g. to count requests). */
export const clientFactory = {
  create: (token: string): TestKaseClient => new TestKaseClient({ baseUrl: resolveBaseUrl(), token }),
};

export interface IssueSession {
  ctx: CallContext & { issueKey: string; jiraProjectKey: string };
  stored: StoredConfig;
  client: TestKaseClient;
  project: MappedProject;
  canWrite: boolean;
}

/** Runs a resolver body; any failure becomes `{ ok: false, error }`. */
export async function guard<T>(body: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (e) {
    if (e instanceof AppFailure) return { ok: false, error: e.appError };
    if (e instanceof z.ZodError) return { ok: false, error: fromZod(e) };
    if (isTestKaseError(e)) return { ok: false, error: fromTestKase(e, false) };
    log.error('resolver failed', e);
    return { ok: false, error: fromTestKase(e, false) };
  }
}

export function parsePayload<T extends z.ZodType>(schema: T, payload: unknown): z.infer<T> {
  return schema.parse(payload ?? {});
}

export function callerOf(request: ResolverRequest): CallContext {
  const ctx = trustedContext(request.context);
  if (!ctx) throw fail('INTERNAL', 'Jira did not say who is signed in or where the app is open. Reload the page and try again.');
  return ctx;
}

/** For operations on the current issue: READY is required, and writing needs a non-Guest role. */
export async function openIssueSession(request: ResolverRequest, access: 'read' | 'write'): Promise<IssueSession> {
  const ctx = callerOf(request);
  if (ctx.module !== 'ISSUE_PANEL' || !ctx.issueKey || !ctx.jiraProjectKey) {
    throw fail('NO_ISSUE_CONTEXT', 'This works only in the TestKase panel of a Jira issue.');
  }
  const [stored, prefetched] = await Promise.all([loadConfig(ctx.accountId), prefetchStateCaches(ctx.accountId, ctx.jiraProjectKey)]);
  if (!stored) throw new AppFailure(fromConfigState({ kind: 'NO_CONFIG' }, ctx.jiraProjectKey));
  const client = clientFactory.create(stored.token);
  const { state } = await resolveState({ accountId: ctx.accountId, stored, client, jiraProjectKey: ctx.jiraProjectKey, prefetched });
  if (state.kind !== 'READY' || !state.project) throw new AppFailure(fromConfigState(state, ctx.jiraProjectKey));
  if (access === 'write' && !state.canWrite) {
    throw fail('FORBIDDEN', `You have read-only (Guest) access to ${state.project.name} in TestKase, so you can view but not change it.`);
  }
  return {
    ctx: { ...ctx, issueKey: ctx.issueKey, jiraProjectKey: ctx.jiraProjectKey },
    stored,
    client,
    project: state.project,
    canWrite: state.canWrite,
  };
}

/**
 * Calls TestKase for an issue operation. When TestKase contradicts the cached state (401: token
 * gone; 403/404 on the project: mapping or membership changed) the cache is dropped so the next
 * render re-checks instead of repeating the failure.
 */
export async function callTestKase<T>(session: IssueSession, write: boolean, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    await forgetContradicted(session.ctx.accountId, session.ctx.jiraProjectKey, e);
    throw new AppFailure(fromTestKase(e, write));
  }
}
