/**
 * What every operation of the issue panel starts from: the caller's connection, which must be READY
 * with a mapped project (writing also needs a role other than Guest), and a way to call TestKase that
 * forgets what TestKase contradicts.
 */
import type { MappedProject } from '../shared/definitions';
import type { TestKaseClient } from '../testkase/client';
import { forgetContradicted, openConnection } from '../connection/open-connection';
import { words } from '../shared/words/backend';
import type { CallerIn } from './context';
import { AppFailure, fail, fromConnectionState, toAppError } from './errors';

export interface IssueSession {
  caller: CallerIn<'ISSUE_PANEL'>;
  client: TestKaseClient;
  project: MappedProject;
  canWrite: boolean;
}

/** The issue panel only (the envelope let no other module in), on the issue and project of its context. */
export async function openIssueSession(caller: CallerIn<'ISSUE_PANEL'>, access: 'read' | 'write'): Promise<IssueSession> {
  const { jiraProjectKey } = caller;
  // A write re-confirms the mapping (one request): a cached one could send it to a project that was unmapped since.
  const { state, client } = await openConnection({ accountId: caller.accountId, jiraProjectKey }, { freshMapping: access === 'write' });
  if (state.kind !== 'READY') throw new AppFailure(fromConnectionState(state, { module: caller.module, jiraProjectKey }));
  // In a Jira project a READY state always has its project, and a saved token its client.
  if (!state.project || !client) throw new Error('READY in an issue panel without a project or a client');
  if (access === 'write' && !state.canWrite) throw fail('FORBIDDEN', words.errors.guestReadOnly({ project: state.project.name }));
  return { caller, client, project: state.project, canWrite: state.canWrite };
}

/**
 * Calls TestKase for an issue operation. When TestKase contradicts what is cached (401: token gone;
 * 403/404 on the project: mapping or membership changed) the cache is dropped so the next render
 * re-checks instead of repeating the failure.
 */
export async function callTestKase<T>(session: IssueSession, write: boolean, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    await forgetContradicted(session.caller.accountId, session.caller.jiraProjectKey, e);
    throw new AppFailure(toAppError(e, write));
  }
}
