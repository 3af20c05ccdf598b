/**
 * What every operation of the issue panel starts from: the caller's connection, which must be READY
 * with a mapped project (writing also needs a role other than Guest), and a way to call TestKase that
 * forgets what TestKase contradicts.
 */
import type { MappedProject } from '../shared/definitions';
import type { TestKaseClient } from '../testkase/client';
import { forgetContradicted, openConnection } from '../connection/open-connection';
import type { CallContext } from './context';
import { AppFailure, fail, fromConfigState, toAppError } from './errors';
import { sentences } from './sentences';

export interface IssueSession {
  caller: CallContext & { issueKey: string; jiraProjectKey: string };
  client: TestKaseClient;
  project: MappedProject;
  canWrite: boolean;
}

export async function openIssueSession(caller: CallContext, access: 'read' | 'write'): Promise<IssueSession> {
  const { issueKey, jiraProjectKey } = caller;
  if (caller.module !== 'ISSUE_PANEL' || !issueKey || !jiraProjectKey) throw fail('NO_ISSUE_CONTEXT', sentences.issueOnly);
  // A write re-confirms the mapping (one request): a cached one could send it to a project that was unmapped since.
  const { state, client } = await openConnection({ accountId: caller.accountId, jiraProjectKey }, { freshMapping: access === 'write' });
  if (state.kind !== 'READY' || !state.project || !client) throw new AppFailure(fromConfigState(state, { module: caller.module, jiraProjectKey }));
  if (access === 'write' && !state.canWrite) throw fail('FORBIDDEN', sentences.guestReadOnly(state.project.name));
  return { caller: { ...caller, issueKey, jiraProjectKey }, client, project: state.project, canWrite: state.canWrite };
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
