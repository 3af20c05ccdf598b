/**
 * Test coverage across a release, for the project page (jira:projectPage) and the dashboard gadget
 * (jira:dashboardGadget), read-only: getCoverageScopes (what a scope can be), getCoveragePage (one
 * bounded step of a scope's rows, chained by a cursor) and listCoverageProjects (the gadget's edit mode).
 * Which module may call each is the function table's (shared/calls.ts): the envelope refuses the others.
 *
 * The project comes from the Forge context on the project page; the gadget has none in its context,
 * so its configuration names it. Jira is always asked as the caller and TestKase with the caller's own
 * token, so naming a project gives no one more than they could see themselves.
 */
import { emptyTally, type CoveragePage } from '../shared/coverage';
import { words } from '../shared/words/coverage';
import { forgetContradicted, openConnection } from '../connection/open-connection';
import { isJiraFailure } from '../jira/answer';
import { isTestKaseError } from '../testkase/errors';
import { loadStep, StaleCursor } from '../coverage/load-page';
import { scopeOptions } from '../coverage/scope-options';
import type { CallerIn } from './context';
import type { Implementation } from './envelope';
import { AppFailure, fail, toAppError } from './errors';
import { connectionView } from './state-messages';

/** The project the call is about: the page's own (from the context), or the gadget's configured one. */
function projectOf(caller: CallerIn<'PROJECT_PAGE' | 'DASHBOARD_GADGET'>, named: string | undefined): string {
  if (caller.module === 'PROJECT_PAGE') {
    if (named !== undefined && named !== caller.jiraProjectKey) throw fail('VALIDATION', words.coverage.errors.otherProject, { field: 'jiraProjectKey' });
    return caller.jiraProjectKey;
  }
  if (!named) throw fail('VALIDATION', words.coverage.errors.gadgetNeedsProject, { field: 'jiraProjectKey' });
  return named;
}

/** A failure of a step, as the person reads it; what TestKase contradicted is forgotten first. */
async function stepFailure(e: unknown, accountId: string, jiraProjectKey: string): Promise<unknown> {
  if (e instanceof StaleCursor) return fail('VALIDATION', words.coverage.errors.staleCursor, { field: 'cursor' });
  if (isJiraFailure(e)) return fail(e.kind === 'REFUSED' ? 'FORBIDDEN' : 'UNAVAILABLE', e.kind === 'REFUSED' ? words.coverage.errors.jiraRefused : words.coverage.errors.jiraUnavailable);
  if (isTestKaseError(e)) {
    await forgetContradicted(accountId, jiraProjectKey, e);
    return new AppFailure(toAppError(e));
  }
  return e;
}

const getCoverageScopes: Implementation<'getCoverageScopes'> = async (input, caller) => {
  const jiraProjectKey = projectOf(caller, input.jiraProjectKey);
  const [opened, options] = await Promise.all([openConnection({ accountId: caller.accountId, jiraProjectKey }), scopeOptions(jiraProjectKey)]);
  return { connection: connectionView(opened.state, { module: caller.module, jiraProjectKey }), jiraProjectKey, ...options };
};

const getCoveragePage: Implementation<'getCoveragePage'> = async (input, caller) => {
  const jiraProjectKey = projectOf(caller, input.jiraProjectKey);
  const { state, client } = await openConnection({ accountId: caller.accountId, jiraProjectKey });
  const connection = connectionView(state, { module: caller.module, jiraProjectKey });
  const nothing: CoveragePage = { connection, jiraProjectKey, rows: [], tally: emptyTally(), next: null, approximateTotal: null, notVisible: 0 };
  if (state.kind !== 'READY' || !state.project || !client) return nothing;
  try {
    const step = await loadStep(client, { jiraProjectKey, projectId: state.project.id, scope: input.scope, cursor: input.cursor });
    return { ...nothing, ...step, rows: input.detail === 'COUNTS' ? [] : step.rows };
  } catch (e) {
    throw await stepFailure(e, caller.accountId, jiraProjectKey);
  }
};

const listCoverageProjects: Implementation<'listCoverageProjects'> = async (_input, caller) => {
  const { state, client } = await openConnection({ accountId: caller.accountId, jiraProjectKey: null });
  const connection = connectionView(state, { module: caller.module, jiraProjectKey: null });
  if (state.kind !== 'READY' || !client) return { connection, projects: [] };
  try {
    const [mine, mappings] = await Promise.all([client.userProjects(), client.jiraMappings()]);
    const names = new Map(mine.map((p) => [p.id, p.name]));
    const projects = mappings
      .filter((m) => names.has(m.projectId))
      .map((m) => ({ jiraProjectKey: m.jiraProjectKey, testkaseProject: names.get(m.projectId) || m.projectName }))
      .sort((a, b) => a.jiraProjectKey.localeCompare(b.jiraProjectKey));
    return { connection, projects };
  } catch (e) {
    throw new AppFailure(toAppError(e));
  }
};

export const coverageResolvers = { getCoverageScopes, getCoveragePage, listCoverageProjects };
