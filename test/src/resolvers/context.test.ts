/**
 * The trusted context (resolvers/context.ts): on an issue, the issue must belong to the project the
 * context names — the project decides the TestKase project, the issue whose tests are read and
 * written. A context pairing DEMO's issue with OTHER's project is not one Jira sends: nothing is done.
 */
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../support/context';
import { backendForFile, expectOk } from '../../support/backend';
import { words } from '../../../src/shared/words/backend';

const b = backendForFile();
const me = 'acc-context-alice';

/** The real handler with `context` as Forge would pass it. */
async function callWith(fn: string, context: Record<string, unknown>, payload: unknown = {}) {
  const { handler } = await import('../../../src/index');
  return handler({ call: { functionKey: fn, payload }, context }, { principal: { accountId: me } });
}

const onIssue = (issueKey: string, projectKey: string, module: 'issuePanel' | 'issueContext' = 'issuePanel') => {
  const base = contextFor(module === 'issueContext' ? { issue: issueKey, module: 'issueContext' } : { issue: issueKey });
  const extension = base.extension as { project: Record<string, unknown> };
  return { ...base, extension: { ...extension, project: { ...extension.project, key: projectKey } } };
};

describe('the context of an issue module', () => {
  it('is trusted when the issue is its project’s', async () => {
    expectOk(await b().call(me, 'savePat', { token: await b().token('alice') }, 'global'));
    expect(await callWith('listLinkedTests', onIssue('DEMO-1', 'DEMO'))).toMatchObject({ ok: true });
  });

  it('refuses an issue of another project, in the panel and the glance, before TestKase is asked anything', async () => {
    b().sim.admin.clearRequests();
    for (const [issue, project] of [['DEMO-1', 'OTHER'], ['DEMO-1', 'DEM'], ['OTHER-1', 'DEMO']] as const) {
      expect(await callWith('listLinkedTests', onIssue(issue, project))).toEqual({ ok: false, error: { code: 'INTERNAL', message: words.errors.noCaller } });
      expect(await callWith('createTestCase', onIssue(issue, project), { title: 'Should not exist' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(await callWith('getIssueSummary', onIssue(issue, project, 'issueContext'))).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    }
    expect(b().sim.admin.requests()).toEqual([]);
  });
});
